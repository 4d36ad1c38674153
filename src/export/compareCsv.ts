/**
 * The period comparison as CSV (issue 18): one line per differenced arc — both periods and the
 * difference — then the arcs that are not comparable, with their period and value and no
 * difference. Pure; names come from the caller (`place`, `industry`). UTF-8 with a BOM (Excel).
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
  const head = ['origin', 'destination', 'industry', 'unit', 'basis', 'status', `period_a_${years(c.a)}`, `period_b_${years(c.b)}`, 'difference_a_minus_b', 'comparable', 'only_in'];
  const lines: string[][] = [head];
  for (const r of c.rows) {
    lines.push([safe(o.place(r.originKey, r.origin.adcode)), safe(o.place(r.destinationKey, r.destination.adcode)), safe(o.industry(r.industry)), r.group.unit, r.group.basis, r.group.status ?? '', r.a === null ? '' : String(r.a), r.b === null ? '' : String(r.b), String(r.diff), 'yes', r.only ?? '']);
  }
  for (const n of c.notComparable) {
    const a = n.arc;
    lines.push([safe(o.place(a.originKey, a.origin.adcode)), safe(o.place(a.destinationKey, a.destination.adcode)), safe(o.industry(a.industry)), a.group.unit, a.group.basis, a.group.status ?? '', n.period === 'a' ? String(a.value) : '', n.period === 'b' ? String(a.value) : '', '', 'no', n.period]);
  }
  return `\uFEFF${csvFormatRows(lines)}\n`;
}
