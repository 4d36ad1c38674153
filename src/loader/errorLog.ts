/**
 * The loader's error list: problems are reported in any order while a batch is read, then
 * published in line order; the first `max` are kept and the rest only counted. Pure.
 */
import type { RowError } from '../data/errors.ts';

export interface ErrorLog {
  report(e: RowError): void;
  /** Sorts what was reported since the last call by line and adds it to the list. */
  publish(): void;
  /** The kept errors (at most `max`), in line order batch by batch. */
  readonly errors: RowError[];
  /** Every error published, kept or not. */
  count(): number;
}

export function createErrorLog(max: number): ErrorLog {
  const errors: RowError[] = [];
  let count = 0;
  let pending: RowError[] = [];
  return {
    report: (e) => void pending.push(e),
    publish() {
      pending.sort((a, b) => a.line - b.line);
      for (const e of pending) {
        count++;
        if (errors.length < max) errors.push(e);
      }
      pending = [];
    },
    errors,
    count: () => count,
  };
}
