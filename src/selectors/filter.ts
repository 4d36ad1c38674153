/**
 * Which flows the current filters keep. Pure: (dataset, state) → flows.
 *
 * Years: a flow is kept when its whole period lies inside the chosen range, so a running total
 * to end-2017 is not shown for "2014–2015" (it would claim more than happened then).
 */
import type { Dataset } from '../data/dataset.ts';
import type { Platform } from '../data/types.ts';
import type { ViewState } from '../state/viewState.ts';
import { flowIndex } from './flowIndex.ts';

export type FlowFilter = Pick<ViewState, 'industry' | 'years' | 'origin' | 'dest' | 'tier' | 'category'> & {
  /** Two periods compared (./compare.ts): also drop flows whose period runs partly into these years. */
  apart?: [number, number] | null;
};

/** Does a figure of the years s–e run partly into the years y0–y1 (some of its years inside them, some not)? */
export const runsPartlyInto = (s: number, e: number, y0: number, y1: number): boolean => s <= y1 && e >= y0 && (s < y0 || e > y1);

/**
 * Does an origin key (an adcode, as text) lie in the origin filter's area: `beijing`, `tianjin`,
 * a Hebei prefecture (itself and its counties, as `dest` takes a prefecture; a county's adcode
 * starts with its prefecture's four digits) or that one adcode?
 */
function matchesOriginKey(code: string, origin: string): boolean {
  if (origin === 'beijing') return code.startsWith('11');
  if (origin === 'tianjin') return code.startsWith('12');
  if (/^13(?!00)\d\d00$/.test(origin)) return code.startsWith(origin.slice(0, 4));
  return code === origin;
}

/**
 * The flows the filters keep, as indices into `dataset.flows` (ascending). Each filter is first
 * decided once per distinct value (industry, origin, platform; see ./flowIndex.ts), then each
 * flow is a few array reads.
 */
export function filterRows(dataset: Dataset, f: FlowFilter, platforms: ReadonlyMap<string, Platform> = platformIndex(dataset)): Int32Array {
  const index = flowIndex(dataset.flows);
  const industries = f.industry.length ? allowed(index.industries, (id) => f.industry.includes(id)) : null;
  const origins = f.origin !== null ? allowed(index.originKeys, (code) => matchesOriginKey(code, f.origin!)) : null;
  const onPlatform = f.tier.length || f.category.length
    ? allowed(index.platformIds, (id) => {
        const p = platforms.get(id);
        return !!p && platformShown(p, f);
      })
    : null;
  const [from, to] = f.years ?? [-Infinity, Infinity];
  const [x0, x1] = f.apart ?? [0, -1];
  const { bucket, bucketOrigin, industry, platform, destinationPrefecture, periodStart, periodEnd } = index;
  const rows = new Int32Array(index.flows.length);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    if (industries && !industries[industry[i]!]) continue;
    if (periodStart[i]! < from || periodEnd[i]! > to) continue;
    if (runsPartlyInto(periodStart[i]!, periodEnd[i]!, x0, x1)) continue;
    if (origins && !origins[bucketOrigin[bucket[i]!]!]) continue;
    if (f.dest !== null && destinationPrefecture[i] !== f.dest) continue;
    if (onPlatform && (platform[i]! < 0 || !onPlatform[platform[i]!])) continue;
    rows[n++] = i;
  }
  return rows.slice(0, n);
}

/** `ok` decided once per distinct value. */
function allowed(values: readonly string[], ok: (v: string) => boolean): Uint8Array {
  return Uint8Array.from(values, (v) => (ok(v) ? 1 : 0));
}

/** The tier and category filters' rule for one platform (no filter = every platform). */
export function platformShown(p: Platform, f: Pick<FlowFilter, 'tier' | 'category'>): boolean {
  return (!f.tier.length || f.tier.includes(p.tier)) && (!f.category.length || (p.category !== null && f.category.includes(p.category)));
}

/** The platforms the tier and category filters keep (data order). */
export function shownPlatforms(dataset: Dataset, f: Pick<FlowFilter, 'tier' | 'category'>): Platform[] {
  return dataset.platforms.filter((p) => platformShown(p, f));
}

/** Platforms in the dataset per tier and per category (the counts beside those filters). */
export function platformCounts(dataset: Dataset): { tier: Map<Platform['tier'], number>; category: Map<NonNullable<Platform['category']>, number> } {
  const tier = new Map<Platform['tier'], number>();
  const category = new Map<NonNullable<Platform['category']>, number>();
  for (const p of dataset.platforms) {
    tier.set(p.tier, (tier.get(p.tier) ?? 0) + 1);
    if (p.category) category.set(p.category, (category.get(p.category) ?? 0) + 1);
  }
  return { tier, category };
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
