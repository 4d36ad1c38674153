/** A problem with one cell, row, header or file, located for a human editing the CSV. */
export interface RowError {
  file: string;
  /** Physical 1-based line where the record (or header) starts. */
  line: number;
  /** Column name, or `(file)` for problems of the file as a whole. */
  column: string;
  reason: string;
}

/** `file:line: column: reason`, the format editors and terminals link to. */
export function formatError(e: RowError): string {
  return `${e.file}:${e.line}: ${e.column}: ${e.reason}`;
}

/** Orders errors by file (in the order given) then line, keeping the order within a line. */
export function sortErrors(errors: readonly RowError[], files: readonly string[] = []): RowError[] {
  const rank = (file: string): number => {
    const i = files.indexOf(file);
    return i === -1 ? files.length : i;
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e.file) - rank(b.e.file) || (a.e.file < b.e.file ? -1 : a.e.file > b.e.file ? 1 : 0) || a.e.line - b.e.line || a.i - b.i)
    .map(({ e }) => e);
}
