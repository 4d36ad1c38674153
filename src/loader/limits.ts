/**
 * The loader's limits, in one place (issue 21): checked in the worker while the file is read,
 * before any DOM work, each failing early with a message that names it. Far above any real
 * planner's file; they keep a hostile or broken one from freezing the tab or holding memory.
 */
export const LIMITS = {
  /** Columns in the header (a real file has a few dozen; 60,000 took the dialog 4 s). */
  columns: 1000,
  /** Characters in one record (a line, or several inside a quoted field). */
  lineChars: 1_000_000,
  /** Characters in one cell. */
  cellChars: 10_000,
  /** Rows drawn (6 million were drawn in a test, slowly). */
  rows: 5_000_000,
} as const;

const n = (v: number) => v.toLocaleString('en-US');

export const limitMessage = {
  columns: (count: number) => `the header has ${n(count)} columns, at most ${n(LIMITS.columns)} are read`,
  line: (line: number) => `line ${n(line)} is longer than ${n(LIMITS.lineChars)} characters (a file without line breaks, or an unclosed quote?)`,
  cell: (length: number) => `a cell of ${n(length)} characters, at most ${n(LIMITS.cellChars)} allowed`,
  rows: () => `more than ${n(LIMITS.rows)} rows: split the file`,
};
