/**
 * Each flow's figure in one metric, as columns: its value, its decimal places (for
 * `decimalSum`) and the sum group it falls in (data/sum.ts: unit, basis, status, investment type
 * and, for year-bound figures, the year). Computed once per flows array and metric, memoised, so
 * a filter change adds numbers instead of building a figure object and a group key per flow.
 */
import type { Basis, InvestmentType, Metric, Status } from '../data/types.ts';
import { figureOf, groupKey, type FigureUnit } from '../data/sum.ts';
import { decimalPlaces } from '../data/decimals.ts';
import type { FlowIndex } from './flowIndex.ts';

export interface GroupInfo {
  key: string;
  unit: FigureUnit;
  basis: Basis;
  status: Status | null;
  investmentType: InvestmentType | null;
  /**
   * Running totals of one unit, status and investment type at different year-ends form a
   * series (drawn once, at its latest year-end): its number, or -1 for other bases.
   */
  series: number;
}

export interface FigureColumns {
  index: FlowIndex;
  metric: Metric;
  /** The figure's value; NaN when the flow has none in this metric. */
  value: Float64Array;
  /** Decimal places of `value` (`decimalPlaces`). */
  places: Uint8Array;
  /** Sum group (index into `groups`) of each flow; -1 without a figure. */
  group: Int32Array;
  groups: GroupInfo[];
}

const cache = new WeakMap<FlowIndex, Map<Metric, FigureColumns>>();

export function figureColumns(index: FlowIndex, metric: Metric): FigureColumns {
  let byMetric = cache.get(index);
  if (!byMetric) cache.set(index, (byMetric = new Map()));
  let cols = byMetric.get(metric);
  if (!cols) byMetric.set(metric, (cols = buildColumns(index, metric)));
  return cols;
}

function buildColumns(index: FlowIndex, metric: Metric): FigureColumns {
  const { flows } = index;
  const n = flows.length;
  const value = new Float64Array(n).fill(NaN);
  const places = new Uint8Array(n);
  const group = new Int32Array(n).fill(-1);
  const groups: GroupInfo[] = [];
  const groupIds = new Map<string, number>();
  const seriesIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = figureOf(flows[i]!, metric);
    if (!f) continue;
    value[i] = f.value;
    places[i] = decimalPlaces(f.value);
    const key = groupKey(f);
    let g = groupIds.get(key);
    if (g === undefined) {
      let series = -1;
      if (f.basis === 'cumulative') {
        const s = `${f.unit}|${f.status ?? '-'}|${f.investmentType ?? '-'}`;
        series = seriesIds.get(s) ?? seriesIds.size;
        seriesIds.set(s, series);
      }
      groupIds.set(key, (g = groups.length));
      groups.push({ key, unit: f.unit, basis: f.basis, status: f.status, investmentType: f.investmentType, series });
    }
    group[i] = g;
  }
  return { index, metric, value, places, group, groups };
}
