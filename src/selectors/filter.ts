/**
 * Which flows the current filters keep. Pure: (dataset, state) → flows.
 *
 * Years: a flow is kept when its whole period lies inside the chosen range, so a running total
 * to end-2017 is not shown for "2014–2015" (it would claim more than happened then).
 */
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import type { Platform } from '../data/types.ts';
import type { ViewState } from '../state/viewState.ts';

export type FlowFilter = Pick<ViewState, 'industry' | 'years' | 'origin' | 'dest' | 'tier' | 'category'>;

/** Does the flow start in the origin filter's area (`beijing`, `tianjin` or a district adcode)? */
export function matchesOrigin(flow: PlacedFlow, origin: string | null): boolean {
  if (origin === null) return true;
  const code = String(flow.originAdcode);
  if (origin === 'beijing') return code.startsWith('11');
  if (origin === 'tianjin') return code.startsWith('12');
  return code === origin;
}

export function filterFlows(dataset: Dataset, f: FlowFilter, platforms: ReadonlyMap<string, Platform> = platformIndex(dataset)): PlacedFlow[] {
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

export function platformIndex(dataset: Dataset): Map<string, Platform> {
  return new Map(dataset.platforms.map((p) => [p.id, p]));
}

/** Smallest and largest year in the flows (for the year slider). */
export function yearExtent(dataset: Dataset): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of dataset.flows) {
    lo = Math.min(lo, f.periodStart);
    hi = Math.max(hi, f.periodEnd);
  }
  return Number.isFinite(lo) ? [lo, hi] : [2014, 2014];
}
