/**
 * Flows → arcs. Flows with the same origin, destination and industry merge into one arc, but
 * only figures that may be added (same unit, basis, status, investment type; see
 * data/sum.ts): a running total and a yearly figure between the same places become two arcs.
 */
import type { PlacedFlow, Place } from '../data/dataset.ts';
import type { Industry, Metric } from '../data/types.ts';
import { figureOf, sumFigures, type Figure, type SumGroup } from '../data/sum.ts';

export interface Arc {
  /** Stable id: origin > destination | industry | sum group. */
  id: string;
  originKey: string;
  destinationKey: string;
  origin: Place;
  destination: Place;
  industry: Industry;
  /** The summed figure and what it is (unit, basis, status, bound, period). */
  group: SumGroup;
  value: number;
  /** The flows the arc contains, in data order (for a running total: every year's). */
  flows: PlacedFlow[];
  /**
   * Earlier running totals between the same places, superseded by this (the latest) one. They
   * are not added (a running total already contains them); the tooltip lists them.
   */
  earlier: SumGroup[];
}

/** Key of a flow's end: the platform id when the flow lands on a platform, else the adcode. */
export const originKey = (f: PlacedFlow): string => String(f.originAdcode);
export const destinationKey = (f: PlacedFlow): string => f.destinationPlatformId ?? String(f.destinationAdcode);

export interface ArcsResult {
  arcs: Arc[];
  /** Flows with no figure in this metric (not drawn, but counted in the summary). */
  unmeasured: PlacedFlow[];
}

export function aggregateArcs(flows: readonly PlacedFlow[], metric: Metric): ArcsResult {
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
  const arcs: Arc[] = [];
  for (const [key, b] of buckets) {
    const byId = new Map(b.flows.map((f) => [f.id, f]));
    for (const { group, earlier } of latestRunningTotals(sumFigures(b.figures))) {
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
  // Largest first: drawn underneath, so thin arcs stay visible on top of thick ones.
  arcs.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1));
  return { arcs, unmeasured };
}

/**
 * Running totals of the same kind (unit, status, investment type) at different year-ends are
 * one series: keep the latest as the arc and list the earlier ones with it, instead of drawing
 * one arc per year-end as if they were separate flows. Other groups pass through.
 */
export function latestRunningTotals(groups: readonly SumGroup[]): Array<{ group: SumGroup; earlier: SumGroup[] }> {
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
