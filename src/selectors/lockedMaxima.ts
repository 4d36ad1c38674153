/**
 * The largest arc and the largest place total over ALL the flows in one metric: the domain of
 * the locked scale (so widths compare across years and filters). Memoised per flows array and
 * metric: locking the scale costs one aggregation of the whole dataset, once.
 */
import type { ArcKeys } from './arcKeys.ts';
import { arcTable } from './arcTable.ts';
import { placeTotals } from './places.ts';

export interface Maxima {
  maxArc: number;
  maxPlace: number;
}

const cache = new WeakMap<ArcKeys, Maxima>();

export function lockedMaxima(keys: ArcKeys): Maxima {
  let m = cache.get(keys);
  if (!m) {
    const table = arcTable(keys, Int32Array.from(keys.key.keys()));
    const first = table.arcs[0];
    m = { maxArc: first === undefined ? 0 : table.value[first]!, maxPlace: placeTotals(table).reduce((x, p) => Math.max(x, p.size), 0) };
    cache.set(keys, m);
  }
  return m;
}
