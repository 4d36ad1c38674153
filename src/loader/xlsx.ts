/**
 * An Excel workbook (.xlsx, Office Open XML) → the rows of one sheet, as CSV text for the
 * loader's pipeline. Loaded only when such a file is chosen (a dynamic import in the worker);
 * reads the ZIP with ./zip.ts and the few XML parts it needs with small scanners (a worker has
 * no DOMParser): xl/workbook.xml (sheet names), its relationships (sheet files),
 * xl/sharedStrings.xml (the strings cells point to) and the sheet (rows of cells, with gaps).
 *
 * Cells: shared and inline strings, numbers (Excel's binary floats written back as the shortest
 * decimal of 15 significant digits: 1.2000000000000002 → 1.2), booleans, error values as
 * written (#N/A: the validator refuses them). Formulas: their cached value. Pure except for
 * inflating (DecompressionStream).
 */
import { csvFormatRows } from 'd3-dsv';
import { LIMITS } from './limits.ts';
import { ZipError, zipEntries, zipRead, type ZipEntry } from './zip.ts';

export interface Workbook {
  sheets: string[];
  /** The sheet read. */
  sheet: string;
  /** CSV text of its rows (first row: the header). */
  csv: string;
  rows: number;
}

/** Unpacked bytes of one part at most (a sheet of 500,000 rows is about 60 MB of XML). */
export const MAX_PART_BYTES = 400_000_000;

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text → text: entities and character references decoded. */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITY[e.toLowerCase()] ?? m;
  });
}

const attr = (attrs: string, name: string): string | null => {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : null;
};

/** Text of the <t> elements in a string item, without phonetic runs (<rPh>). */
function itemText(xml: string): string {
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of clean.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += unescapeXml(m[1] ?? '');
  return out;
}

/** xl/sharedStrings.xml → the strings, in order. */
export function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)) out.push(itemText(m[1] ?? ''));
  return out;
}

/** "AB12" → 27 (0-based column). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** An Excel number as people wrote it: 15 significant digits, no binary noise. */
export function excelNumber(v: string): string {
  const x = Number(v);
  if (!Number.isFinite(x) || v.trim() === '') return v;
  const s = String(Number(x.toPrecision(15)));
  return /e/i.test(s) ? v : s;
}

/** A sheet's XML → rows of cells (gaps filled with ''). Throws when a row has too many columns. */
export function sheetRows(xml: string, strings: readonly string[]): string[][] {
  const rows: string[][] = [];
  let next = 0;
  for (const r of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = Number(attr(r[1]!, 'r'));
    const at = Number.isInteger(number) && number > 0 ? number - 1 : next;
    // Empty rows in between are left out (the CSV reader skips blank lines too).
    next = at + 1;
    const cells: string[] = [];
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!;
      const body = c[2] ?? '';
      const ref = attr(attrs, 'r');
      const col = ref ? columnIndex(ref) : cells.length;
      if (col < 0 || col >= LIMITS.columns) throw new ZipError(`a row with a cell in column ${col + 1}, at most ${LIMITS.columns} columns are read`);
      const type = attr(attrs, 't') ?? 'n';
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = v === undefined ? '' : (strings[Number(v)] ?? '');
      else if (type === 'inlineStr') text = itemText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'b') text = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else if (type === 'n') text = v === undefined ? '' : excelNumber(unescapeXml(v));
      else text = v === undefined ? '' : unescapeXml(v); // str (formula text), e (#N/A), d (ISO date)
      while (cells.length < col) cells.push('');
      cells[col] = text;
    }
    if (cells.some((x) => x !== '')) rows.push(cells);
  }
  return rows;
}

/** workbook.xml + its .rels → the sheets in order, each with its part's path. */
export function workbookSheets(workbook: string, rels: string): Array<{ name: string; path: string }> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1]!, 'Id');
    const target = attr(m[1]!, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out: Array<{ name: string; path: string }> = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(m[1]!, 'name') ?? `Sheet${out.length + 1}`;
    const id = attr(m[1]!, 'r:id') ?? attr(m[1]!, 'id');
    const path = id ? targets.get(id) : undefined;
    if (path) out.push({ name, path });
  }
  return out;
}

/** The workbook's bytes → one sheet (by name; the first when null or not found) as CSV text. */
export async function readWorkbook(bytes: Uint8Array, sheet: string | null = null): Promise<Workbook> {
  const entries = zipEntries(bytes);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));
  const decoder = new TextDecoder();
  const text = async (name: string, required: boolean): Promise<string> => {
    const e = byName.get(name);
    if (!e) {
      if (required) throw new ZipError(`not an Excel workbook (no ${name}): save the sheet as .xlsx or "CSV UTF-8"`);
      return '';
    }
    return decoder.decode(await zipRead(bytes, e, MAX_PART_BYTES));
  };
  const sheets = workbookSheets(await text('xl/workbook.xml', true), await text('xl/_rels/workbook.xml.rels', true));
  if (sheets.length === 0) throw new ZipError('the workbook has no sheets');
  const chosen = sheets.find((s) => s.name === sheet) ?? sheets[0]!;
  const strings = sharedStrings(await text('xl/sharedStrings.xml', false));
  const rows = sheetRows(await text(chosen.path, true), strings);
  const width = Math.max(0, ...rows.slice(0, 1).map((r) => r.length));
  // Every row as wide as the header (trailing empty cells are not written by Excel).
  for (const r of rows) while (r.length < width) r.push('');
  return { sheets: sheets.map((s) => s.name), sheet: chosen.name, csv: rows.length ? `${csvFormatRows(rows)}\n` : '', rows: Math.max(0, rows.length - 1) };
}
