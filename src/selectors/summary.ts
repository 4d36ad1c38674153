/**
 * What the planner's summary shows, as pure functions of (dataset, state, view):
 *
 * - `industryCounts`: records per industry under every filter except the industry one (the
 *   counts next to the industry checkboxes);
 * - `summarise`: the metric's totals, one per group of figures that may be added (see
 *   data/sum.ts: a running total is never added to a yearly figure, signed never to completed),
 *   the top destinations and origins, and the share by industry.
 *
 * The share by industry is a share of the metric only when every figure falls in one group;
 * otherwise it is a share of records (which always add up), and says so.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Industry, Platform } from '../data/types.ts';
import type { SumGroup } from '../data/sum.ts';
import { INDUSTRIES } from '../data/vocab.ts';
import type { Metric } from '../state/viewState.ts';
import { filterRows, platformIndex, type FlowFilter } from './filter.ts';
import { flowIndex, type FlowIndex } from './flowIndex.ts';
import { figureColumns } from './figureColumns.ts';
import { sumRows } from './rowSums.ts';
import type { PlaceTotal } from './places.ts';
import type { PlacedFlow } from '../data/dataset.ts';

export interface IndustryCount {
  industry: Industry;
  /** Records of this industry that the other filters keep. */
  count: number;
}

/**
 * Every industry present in the data (vocabulary order), with the number of records the other
 * filters keep: the list does not change shape as filters change, only its counts.
 */
export function industryCounts(dataset: Dataset, f: Omit<FlowFilter, 'industry'>, platforms: ReadonlyMap<string, Platform> = platformIndex(dataset)): IndustryCount[] {
  const index = flowIndex(dataset.flows);
  const counts = new Int32Array(index.industries.length);
  for (const i of filterRows(dataset, { ...f, industry: [] }, platforms)) counts[index.industry[i]!]!++;
  const present = new Map(index.industries.map((id, k) => [id, counts[k]!]));
  return INDUSTRIES.filter((id) => present.has(id)).map((industry) => ({ industry, count: present.get(industry)! }));
}

export interface IndustryShare {
  industry: Industry;
  records: number;
  /** Length of the bar: the metric's value (single group) or the number of records. */
  value: number;
  /** `value` as a share of the sum of all bars (0…1). */
  share: number;
  /** The industry's own totals of the metric, one per summable group. */
  groups: SumGroup[];
}

export interface Summary {
  /** Records kept by the filters, and in the dataset. */
  shown: number;
  total: number;
  /** One total per group of figures that may be added; largest first. Never one mixed number. */
  totals: SumGroup[];
  /** Records without a figure in this metric. */
  without: number;
  topDestinations: PlaceTotal[];
  topOrigins: PlaceTotal[];
  /** What the industry bars measure. */
  shareOf: 'metric' | 'records';
  industries: IndustryShare[];
}

const byGroupValue = (a: SumGroup, b: SumGroup) => b.value - a.value || (a.key < b.key ? -1 : 1);

/** Places of one role, largest first (by the largest group, as the circles are sized). */
export function topPlaces(places: readonly PlaceTotal[], role: PlaceTotal['role'], n = 5): PlaceTotal[] {
  return places
    .filter((p) => p.role === role)
    .sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, n);
}

export function industryShares(index: FlowIndex, rows: Int32Array, metric: Metric, single: boolean): IndustryShare[] {
  // The rows of each industry, in data order (a counting sort); industries in order of first appearance.
  const count = new Int32Array(index.industries.length);
  const seen: number[] = [];
  for (const i of rows) if (count[index.industry[i]!]!++ === 0) seen.push(index.industry[i]!);
  const start = new Int32Array(count.length);
  for (let k = 1; k < count.length; k++) start[k] = start[k - 1]! + count[k - 1]!;
  const byIndustry = new Int32Array(rows.length);
  const fill = start.slice();
  for (const i of rows) byIndustry[fill[index.industry[i]!]!++] = i;
  const figures = figureColumns(index, metric);
  const rank = (id: Industry) => INDUSTRIES.indexOf(id);
  const out = seen.map((k) => {
    const list = byIndustry.subarray(start[k]!, start[k]! + count[k]!);
    const groups = sumRows(figures, list).groups.sort(byGroupValue);
    // `single`: all figures of all industries form one group, so each industry has at most one.
    const value = single ? (groups[0]?.value ?? 0) : list.length;
    return { industry: index.industries[k] as Industry, records: list.length, value, share: 0, groups };
  });
  const sum = out.reduce((s, r) => s + r.value, 0);
  for (const r of out) r.share = sum > 0 ? r.value / sum : 0;
  return out.sort((a, b) => b.value - a.value || b.records - a.records || rank(a.industry) - rank(b.industry));
}

/** What the summary reads of the view (selectors/view.ts FlowView). */
export interface SummaryInput {
  flows: readonly PlacedFlow[];
  places: readonly PlaceTotal[];
  total: number;
  selection: { index: FlowIndex; rows: Int32Array };
}

export function summarise(view: SummaryInput, metric: Metric, top = 5): Summary {
  const { index, rows } = view.selection;
  const { groups, without } = sumRows(figureColumns(index, metric), rows);
  const totals = groups.sort(byGroupValue);
  const single = totals.length === 1;
  return {
    shown: view.flows.length,
    total: view.total,
    totals,
    without,
    topDestinations: topPlaces(view.places, 'destination', top),
    topOrigins: topPlaces(view.places, 'origin', top),
    shareOf: single ? 'metric' : 'records',
    industries: industryShares(index, rows, metric, single),
  };
}

/** How many filter dimensions are active (the badge "3 filters active"). */
export function activeFilterCount(s: FlowFilter): number {
  return [s.industry.length > 0, s.years !== null, s.origin !== null, s.dest !== null, s.tier.length > 0, s.category.length > 0].filter(Boolean).length;
}
