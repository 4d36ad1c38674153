/**
 * A minimal .xlsx writer for tests (Node): the parts Excel writes for plain data — content
 * types, workbook with its relationships, shared strings, one XML part per sheet — in a ZIP
 * with deflated (or stored) entries and correct CRC-32s. Strings go to the shared table,
 * numbers stay numbers, `null` leaves the cell out (as Excel does for empty cells).
 */
import { deflateRawSync } from 'node:zlib';

export type XCell = string | number | null;
export interface XSheet {
  name: string;
  rows: XCell[][];
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const col = (i: number): string => (i >= 26 ? col(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));

export function zip(files: Array<[name: string, data: Uint8Array]>, compress = true): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = enc.encode(name);
    const body = compress ? new Uint8Array(deflateRawSync(data)) : data;
    const method = compress ? 8 : 0;
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, method, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, body.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    chunks.push(new Uint8Array(local.buffer), nameBytes, body);
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, method, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, body.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, nameBytes.length, true);
    c.setUint32(42, offset, true);
    central.push(new Uint8Array(c.buffer), nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((a, b) => a + b.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function writeXlsx(sheets: XSheet[], compress = true): Uint8Array {
  const enc = new TextEncoder();
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sheetXml = (s: XSheet) => {
    const rows = s.rows.map((r, ri) => {
      const cells = r.map((v, ci) => {
        if (v === null) return '';
        const ref = `${col(ci)}${ri + 1}`;
        if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
        let i = index.get(v);
        if (i === undefined) {
          i = strings.length;
          strings.push(v);
          index.set(v, i);
        }
        return `<c r="${ref}" t="s"><v>${i}</v></c>`;
      });
      return `<row r="${ri + 1}">${cells.join('')}</row>`;
    });
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  };
  const parts: Array<[string, Uint8Array]> = sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, enc.encode(sheetXml(s))]);
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`;
  return zip(
    [
      ['[Content_Types].xml', enc.encode(types)],
      ['xl/workbook.xml', enc.encode(workbook)],
      ['xl/_rels/workbook.xml.rels', enc.encode(rels)],
      ['xl/sharedStrings.xml', enc.encode(shared)],
      ...parts,
    ],
    compress,
  );
}

/** The rows of issue 19's file, for the .xlsx fixture (firms as numbers, years as numbers). */
export const ISSUE_19_ROWS: XCell[][] = [
  ['迁出地', '迁入地', '行业', '年份', '企业数'],
  ['北京市朝阳区', '河北省沧州市', '医药', 2016, 3],
  ['北京市大兴区', '沧州市渤海新区', '医药', 2017, 5],
  ['天津市滨海新区', '唐山市曹妃甸区', '钢铁', 2019, 1],
  ['北京市丰台区', '河北省廊坊市固安县', '装备制造', 2020, 4],
  ['北京市西城区', '雄安新区', '总部', 2021, 1],
  ['北京', '张家口市张北县', '数据中心', 2022, 2],
];
