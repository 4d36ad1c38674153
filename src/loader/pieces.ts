/**
 * Pieces of CSV text (each ending on a record boundary, ./split.ts) → rows with the line numbers
 * of the whole file. The first piece gives the header, checked before anything else (empty,
 * blank, too many columns); later pieces are parsed after a copy of the header and their lines
 * shifted back. Pure.
 */
import { csvFormatRows } from 'd3-dsv';
import { lineBreaks, parseTable, type Row } from '../data/csv.ts';
import type { RowError } from '../data/errors.ts';
import { LIMITS, limitMessage } from './limits.ts';

export type Piece =
  | { kind: 'header'; header: readonly string[]; rows: readonly Row[]; errors: readonly RowError[] }
  | { kind: 'rows'; rows: readonly Row[]; errors: readonly RowError[] }
  | { kind: 'fatal'; fatal: { kind: 'empty' | 'no-header' | 'limit'; detail?: string } };

export interface PieceReader {
  read(text: string): Piece;
  /** Physical line on which the next piece starts. */
  nextLine(): number;
}

export function createPieceReader(file: string): PieceReader {
  let prefix: string | null = null;
  let prefixLines = 0;
  let next = 1;
  return {
    nextLine: () => next,
    read(text) {
      const startLine = next;
      next += lineBreaks(text);
      if (prefix === null) {
        const table = parseTable(text, file);
        if (table.header.length === 0) return { kind: 'fatal', fatal: { kind: 'empty' } };
        if (table.header.every((h) => h.trim() === '')) return { kind: 'fatal', fatal: { kind: 'no-header' } };
        if (table.header.length > LIMITS.columns) return { kind: 'fatal', fatal: { kind: 'limit', detail: limitMessage.columns(table.header.length) } };
        prefix = `${csvFormatRows([[...table.header]])}\n`;
        prefixLines = lineBreaks(prefix);
        return { kind: 'header', header: table.header, rows: table.rows, errors: table.errors };
      }
      const table = parseTable(prefix + text, file);
      // Lines of this piece, parsed after the repeated header, back to lines of the file.
      const shift = startLine - (prefixLines + 1);
      return {
        kind: 'rows',
        rows: table.rows.map((r) => ({ line: r.line + shift, cells: r.cells })),
        errors: table.errors.filter((e) => e.line > prefixLines).map((e) => ({ ...e, line: e.line + shift })),
      };
    },
  };
}
