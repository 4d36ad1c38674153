/** Issue 19: Excel workbooks, read in the worker by a small reader (src/loader/xlsx.ts, zip.ts). */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnIndex, excelNumber, readWorkbook, sharedStrings, sheetRows, unescapeXml, workbookSheets } from '../../src/loader/xlsx.ts';
import { zipEntries } from '../../src/loader/zip.ts';
import { ISSUE_19_ROWS, crc32, writeXlsx, zip } from './xlsx-writer.ts';
import { load } from './loader-helpers.ts';

describe('the test writer', () => {
  it('writes a ZIP that unzip(1) accepts, with correct CRCs', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const path = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'a.xlsx');
    writeFileSync(path, writeXlsx([{ name: 'S', rows: ISSUE_19_ROWS }]));
    let listing = '';
    try {
      listing = execFileSync('unzip', ['-t', path], { encoding: 'utf8' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // no unzip on this machine
      throw e;
    }
    expect(listing).toContain('No errors detected');
  });
});

describe('the reader', () => {
  it('reads the XML parts', () => {
    expect(unescapeXml('a &lt;b&gt; &amp; &#x6C9F;&#27743; &quot;q&quot;')).toBe('a <b> & 沟江 "q"');
    expect(sharedStrings('<sst><si><t>沧州</t></si><si><r><t>河北</t></r><r><t xml:space="preserve"> 省</t></r><rPh><t>へ</t></rPh></si><si/></sst>')).toEqual(['沧州', '河北 省', '']);
    expect([columnIndex('A1'), columnIndex('Z9'), columnIndex('AA3'), columnIndex('AB12')]).toEqual([0, 25, 26, 27]);
    expect([excelNumber('1.2000000000000002'), excelNumber('2016'), excelNumber('0.1'), excelNumber('x')]).toEqual(['1.2', '2016', '0.1', 'x']);
    const rows = sheetRows('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>x&amp;y</t></is></c></row><row r="3"><c r="B3"><v>3.5</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row><row r="4"/></sheetData>', ['origin']);
    expect(rows).toEqual([['origin', '', 'x&y'], ['', '3.5', 'TRUE', '#N/A']]);
    expect(workbookSheets('<sheets><sheet name="数据" sheetId="1" r:id="rId2"/><sheet name="B" r:id="rId1"/></sheets>', '<Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/>')).toEqual([
      { name: '数据', path: 'xl/worksheets/sheet2.xml' },
      { name: 'B', path: 'xl/worksheets/sheet1.xml' },
    ]);
  });

  it('reads the first sheet, or the one chosen; deflated and stored entries', async () => {
    for (const compress of [true, false]) {
      const book = writeXlsx([{ name: 'Notes', rows: [['a', 'b'], [1, 2]] }, { name: '数据', rows: ISSUE_19_ROWS }], compress);
      const first = await readWorkbook(book);
      expect(first).toMatchObject({ sheets: ['Notes', '数据'], sheet: 'Notes', csv: 'a,b\n1,2\n', rows: 1 });
      const chosen = await readWorkbook(book, '数据');
      expect(chosen.csv.split('\n')[1]).toBe('北京市朝阳区,河北省沧州市,医药,2016,3');
    }
  });

  it('refuses what is not a workbook, with a reason', async () => {
    await expect(readWorkbook(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).rejects.toThrow(/no central directory/);
    await expect(readWorkbook(zip([['word/document.xml', new TextEncoder().encode('<w/>')]]))).rejects.toThrow(/not an Excel workbook/);
    expect(zipEntries(zip([['a', new Uint8Array(3)]])).map((e) => e.name)).toEqual(['a']);
  });
});

describe('through the pipeline', () => {
  it("issue 19's rows as an .xlsx: 0 bad rows, the same 6 flows as the CSV", async () => {
    const r = await load(writeXlsx([{ name: 'Sheet1', rows: ISSUE_19_ROWS }]), { file: 'issue-19.xlsx' });
    expect(r.preview.errors).toEqual([]);
    expect([r.preview.encoding, r.preview.sheet, r.preview.rows, r.preview.good]).toEqual(['xlsx', 'Sheet1', 6, 6]);
    expect(r.flows.map((f) => [f.originAdcode, f.destinationAdcode, f.firms])).toEqual([
      [110105, 130900, 3],
      [110115, 130983, 5],
      [120116, 130209, 1],
      [110106, 131022, 4],
      [110102, 130632, 1],
      [110000, 130722, 2],
    ]);
  });
  it('a damaged workbook is refused as such', async () => {
    const r = await load(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    expect(r.preview.fatal?.kind).toBe('binary');
    expect(r.preview.fatal?.detail).toMatch(/cannot be read as an Excel workbook/);
  });
});
