/**
 * The period comparison as CSV (issue 18): one line per differenced arc — both periods and the
 * difference — then the figures that are not comparable, with the reason (`year`: a running
 * total or yearly figure, its value under its period; `spans`: its years run into both periods;
 * `outside`: partly outside the period in `only_in`), its years and value, and no difference. Pure; names come from the caller (`place`, `industry`). UTF-8 with a BOM (Excel).
 */
import { csvFormatRows } from 'd3-dsv';
import type { PeriodComparison } from '../selectors/compare.ts';

export interface CompareCsvLookup {
  place(key: string, adcode: number): string;
  industry(id: string): string;
}

const years = (y: readonly [number, number] | null) => (y ? (y[0] === y[1] ? String(y[0]) : `${y[0]}-${y[1]}`) : 'all');
/** A spreadsheet must not read a name as a formula. */
const safe = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export function compareCsv(c: PeriodComparison, o: CompareCsvLookup): string {
  const head = ['origin', 'destination', 'industry', 'unit', 'basis', 'status', `period_a_${years(c.a)}`, `period_b_${years(c.b)}`, 'difference_a_minus_b', 'comparable', 'only_in', 'not_comparable_reason', 'figure_years', 'figure_not_differenced'];
  const lines: string[][] = [head];
  for (const r of c.rows) {
    lines.push([safe(o.place(r.originKey, r.origin.adcode)), safe(o.place(r.destinationKey, r.destination.adcode)), safe(o.industry(r.industry)), r.group.unit, r.group.basis, r.group.status ?? '', r.a === null ? '' : String(r.a), r.b === null ? '' : String(r.b), String(r.diff), 'yes', r.only ?? '', '', '', '']);
  }
  for (const n of c.notComparable) {
    const a = n.arc;
    lines.push([safe(o.place(a.originKey, a.origin.adcode)), safe(o.place(a.destinationKey, a.destination.adcode)), safe(o.industry(a.industry)), a.group.unit, a.group.basis, a.group.status ?? '', ...(['a', 'b'] as const).map((p) => (n.reason === 'year' && n.period === p ? String(a.value) : '')), '', 'no', n.period ?? 'a;b', n.reason, years([a.group.periodStart, a.group.periodEnd]), String(a.value)]);
  }
  return `\uFEFF${csvFormatRows(lines)}\n`;
}
