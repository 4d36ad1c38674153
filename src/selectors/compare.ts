/**
 * Two periods compared (issue 18): `years` (period A; none = every year) beside `compare`
 * (period B), under the same other filters and level. Arcs are matched by id (ends, industry and
 * summable group): a pair of figures measured the same way is differenced (A − B); an arc in one
 * period only is marked so.
 *
 * Which figures a period holds. A figure stands for its whole period (periodStart–periodEnd: a
 * period total over several years, or an event that ran over them), and nothing says how it
 * splits by year. So a figure is put in a period only when its whole period lies inside that
 * period's years AND it does not run partly into the other period's years (the two may
 * overlap: a figure inside both is in both). Every other figure that touches a compared period
 * is listed as not comparable, with the reason (`NotComparable.reason`):
 *  - `spans`: its period runs into both compared periods (a total 2015–2019 with 2014–2016 vs
 *    2017–2020) — differencing it would count years of B as A's, or drop them from both;
 *  - `outside`: its period lies partly outside the one period it touches (2013–2015 with
 *    2014–2016 vs 2017–2020).
 * The view (./view.ts) builds each period's arcs and totals by this rule (filter.ts `apart`)
 * and hands the rows of every year (`pool`) for this module to find those figures.
 * Then, of the figures in a period, running totals and yearly figures (data/sum.ts YEAR_BOUND)
 * belong to their year: a total to 2017 minus a total to 2015 is not a figure of either period,
 * so they are listed as not comparable (`year`), never differenced. The same for the summary's
 * totals. Pure.
 */
import { figureOf, sumFigures, YEAR_BOUND, type SumGroup } from '../data/sum.ts';
import type { Metric } from '../data/types.ts';
import type { Arc } from './arcs.ts';
import type { FlowIndex } from './flowIndex.ts';
import { runsPartlyInto } from './filter.ts';

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
  /** The arc's id (`year`), the flow's id (`spans`, `outside`). */
  id: string;
  /** The period it is in (`year`) or partly outside of (`outside`); null: it runs into both (`spans`). */
  period: 'a' | 'b' | null;
  /** Why it is not differenced (see the module's comment). */
  reason: 'year' | 'spans' | 'outside';
  arc: Pick<Arc, 'originKey' | 'destinationKey' | 'origin' | 'destination' | 'industry' | 'group' | 'value'>;
}

/** The rows of every year under the other filters (the flows of `index`), where the figures that straddle a period are found. */
export interface ComparePool {
  index: FlowIndex;
  rows: Int32Array;
  metric: Metric;
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

/** How a figure of years [s, e] meets a period: inside it, partly in it, or apart from it (none = every year). */
const meets = (s: number, e: number, y: readonly [number, number] | null): 'in' | 'part' | null => (!y || (s >= y[0] && e <= y[1]) ? 'in' : runsPartlyInto(s, e, y[0], y[1]) ? 'part' : null);

export function comparePeriods(a: { arcs: readonly Arc[]; totals: readonly SumGroup[]; years: [number, number] | null }, b: { arcs: readonly Arc[]; totals: readonly SumGroup[]; years: [number, number] }, pool?: ComparePool): PeriodComparison {
  const rows = new Map<string, ChangeRow>();
  const notComparable: NotComparable[] = [];
  // Figures that run partly into a period: in neither period's arcs (./view.ts), listed here.
  if (pool) {
    const { index, rows: at, metric } = pool;
    for (const i of at) {
      const ma = meets(index.periodStart[i]!, index.periodEnd[i]!, a.years);
      const mb = meets(index.periodStart[i]!, index.periodEnd[i]!, b.years);
      if (ma !== 'part' && mb !== 'part') continue;
      const flow = index.flows[i]!;
      const fig = figureOf(flow, metric);
      if (!fig || !(fig.value > 0)) continue;
      const bucket = index.bucket[i]!;
      notComparable.push({
        id: flow.id,
        period: ma && mb ? null : ma ? 'a' : 'b',
        reason: ma && mb ? 'spans' : 'outside',
        arc: { originKey: index.originKeys[index.bucketOrigin[bucket]!]!, destinationKey: index.destinationKeys[index.bucketDestination[bucket]!]!, origin: index.origins[i]!, destination: index.destinations[i]!, industry: flow.industry, group: sumFigures([fig])[0]!, value: fig.value },
      });
    }
  }
  for (const [period, arcs] of [['a', a.arcs], ['b', b.arcs]] as const) {
    for (const arc of arcs) {
      if (!comparable(arc.group)) {
        notComparable.push({ id: arc.id, period, reason: 'year', arc });
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
