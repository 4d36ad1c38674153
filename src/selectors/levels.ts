/**
 * Levels (issue 18): at `level=city` every flow's two ends are its prefecture-level unit —
 * Beijing, Tianjin or a Hebei prefecture (a flow placed on Hebei as a whole stays there) — and
 * platforms are not told apart from the prefecture they lie in. The flows keep their order, so
 * the rows the filters keep (chosen on the flows as published: a district origin, a platform
 * tier) index both arrays alike. Nothing is added here: flows merged into one arc are summed
 * by the arc table under the adding-up rule (data/sum.ts), as at the fine level.
 */
import type { Place, PlacedFlow } from '../data/dataset.ts';
import type { Adcode, LonLat } from '../data/types.ts';

/** Where a prefecture-level unit is drawn (its label point); undefined = unknown. */
export type PointOf = (adcode: Adcode) => LonLat | undefined;

/** The prefecture-level unit of a flow's end (itself when it has none). */
export const cityOf = (place: Place): Adcode => place.prefecture ?? place.adcode;

/**
 * `flows` at city level, memoised per flows array. A unit `pointOf` does not know is drawn at
 * the mean of its places' points.
 */
export function cityFlowsOf(pointOf: PointOf = () => undefined): (flows: readonly PlacedFlow[]) => PlacedFlow[] {
  const cache = new WeakMap<readonly PlacedFlow[], PlacedFlow[]>();
  return (flows) => {
    let out = cache.get(flows);
    if (!out) cache.set(flows, (out = toCity(flows, pointOf)));
    return out;
  };
}

function toCity(flows: readonly PlacedFlow[], pointOf: PointOf): PlacedFlow[] {
  const sums = new Map<Adcode, [number, number, number]>();
  for (const f of flows) {
    for (const p of [f.origin, f.destination]) {
      const c = cityOf(p);
      const s = sums.get(c) ?? [0, 0, 0];
      s[0] += p.lon;
      s[1] += p.lat;
      s[2]++;
      sums.set(c, s);
    }
  }
  const places = new Map<Adcode, Place>();
  const placeOf = (p: Place): Place => {
    const c = cityOf(p);
    let place = places.get(c);
    if (!place) {
      const at = pointOf(c);
      const s = sums.get(c)!;
      place = { adcode: c, prefecture: p.prefecture, lon: at ? at[0] : s[0] / s[2], lat: at ? at[1] : s[1] / s[2], pointSource: 'label' };
      places.set(c, place);
    }
    return place;
  };
  return flows.map((f) => {
    const origin = placeOf(f.origin);
    const destination = placeOf(f.destination);
    const fineArc = f.fineArc ?? `${f.originAdcode}>${f.destinationPlatformId ?? f.destinationAdcode}|${f.industry}`;
    return { ...f, originAdcode: origin.adcode, destinationAdcode: destination.adcode, destinationPlatformId: null, origin, destination, fineArc };
  });
}
