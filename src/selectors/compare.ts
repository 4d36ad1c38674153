/**
 * Two periods compared (issue 18): `years` (period A) beside `compare` (period B), under the same
 * other filters and level. Arcs are matched by id (ends, industry and summable group): a pair of
 * figures measured the same way is differenced (A − B); an arc in one period only is marked so.
 * Running totals and yearly figures (data/sum.ts YEAR_BOUND) belong to their year: a total to
 * 2017 minus a total to 2015 is not a figure of either period, so they are listed as not
 * comparable, never differenced. The same for the summary's totals. Pure.
 */
import { YEAR_BOUND, type SumGroup } from '../data/sum.ts';
import type { Arc } from './arcs.ts';

/** An arc's identity (its ends, industry and summable group) with its figure in both periods. */
export interface ChangeRow extends Pick<Arc, 'id' | 'originKey' | 'destinationKey' | 'origin' | 'destination' | 'industry' | 'group'> {
  /** Period A (`years`) and B (`compare`); null = nothing there in that period. */
  a: number | null;
  b: number | null;
  /** A − B, treating an absent arc as 0 (an arc in one period only: `only`). */
  diff: number;
  only: 'a' | 'b' | null;
}

export interface NotComparable {
  id: string;
  period: 'a' | 'b';
  arc: Pick<Arc, 'originKey' | 'destinationKey' | 'origin' | 'destination' | 'industry' | 'group' | 'value'>;
}

export interface TotalChange {
  group: SumGroup;
  a: number | null;
  b: number | null;
  diff: number;
}

export interface PeriodComparison {
  a: [number, number] | null;
  b: [number, number];
  /** Differenced arcs, largest change (absolute) first. */
  rows: ChangeRow[];
  notComparable: NotComparable[];
  /** The summary's totals per summable group, differenced where comparable. */
  totals: TotalChange[];
  /** Totals that are not comparable (running totals, yearly figures), per period. */
  totalsNotComparable: Array<{ period: 'a' | 'b'; group: SumGroup }>;
  /** Largest absolute change (the diverging scale's end). */
  maxChange: number;
}

const tidy = (n: number) => Math.round(n * 1e6) / 1e6;
const comparable = (g: SumGroup) => !YEAR_BOUND.has(g.basis);

export function comparePeriods(a: { arcs: readonly Arc[]; totals: readonly SumGroup[]; years: [number, number] | null }, b: { arcs: readonly Arc[]; totals: readonly SumGroup[]; years: [number, number] }): PeriodComparison {
  const rows = new Map<string, ChangeRow>();
  const notComparable: NotComparable[] = [];
  for (const [period, arcs] of [['a', a.arcs], ['b', b.arcs]] as const) {
    for (const arc of arcs) {
      if (!comparable(arc.group)) {
        notComparable.push({ id: arc.id, period, arc });
        continue;
      }
      const row = rows.get(arc.id) ?? { id: arc.id, originKey: arc.originKey, destinationKey: arc.destinationKey, origin: arc.origin, destination: arc.destination, industry: arc.industry, group: arc.group, a: null, b: null, diff: 0, only: null };
      row[period] = arc.value;
      rows.set(arc.id, row);
    }
  }
  let maxChange = 0;
  for (const r of rows.values()) {
    r.diff = tidy((r.a ?? 0) - (r.b ?? 0));
    r.only = r.a === null ? 'b' : r.b === null ? 'a' : null;
    maxChange = Math.max(maxChange, Math.abs(r.diff));
  }
  const totals = new Map<string, TotalChange>();
  const totalsNotComparable: PeriodComparison['totalsNotComparable'] = [];
  for (const [period, list] of [['a', a.totals], ['b', b.totals]] as const) {
    for (const g of list) {
      if (!comparable(g)) {
        totalsNotComparable.push({ period, group: g });
        continue;
      }
      const tc = totals.get(g.key) ?? { group: g, a: null, b: null, diff: 0 };
      tc[period] = g.value;
      tc.diff = tidy((tc.a ?? 0) - (tc.b ?? 0));
      totals.set(g.key, tc);
    }
  }
  return {
    a: a.years,
    b: b.years,
    rows: [...rows.values()].sort((x, y) => Math.abs(y.diff) - Math.abs(x.diff) || (x.id < y.id ? -1 : 1)),
    notComparable,
    totals: [...totals.values()],
    totalsNotComparable,
    maxChange,
  };
}
