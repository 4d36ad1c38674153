/**
 * Place circles as both renderers and the SVG writer draw them: each place's totals sized by the
 * view's radius scale, destinations filled and ringed in green, origins ringed in purple; or,
 * when two periods are compared (selectors/changeMap.ts), sized by the place's change and
 * coloured by its sign (destinations filled, origins ringed, as before).
 */
import type { PlaceTotal } from '../selectors/places.ts';
import type { ViewModel } from '../selectors/view.ts';
import { PLACE_COLOR } from '../scales/tiers.ts';

export interface PlaceMark {
  total: PlaceTotal;
  radius: number;
  /** null: not filled (an origin). */
  fill: string | null;
  stroke: string;
}

export function placeMarks(view: Pick<ViewModel, 'places' | 'scales'> & { change?: ViewModel['change'] }): PlaceMark[] {
  const change = view.change;
  if (change) {
    const { scale } = change;
    return change.places.map((p) => {
      const color = scale.color(p.diff);
      return { total: p.total, radius: scale.radius(Math.abs(p.diff)), fill: p.role === 'destination' ? color : null, stroke: color };
    });
  }
  const radius = view.scales.radius;
  return view.places.map((p) => {
    const dest = p.role === 'destination';
    return { total: p, radius: radius(p.size), fill: dest ? PLACE_COLOR.destination : null, stroke: dest ? PLACE_COLOR.destination : PLACE_COLOR.origin };
  });
}
