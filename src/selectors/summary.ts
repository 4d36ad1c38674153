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
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import type { Industry, Platform } from '../data/types.ts';
import { sumFlows, type SumGroup } from '../data/sum.ts';
import { INDUSTRIES } from '../data/vocab.ts';
import type { Metric } from '../state/viewState.ts';
import { filterFlows, platformIndex, type FlowFilter } from './filter.ts';
import type { PlaceTotal } from './places.ts';
import type { ViewModel } from './view.ts';

export interface IndustryCount {
  industry: Industry;
  /** Records of this industry that the other filters keep. */
  count: number;
}

/**
 * Every industry present in the data (vocabulary order), with the number of records the other
 * filters keep: the list does not change shape as filters change, only its counts.
 */
export function industryCounts(dataset: Dataset, f: FlowFilter, platforms: ReadonlyMap<string, Platform> = platformIndex(dataset)): IndustryCount[] {
  const present = new Set<string>();
  for (const flow of dataset.flows) present.add(flow.industry);
  const counts = new Map<string, number>();
  for (const flow of filterFlows(dataset, { ...f, industry: [] }, platforms)) counts.set(flow.industry, (counts.get(flow.industry) ?? 0) + 1);
  return INDUSTRIES.filter((id) => present.has(id)).map((industry) => ({ industry, count: counts.get(industry) ?? 0 }));
}

/** Memoised `industryCounts`: recomputed only when the data or a filter other than industry changes. */
export function industryCountsSelector(): (dataset: Dataset, f: FlowFilter, platforms?: ReadonlyMap<string, Platform>) => IndustryCount[] {
  let lastData: Dataset | null = null;
  let lastKey = '';
  let last: IndustryCount[] = [];
  return (dataset, f, platforms) => {
    const key = JSON.stringify([f.years, f.origin, f.dest, f.tier, f.category]);
    if (dataset === lastData && key === lastKey) return last;
    lastData = dataset;
    lastKey = key;
    return (last = industryCounts(dataset, f, platforms));
  };
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

export function industryShares(flows: readonly PlacedFlow[], metric: Metric, single: boolean): IndustryShare[] {
  const byIndustry = new Map<Industry, PlacedFlow[]>();
  for (const f of flows) {
    let list = byIndustry.get(f.industry);
    if (!list) byIndustry.set(f.industry, (list = []));
    list.push(f);
  }
  const rows = [...byIndustry].map(([industry, list]) => {
    const groups = sumFlows(list, metric).groups.sort(byGroupValue);
    // `single`: all figures of all industries form one group, so each industry has at most one.
    const value = single ? (groups[0]?.value ?? 0) : list.length;
    return { industry, records: list.length, value, share: 0, groups };
  });
  const sum = rows.reduce((s, r) => s + r.value, 0);
  for (const r of rows) r.share = sum > 0 ? r.value / sum : 0;
  return rows.sort((a, b) => b.value - a.value || b.records - a.records || INDUSTRIES.indexOf(a.industry) - INDUSTRIES.indexOf(b.industry));
}

export function summarise(view: Pick<ViewModel, 'flows' | 'places' | 'total'>, metric: Metric, top = 5): Summary {
  const { groups, without } = sumFlows(view.flows, metric);
  const totals = groups.sort(byGroupValue);
  const single = totals.length === 1;
  return {
    shown: view.flows.length,
    total: view.total,
    totals,
    without: without.length,
    topDestinations: topPlaces(view.places, 'destination', top),
    topOrigins: topPlaces(view.places, 'origin', top),
    shareOf: single ? 'metric' : 'records',
    industries: industryShares(view.flows, metric, single),
  };
}

/** How many filter dimensions are active (the badge "3 filters active"). */
export function activeFilterCount(s: FlowFilter): number {
  return [s.industry.length > 0, s.years !== null, s.origin !== null, s.dest !== null, s.tier.length > 0, s.category.length > 0].filter(Boolean).length;
}
