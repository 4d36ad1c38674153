/**
 * The straightforward view pipeline as it was before the selectors were optimised (commit
 * 510fd57: src/selectors/{view,arcs,places,summary}.ts and the adding-up of src/data/sum.ts),
 * kept as the reference the optimised code must equal (tests/unit/selectors-equivalence.test.ts)
 * and for same-run before/after ratios in bench/pipeline.ts. Not a test file itself; never
 * imported by src/.
 */
import type { Dataset, Place, PlacedFlow } from '../../src/data/dataset.ts';
import type { Bound, Industry, Metric, Platform } from '../../src/data/types.ts';
import { asOf, figureOf, type Figure, type SumGroup } from '../../src/data/sum.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { sizeScales } from '../../src/scales/width.ts';
import { industryColor } from '../../src/scales/industryColor.ts';
import type { ViewState } from '../../src/state/viewState.ts';

const ARC_LIMIT = 5000;

function decimals(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 10;
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

export function refDecimalSum(values: readonly number[]): number {
  const places = Math.min(10, values.reduce((m, v) => Math.max(m, decimals(v)), 0));
  const scale = 10 ** places;
  return values.reduce((s, v) => s + Math.round(v * scale), 0) / scale;
}

export { decimals as refDecimals };

const YEAR_BOUND = new Set(['cumulative', 'annual', 'partial']);
function groupKey(f: Figure): string {
  const year = YEAR_BOUND.has(f.basis) ? `|${f.periodEnd}` : '';
  return `${f.unit}|${f.basis}|${f.status ?? 'unknown-status'}|${f.investmentType ?? '-'}${year}`;
}

/**
 * Running totals superseded by a later report of one count (src/selectors/asOf.ts, written out):
 * same arc at the flows' own level and same sum group; the latest as-of (data/sum.ts `asOf`),
 * then the later row, is the figure.
 */
export function refSuperseded(flows: readonly PlacedFlow[], metric: Metric): Set<string> {
  const latest = new Map<string, { id: string; at: number }>();
  const out = new Set<string>();
  for (const flow of flows) {
    const f = figureOf(flow, metric);
    if (f?.basis !== 'cumulative') continue;
    const key = `${groupKey(f)}|${flow.fineArc ?? `${flow.originAdcode}>${flow.destinationPlatformId ?? flow.destinationAdcode}|${flow.industry}`}`;
    const at = asOf(flow.periodEnd, flow.periodNote);
    const prev = latest.get(key);
    if (prev && prev.at > at) out.add(flow.id);
    else {
      if (prev) out.add(prev.id);
      latest.set(key, { id: flow.id, at });
    }
  }
  return out;
}

export function refSumFigures(figures: Iterable<Figure>, superseded: ReadonlySet<string> = new Set()): SumGroup[] {
  const groups = new Map<string, { group: SumGroup; values: number[]; bounds: Set<Bound> }>();
  for (const f of figures) {
    const key = groupKey(f);
    let entry = groups.get(key);
    if (!entry) {
      entry = {
        group: { key, unit: f.unit, basis: f.basis, status: f.status, investmentType: f.investmentType, bound: f.bound, periodStart: f.periodStart, periodEnd: f.periodEnd, value: 0, flowIds: [] },
        values: [],
        bounds: new Set(),
      };
      groups.set(key, entry);
    }
    const { group } = entry;
    group.flowIds.push(f.id);
    group.periodStart = Math.min(group.periodStart, f.periodStart);
    group.periodEnd = Math.max(group.periodEnd, f.periodEnd);
    if (superseded.has(f.id)) continue;
    entry.values.push(f.value);
    entry.bounds.add(f.bound);
  }
  return [...groups.values()].map(({ group, values, bounds }) => ({
    ...group,
    value: refDecimalSum(values),
    bound: bounds.has('about') ? 'about' : bounds.has('at-least') ? 'at-least' : 'exact',
  }));
}

export function refSumFlows(flows: readonly PlacedFlow[], metric: Metric): { groups: SumGroup[]; without: string[] } {
  const figures: Figure[] = [];
  const without: string[] = [];
  for (const flow of flows) {
    const f = figureOf(flow, metric);
    if (f) figures.push(f);
    else without.push(flow.id);
  }
  return { groups: refSumFigures(figures, refSuperseded([...flows], metric)), without };
}

export interface RefArc {
  id: string;
  originKey: string;
  destinationKey: string;
  origin: Place;
  destination: Place;
  industry: Industry;
  group: SumGroup;
  value: number;
  flows: PlacedFlow[];
  earlier: SumGroup[];
}

const originKey = (f: PlacedFlow): string => String(f.originAdcode);
const destinationKey = (f: PlacedFlow): string => f.destinationPlatformId ?? String(f.destinationAdcode);

function latestRunningTotals(groups: readonly SumGroup[]): Array<{ group: SumGroup; earlier: SumGroup[] }> {
  const out: Array<{ group: SumGroup; earlier: SumGroup[] }> = [];
  const series = new Map<string, SumGroup[]>();
  for (const g of groups) {
    if (g.basis !== 'cumulative') {
      out.push({ group: g, earlier: [] });
      continue;
    }
    const k = `${g.unit}|${g.status ?? '-'}|${g.investmentType ?? '-'}`;
    const list = series.get(k);
    if (list) list.push(g);
    else series.set(k, [g]);
  }
  for (const list of series.values()) {
    const sorted = [...list].sort((a, b) => a.periodEnd - b.periodEnd);
    out.push({ group: sorted[sorted.length - 1]!, earlier: sorted.slice(0, -1) });
  }
  return out;
}

export function refAggregateArcs(flows: readonly PlacedFlow[], metric: Metric): { arcs: RefArc[]; unmeasured: PlacedFlow[] } {
  const buckets = new Map<string, { flows: PlacedFlow[]; figures: Figure[] }>();
  const unmeasured: PlacedFlow[] = [];
  for (const flow of flows) {
    const fig = figureOf(flow, metric);
    if (!fig || fig.value <= 0) {
      unmeasured.push(flow);
      continue;
    }
    const key = `${originKey(flow)}>${destinationKey(flow)}|${flow.industry}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { flows: [], figures: [] }));
    b.flows.push(flow);
    b.figures.push(fig);
  }
  const arcs: RefArc[] = [];
  const superseded = refSuperseded(flows, metric);
  for (const [key, b] of buckets) {
    const byId = new Map(b.flows.map((f) => [f.id, f]));
    for (const { group, earlier } of latestRunningTotals(refSumFigures(b.figures, superseded))) {
      const members = [...earlier.flatMap((g) => g.flowIds), ...group.flowIds].map((id) => byId.get(id)!);
      const first = members[0]!;
      arcs.push({
        id: `${key}|${group.key}`,
        originKey: originKey(first),
        destinationKey: destinationKey(first),
        origin: first.origin,
        destination: first.destination,
        industry: first.industry,
        group,
        value: group.value,
        flows: members,
        earlier,
      });
    }
  }
  arcs.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1));
  return { arcs, unmeasured };
}

export interface RefPlaceTotal {
  key: string;
  role: 'origin' | 'destination';
  place: Place;
  groups: SumGroup[];
  size: number;
  arcIds: string[];
}

export function refPlaceTotals(arcs: readonly RefArc[]): RefPlaceTotal[] {
  const acc = new Map<string, { role: RefPlaceTotal['role']; key: string; place: Place; figures: Figure[]; arcIds: string[] }>();
  const add = (role: RefPlaceTotal['role'], key: string, place: Place, arc: RefArc) => {
    const k = `${role}:${key}`;
    let e = acc.get(k);
    if (!e) acc.set(k, (e = { role, key, place, figures: [], arcIds: [] }));
    e.arcIds.push(arc.id);
    const g = arc.group;
    e.figures.push({ id: arc.id, value: g.value, unit: g.unit, basis: g.basis, status: g.status, investmentType: g.investmentType, bound: g.bound, periodStart: g.periodStart, periodEnd: g.periodEnd });
  };
  for (const arc of arcs) {
    add('origin', arc.originKey, arc.origin, arc);
    add('destination', arc.destinationKey, arc.destination, arc);
  }
  return [...acc.values()].map((e) => {
    const groups = refSumFigures(e.figures);
    return { key: e.key, role: e.role, place: e.place, groups, size: Math.max(...groups.map((g) => g.value)), arcIds: e.arcIds };
  });
}

type Inputs = Pick<ViewState, 'industry' | 'years' | 'origin' | 'dest' | 'tier' | 'category' | 'metric' | 'lock'>;

function matchesOrigin(flow: PlacedFlow, origin: string | null): boolean {
  if (origin === null) return true;
  const code = String(flow.originAdcode);
  if (origin === 'beijing') return code.startsWith('11');
  if (origin === 'tianjin') return code.startsWith('12');
  return code === origin;
}

export function refFilterFlows(dataset: Dataset, f: Omit<Inputs, 'metric' | 'lock'>, platforms: ReadonlyMap<string, Platform>): PlacedFlow[] {
  const industries = f.industry.length ? new Set<string>(f.industry) : null;
  const tiers = f.tier.length ? new Set<string>(f.tier) : null;
  const categories = f.category.length ? new Set<string>(f.category) : null;
  return dataset.flows.filter((flow) => {
    if (industries && !industries.has(flow.industry)) return false;
    if (f.years && (flow.periodStart < f.years[0] || flow.periodEnd > f.years[1])) return false;
    if (!matchesOrigin(flow, f.origin)) return false;
    if (f.dest !== null && flow.destination.prefecture !== f.dest) return false;
    if (tiers || categories) {
      const p = flow.destinationPlatformId ? platforms.get(flow.destinationPlatformId) : undefined;
      if (!p) return false;
      if (tiers && !tiers.has(p.tier)) return false;
      if (categories && (!p.category || !categories.has(p.category))) return false;
    }
    return true;
  });
}

const maxOf = (xs: readonly number[]) => xs.reduce((m, v) => Math.max(m, v), 0);

export function refComputeView(dataset: Dataset, s: Inputs) {
  const platforms = new Map(dataset.platforms.map((p) => [p.id, p]));
  const flows = refFilterFlows(dataset, s, platforms);
  const { arcs: all, unmeasured } = refAggregateArcs(flows, s.metric);
  const places = refPlaceTotals(all);
  const arcs = all.length > ARC_LIMIT ? all.slice(0, ARC_LIMIT) : all;
  const rest = all.slice(arcs.length);
  const hidden = { count: rest.length, groups: refSumFigures(rest.map((a) => ({ ...a.group, id: a.id }))) };
  let maxArc = maxOf(arcs.map((a) => a.value));
  let maxPlace = maxOf(places.map((p) => p.size));
  if (s.lock) {
    const every = refAggregateArcs(dataset.flows, s.metric).arcs;
    maxArc = maxOf(every.map((a) => a.value));
    maxPlace = maxOf(refPlaceTotals(every).map((p) => p.size));
  }
  return { flows, arcs, hidden, unmeasured, places, scales: sizeScales(maxArc, maxPlace), total: dataset.flows.length, platforms };
}

const byGroupValue = (a: SumGroup, b: SumGroup) => b.value - a.value || (a.key < b.key ? -1 : 1);

function topPlaces(places: readonly RefPlaceTotal[], role: RefPlaceTotal['role'], n = 5): RefPlaceTotal[] {
  return places.filter((p) => p.role === role).sort((a, b) => b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, n);
}

function industryShares(flows: readonly PlacedFlow[], metric: Metric, single: boolean) {
  const byIndustry = new Map<Industry, PlacedFlow[]>();
  for (const f of flows) {
    let list = byIndustry.get(f.industry);
    if (!list) byIndustry.set(f.industry, (list = []));
    list.push(f);
  }
  const rows = [...byIndustry].map(([industry, list]) => {
    const groups = refSumFlows(list, metric).groups.sort(byGroupValue);
    const value = single ? (groups[0]?.value ?? 0) : list.length;
    return { industry, records: list.length, value, share: 0, groups };
  });
  const sum = rows.reduce((s, r) => s + r.value, 0);
  for (const r of rows) r.share = sum > 0 ? r.value / sum : 0;
  return rows.sort((a, b) => b.value - a.value || b.records - a.records || INDUSTRIES.indexOf(a.industry) - INDUSTRIES.indexOf(b.industry));
}

export function refSummarise(view: { flows: PlacedFlow[]; places: RefPlaceTotal[]; total: number }, metric: Metric, top = 5) {
  const { groups, without } = refSumFlows(view.flows, metric);
  const totals = groups.sort(byGroupValue);
  const single = totals.length === 1;
  return {
    shown: view.flows.length,
    total: view.total,
    totals,
    without: without.length,
    topDestinations: topPlaces(view.places, 'destination', top),
    topOrigins: topPlaces(view.places, 'origin', top),
    shareOf: single ? ('metric' as const) : ('records' as const),
    industries: industryShares(view.flows, metric, single),
  };
}

export function refIndustryCounts(dataset: Dataset, f: Omit<Inputs, 'metric' | 'lock'>, platforms: ReadonlyMap<string, Platform>) {
  const present = new Set<string>();
  for (const flow of dataset.flows) present.add(flow.industry);
  const counts = new Map<string, number>();
  for (const flow of refFilterFlows(dataset, { ...f, industry: [] }, platforms)) counts.set(flow.industry, (counts.get(flow.industry) ?? 0) + 1);
  return INDUSTRIES.filter((id) => present.has(id)).map((industry) => ({ industry, count: counts.get(industry) ?? 0 }));
}

/** The map's arc packing as it was (src/map/arcPack.ts + flowLayers.ts at 510fd57), for bench ratios. */
export function refPackView(view: { arcs: RefArc[]; scales: { width: (v: number) => number } }) {
  const mercator = (lon: number, lat: number): [number, number] => [(180 + lon) / 360, (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360];
  const rgba = (hex: string, alpha = 1) => {
    const v = parseInt(hex.slice(1), 16);
    return [(v >> 16) & 255, (v >> 8) & 255, v & 255, alpha] as const;
  };
  const items = view.arcs;
  const n = items.length;
  const positions = new Float32Array(n * 4);
  const width = new Float32Array(n);
  const color = new Uint8Array(n * 4);
  const seen = new Map<string, number>();
  const curvature = new Float32Array(n);
  items.forEach((d, i) => {
    const key = `${d.originKey}>${d.destinationKey}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    curvature[i] = 0.22 + k * 0.09;
  });
  items.forEach((d, i) => {
    const [sx, sy] = mercator(d.origin.lon, d.origin.lat);
    const [tx, ty] = mercator(d.destination.lon, d.destination.lat);
    positions[i * 4] = sx;
    positions[i * 4 + 1] = sy;
    positions[i * 4 + 2] = tx;
    positions[i * 4 + 3] = ty;
    width[i] = view.scales.width(d.value);
    const c = rgba(industryColor(d.industry), 0.78);
    color.set([c[0], c[1], c[2], Math.round(c[3] * 255)], i * 4);
  });
  return { count: n, positions, curvature, width, color, state: new Uint8Array(n) };
}
