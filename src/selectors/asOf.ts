/**
 * The adding-up rule for running totals (data/sum.ts): two running totals on one arc (at the
 * flows' own level) in one sum group (unit, status, investment type, year) are two reports of one
 * count — never added; the latest as-of (period end, then the month its period note names, then
 * the later row) is the figure, the other is superseded (still listed with the arc, not counted).
 * Pure.
 */
import type { FigureColumns } from './figureColumns.ts';

/** Rows (flow indices) among `rows` superseded by a later report of the same running total; null when none is. */
export function supersededRows(figures: FigureColumns, rows: ArrayLike<number>): Set<number> | null {
  const { index, group, groups } = figures;
  let latest: Map<string, number> | null = null;
  let out: Set<number> | null = null;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const g = group[i]!;
    if (g < 0 || groups[g]!.basis !== 'cumulative') continue;
    const key = `${g}|${index.fineArc[i]}`;
    latest ??= new Map();
    const j = latest.get(key);
    if (j === undefined) {
      latest.set(key, i);
      continue;
    }
    // The later as-of wins; on a tie, the later row.
    const [old, now] = index.asOf[i]! > index.asOf[j]! || (index.asOf[i] === index.asOf[j] && i > j) ? [j, i] : [i, j];
    latest.set(key, now);
    (out ??= new Set()).add(old);
  }
  return out;
}
