/**
 * Totals per place: what each destination received and what each origin sent, as shown by the
 * circles. Figures that may not be added stay in separate groups; a circle is sized by its
 * largest group and its tooltip lists every group. Every arc counts, drawn or not; places come
 * in the order their largest arc does (origin before destination).
 */
import type { SumGroup } from '../data/sum.ts';
import type { Place } from '../data/dataset.ts';
import { firstFlow, type ArcTable } from './arcTable.ts';
import { binnedSums } from './binnedSums.ts';

export interface PlaceTotal {
  key: string;
  role: 'origin' | 'destination';
  place: Place;
  groups: SumGroup[];
  /** Value of the largest group (sizes the circle). */
  size: number;
  arcIds: string[];
}

export function placeTotals(table: ArcTable): PlaceTotal[] {
  const { keys } = table;
  const { index } = keys.figures;
  const n = table.arcs.length;
  // Each arc counts at its origin, then at its destination: item 2j and 2j + 1, binned by place.
  const items = new Int32Array(2 * n);
  const bins = new Int32Array(2 * n);
  const byOrigin = new Int32Array(index.originKeys.length).fill(-1);
  const byDestination = new Int32Array(index.destinationKeys.length).fill(-1);
  const places: Array<Pick<PlaceTotal, 'key' | 'role' | 'place'>> = [];
  for (let j = 0; j < n; j++) {
    const k = table.arcs[j]!;
    const b = keys.keyBucket[table.groupKey[k]!]!;
    const o = index.bucketOrigin[b]!;
    const d = index.bucketDestination[b]!;
    if (byOrigin[o]! < 0) byOrigin[o] = places.push({ key: index.originKeys[o]!, role: 'origin', place: index.origins[firstFlow(table, k)]! }) - 1;
    if (byDestination[d]! < 0) byDestination[d] = places.push({ key: index.destinationKeys[d]!, role: 'destination', place: index.destinations[firstFlow(table, k)]! }) - 1;
    items[2 * j] = items[2 * j + 1] = k;
    bins[2 * j] = byOrigin[o]!;
    bins[2 * j + 1] = byDestination[d]!;
  }
  const sums = binnedSums(table, items, bins, places.length);
  const arcIds = idsByBin(table, items, bins, places.length);
  return places.map((p, e) => {
    const groups = sums[e]!;
    return { key: p.key, role: p.role, place: p.place, groups, size: Math.max(...groups.map((g) => g.value)), arcIds: arcIds[e]! };
  });
}

/** The ids of each bin's arcs, in item order. */
function idsByBin(table: ArcTable, items: Int32Array, bins: Int32Array, binCount: number): string[][] {
  const count = new Int32Array(binCount);
  for (const e of bins) count[e]!++;
  const ids = Array.from(count, (c) => new Array<string>(c));
  const fill = new Int32Array(binCount);
  for (let j = 0; j < items.length; j++) ids[bins[j]!]![fill[bins[j]!]!++] = table.keys.ids[table.groupKey[items[j]!]!]!;
  return ids;
}
