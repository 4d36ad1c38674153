/**
 * Per-flow columns that every filter change needs and no filter changes: which arc bucket a
 * flow falls in (origin × destination × industry), the keys of its two ends, its industry,
 * platform, destination prefecture, bound and period. Computed once per flows array and
 * memoised by identity (datasets are never mutated: new data is a new dataset), so a filter
 * change works on small integers instead of building and hashing a string per flow.
 */
import type { Place, PlacedFlow } from '../data/dataset.ts';
import type { Bound } from '../data/types.ts';

export interface FlowIndex {
  flows: readonly PlacedFlow[];
  /**
   * Each flow's id and places (reading them from the flow objects would touch memory all over
   * the heap, once per flow and filter change).
   */
  ids: string[];
  origins: Place[];
  destinations: Place[];
  /** Bucket of each flow, numbered in order of first appearance. */
  bucket: Int32Array;
  /** `originKey>destinationKey|industry` of each bucket (the start of an arc's id). */
  bucketKeys: string[];
  /** Origin and destination key (index into `originKeys` / `destinationKeys`) of each bucket. */
  bucketOrigin: Int32Array;
  bucketDestination: Int32Array;
  /** Industry (index into `industries`) of each bucket. */
  bucketIndustry: Int32Array;
  originKeys: string[];
  destinationKeys: string[];
  /** Industry of each flow (index into `industries`, the industries present, in order of first appearance). */
  industry: Int32Array;
  industries: string[];
  /** Platform the flow lands on (index into `platformIds`), or -1. */
  platform: Int32Array;
  platformIds: string[];
  /** Prefecture of each flow's destination; NaN when it has none. */
  destinationPrefecture: Float64Array;
  /** Index into BOUND_CODES of each flow's bound. */
  bound: Uint8Array;
  periodStart: Float64Array;
  periodEnd: Float64Array;
}

/** Bounds by code; a set of them is a bit mask (1 << code). */
export const BOUND_CODES: readonly Bound[] = ['exact', 'at-least', 'about'];

/** The bound of a sum whose figures have the bounds in `mask`: `about` over `at-least` over `exact` (data/sum.ts). */
export const boundOf = (mask: number): Bound => (mask & 4 ? 'about' : mask & 2 ? 'at-least' : 'exact');

/** Key of a flow's origin: its adcode. */
export const originKey = (f: PlacedFlow): string => String(f.originAdcode);
/** Key of a flow's end: the platform id when the flow lands on a platform, else the adcode. */
export const destinationKey = (f: PlacedFlow): string => f.destinationPlatformId ?? String(f.destinationAdcode);

const cache = new WeakMap<readonly PlacedFlow[], FlowIndex>();

export function flowIndex(flows: readonly PlacedFlow[]): FlowIndex {
  let index = cache.get(flows);
  if (!index) cache.set(flows, (index = buildIndex(flows)));
  return index;
}

function intern(ids: Map<string, number>, list: string[], key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    ids.set(key, (id = list.length));
    list.push(key);
  }
  return id;
}

function buildIndex(flows: readonly PlacedFlow[]): FlowIndex {
  const n = flows.length;
  const origin = new Int32Array(n);
  const destination = new Int32Array(n);
  const industry = new Int32Array(n);
  const platform = new Int32Array(n);
  const destinationPrefecture = new Float64Array(n);
  const bound = new Uint8Array(n);
  const periodStart = new Float64Array(n);
  const periodEnd = new Float64Array(n);
  const ids = new Array<string>(n);
  const origins = new Array<Place>(n);
  const destinations = new Array<Place>(n);
  const originKeys: string[] = [];
  const destinationKeys: string[] = [];
  const industries: string[] = [];
  const platformIds: string[] = [];
  const originIds = new Map<string, number>();
  const destinationIds = new Map<string, number>();
  const industryIds = new Map<string, number>();
  const platformNumbers = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const f = flows[i]!;
    ids[i] = f.id;
    origins[i] = f.origin;
    destinations[i] = f.destination;
    origin[i] = intern(originIds, originKeys, originKey(f));
    destination[i] = intern(destinationIds, destinationKeys, destinationKey(f));
    industry[i] = intern(industryIds, industries, f.industry);
    platform[i] = f.destinationPlatformId ? intern(platformNumbers, platformIds, f.destinationPlatformId) : -1;
    destinationPrefecture[i] = f.destination.prefecture ?? NaN;
    bound[i] = Math.max(0, BOUND_CODES.indexOf(f.bound));
    periodStart[i] = f.periodStart;
    periodEnd[i] = f.periodEnd;
  }
  // Buckets: numbered through one integer code per flow, so each bucket's key string is built once.
  const bucket = new Int32Array(n);
  const bucketIds = new Map<number, number>();
  const bucketKeys: string[] = [];
  const bucketOrigin: number[] = [];
  const bucketDestination: number[] = [];
  const bucketIndustry: number[] = [];
  for (let i = 0; i < n; i++) {
    const code = (origin[i]! * destinationKeys.length + destination[i]!) * industries.length + industry[i]!;
    let b = bucketIds.get(code);
    if (b === undefined) {
      bucketIds.set(code, (b = bucketKeys.length));
      bucketKeys.push(`${originKeys[origin[i]!]}>${destinationKeys[destination[i]!]}|${industries[industry[i]!]}`);
      bucketOrigin.push(origin[i]!);
      bucketDestination.push(destination[i]!);
      bucketIndustry.push(industry[i]!);
    }
    bucket[i] = b;
  }
  return {
    flows, ids, origins, destinations, bucket, bucketKeys, bucketOrigin: Int32Array.from(bucketOrigin), bucketDestination: Int32Array.from(bucketDestination),
    bucketIndustry: Int32Array.from(bucketIndustry), originKeys, destinationKeys,
    industry, industries, platform, platformIds, destinationPrefecture, bound, periodStart, periodEnd,
  };
}
