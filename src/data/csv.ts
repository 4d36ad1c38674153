/**
 * CSV text → header + rows with their physical line numbers. Pure (no Node APIs) and total:
 * any string, including garbage, yields a Table, never an exception.
 */
import { csvParseRows } from 'd3-dsv';
import type { RowError } from './errors.ts';

export interface Row {
  /** Physical (1-based) line on which the record starts. */
  line: number;
  /** One cell per header column. */
  cells: readonly string[];
}

export interface Table {
  file: string;
  header: readonly string[];
  rows: readonly Row[];
  /** Problems of the file itself: empty, unclosed quote, wrong number of fields. */
  errors: readonly RowError[];
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;
const FILE = '(file)';

/**
 * Parses RFC 4180 text with d3-dsv. Each record's line number accounts for line breaks inside
 * quoted fields. Blank lines are skipped; a record whose field count differs from the header's
 * is reported and left out.
 */
export function parseTable(text: string, file: string): Table {
  if (typeof text !== 'string') {
    return { file, header: [], rows: [], errors: [{ file, line: 1, column: FILE, reason: 'not text' }] };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: RowError[] = [];
  let records: { line: number; cells: string[] }[];
  try {
    records = parseRecords(source);
  } catch (e) {
    const reason = `could not be parsed as CSV (${e instanceof Error ? e.message : String(e)})`;
    return { file, header: [], rows: [], errors: [{ file, line: 1, column: FILE, reason }] };
  }
  const first = records[0];
  if (!first || (records.every(isBlank))) {
    return { file, header: [], rows: [], errors: [{ file, line: 1, column: FILE, reason: 'file is empty (expected a header line)' }] };
  }
  const header = first.cells;
  for (const problem of quoteProblems(source)) {
    errors.push({ file, line: problem.line, column: header[problem.field] ?? `field ${problem.field + 1}`, reason: problem.reason });
  }
  const rows: Row[] = [];
  for (const record of records.slice(1)) {
    if (isBlank(record)) continue;
    if (record.cells.length !== header.length) {
      errors.push({
        file,
        line: record.line,
        column: FILE,
        reason: `row has ${record.cells.length} fields, the header has ${header.length} (unquoted comma or missing cell?)`,
      });
      continue;
    }
    rows.push(record);
  }
  errors.sort((a, b) => a.line - b.line);
  return { file, header, rows, errors };
}

function parseRecords(text: string): { line: number; cells: string[] }[] {
  let line = 1;
  return csvParseRows(text, (cells) => {
    const record = { line, cells };
    line += 1;
    for (const cell of cells) line += lineBreaks(cell);
    return record;
  });
}

function isBlank(record: { cells: readonly string[] }): boolean {
  return record.cells.length === 1 && record.cells[0] === '';
}

/** Number of line breaks (LF, CRLF or lone CR) in `s`. */
export function lineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === NEWLINE) n++;
    else if (c === RETURN) {
      n++;
      if (s.charCodeAt(i + 1) === NEWLINE) i++;
    }
  }
  return n;
}

interface QuoteProblem {
  line: number;
  /** 0-based index of the field in its record. */
  field: number;
  reason: string;
}

/**
 * Quoting mistakes that d3-dsv accepts silently: a quoted field that is never closed (it swallows
 * the rest of the file) and text right after a closing quote (d3-dsv drops one character).
 * Tokenizes exactly as d3-dsv does.
 */
function quoteProblems(text: string): QuoteProblem[] {
  const problems: QuoteProblem[] = [];
  let n = text.length;
  if (text.charCodeAt(n - 1) === NEWLINE) --n;
  if (text.charCodeAt(n - 1) === RETURN) --n;
  let line = 1;
  let field = 0;
  let i = 0;
  const endOfLine = (c: number): boolean => {
    if (c === NEWLINE) return true;
    if (c === RETURN) {
      if (text.charCodeAt(i) === NEWLINE) i++;
      return true;
    }
    return false;
  };
  while (i < n) {
    if (text.charCodeAt(i) === QUOTE) {
      const opened = line;
      i++;
      for (;;) {
        if (i >= n) {
          problems.push({ line: opened, field, reason: 'quoted field is never closed (it runs to the end of the file)' });
          return problems;
        }
        const c = text.charCodeAt(i++);
        if (c === QUOTE) {
          if (text.charCodeAt(i) !== QUOTE) break;
          i++;
        } else if (endOfLine(c)) line++;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i++);
      if (endOfLine(c)) {
        line++;
        field = 0;
      } else if (c === COMMA) field++;
      else {
        problems.push({ line, field, reason: 'text after a closing quote (quote the whole field and double inner quotes)' });
        field++;
      }
      continue;
    }
    for (;;) {
      if (i >= n) break;
      const c = text.charCodeAt(i++);
      if (endOfLine(c)) {
        line++;
        field = 0;
        break;
      }
      if (c === COMMA) {
        field++;
        break;
      }
    }
  }
  return problems;
}
