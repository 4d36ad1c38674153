/**
 * The adding-up rule for running totals (data/sum.ts): two running totals on one arc (at the
 * flows' own level: `fineArc` of a flow merged to prefecture level, else its bucket) in one sum
 * group (unit, status, investment type, year) are two reports of one count — never added; the
 * latest as-of (data/sum.ts `asOf`: period end, then the month its period note names; then the
 * later row) is the figure, the other is superseded (still listed with the arc, not counted). Pure.
 */
import { asOf } from '../data/sum.ts';
import type { FigureColumns } from './figureColumns.ts';

/** Rows (flow indices) among `rows` superseded by a later report of the same running total. */
export function supersededRows(figures: FigureColumns, rows: ArrayLike<number>): Set<number> {
  const { index, group, groups } = figures;
  const latest = new Map<string, number>();
  const out = new Set<number>();
  const at = (i: number) => asOf(index.flows[i]!.periodEnd, index.flows[i]!.periodNote);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const g = group[i]!;
    if (g < 0 || groups[g]!.basis !== 'cumulative') continue;
    const key = `${g}|${index.flows[i]!.fineArc ?? index.bucket[i]}`;
    const j = latest.get(key);
    if (j !== undefined) {
      // Rows come in data order: on a tie the later row wins.
      if (at(i) < at(j)) {
        out.add(i);
        continue;
      }
      out.add(j);
    }
    latest.set(key, i);
  }
  return out;
}
