/**
 * Which arc each flow adds to, in one metric: flows with a figure above 0 and the same bucket
 * (origin × destination × industry) and sum group add up into one arc, whose id is
 * `originKey>destinationKey|industry|groupKey`. The ids and their order (arcs of equal value
 * are ordered by id) are computed once per flows array and metric, memoised; a filter change
 * then never builds or compares an id string.
 */
import type { FigureColumns } from './figureColumns.ts';
import { valueOrder } from './valueOrder.ts';

export interface ArcKeys {
  figures: FigureColumns;
  /** Arc key of each flow drawn as an arc; -1 for flows without a figure above 0. */
  key: Int32Array;
  /** Bucket and sum group of each key. */
  keyBucket: Int32Array;
  keyGroup: Int32Array;
  /**
   * Running totals: the series (bucket × unit, status, investment type; drawn once, at its
   * latest year-end) of each key, or -1 for other bases.
   */
  keySeries: Int32Array;
  /** Arc id of each key. */
  ids: string[];
  /** Position of each id in code-unit order (`<` on strings). */
  rank: Int32Array;
}

const cache = new WeakMap<FigureColumns, ArcKeys>();

export function arcKeys(figures: FigureColumns): ArcKeys {
  let keys = cache.get(figures);
  if (!keys) cache.set(figures, (keys = buildKeys(figures)));
  return keys;
}

function buildKeys(figures: FigureColumns): ArcKeys {
  const { index, value, group, groups } = figures;
  const n = value.length;
  const key = new Int32Array(n).fill(-1);
  const keyIds = new Map<number, number>();
  const buckets: number[] = [];
  const groupOf: number[] = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    if (!(value[i]! > 0)) continue;
    const b = index.bucket[i]!;
    const g = group[i]!;
    const code = b * groups.length + g;
    let k = keyIds.get(code);
    if (k === undefined) {
      keyIds.set(code, (k = ids.length));
      buckets.push(b);
      groupOf.push(g);
      ids.push(`${index.bucketKeys[b]}|${groups[g]!.key}`);
    }
    key[i] = k;
  }
  const keyBucket = Int32Array.from(buckets);
  const keyGroup = Int32Array.from(groupOf);
  const seriesIds = new Map<number, number>();
  const keySeries = keyGroup.map((g, k) => {
    const s = groups[g]!.series;
    if (s < 0) return -1;
    const code = keyBucket[k]! * groups.length + s;
    const id = seriesIds.get(code) ?? seriesIds.size;
    seriesIds.set(code, id);
    return id;
  });
  return { figures, key, keyBucket, keyGroup, keySeries, ids, rank: partRank(figures, keyBucket, keyGroup) ?? stringRank(ids) };
}

/**
 * The ids' order from the order of their parts, sorting a few dozen strings instead of one per
 * arc. An id is origin `>` destination `|` industry `|` group; while no origin contains `>` and
 * no destination or industry contains `|`, "part + separator" strings are prefix-free, so two
 * ids compare as their first differing part does. Null when that does not hold.
 */
function partRank({ index, groups }: FigureColumns, keyBucket: Int32Array, keyGroup: Int32Array): Int32Array | null {
  const parts = [
    withSeparator(index.originKeys, '>'),
    withSeparator(index.destinationKeys, '|'),
    withSeparator(index.industries, '|'),
    groups.map((g) => g.key),
  ];
  if (!parts[0] || !parts[1] || !parts[2] || parts.reduce((p, xs) => p * Math.max(1, xs!.length), 1) > Number.MAX_SAFE_INTEGER) return null;
  const [o, d, ind, g] = parts.map((xs) => stringRank(xs!)) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const code = new Float64Array(keyBucket.length);
  for (let k = 0; k < code.length; k++) {
    const b = keyBucket[k]!;
    code[k] = -(((o[index.bucketOrigin[b]!]! * d.length + d[index.bucketDestination[b]!]!) * ind.length + ind[index.bucketIndustry[b]!]!) * g.length + g[keyGroup[k]!]!);
  }
  // valueOrder puts the largest first: the smallest code, negated.
  const rank = new Int32Array(code.length);
  valueOrder(code, Int32Array.from(code.keys())).forEach((k, r) => (rank[k] = r));
  return rank;
}

/** `xs` each followed by `separator`; null when one contains it. */
function withSeparator(xs: readonly string[], separator: string): string[] | null {
  return xs.some((x) => x.includes(separator)) ? null : xs.map((x) => x + separator);
}

/** Position of each string in code-unit order. */
function stringRank(xs: readonly string[]): Int32Array {
  const rank = new Int32Array(xs.length);
  Array.from(xs.keys())
    .sort((a, b) => (xs[a]! < xs[b]! ? -1 : xs[a]! > xs[b]! ? 1 : 0))
    .forEach((k, r) => (rank[k] = r));
  return rank;
}
