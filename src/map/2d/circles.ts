/**
 * Place-total and platform circles as plain data (screen position, radius, paint), in the WebGL
 * map's colours and sizes (map/flowLayers.ts): destinations filled and ringed in green, origins
 * ringed in purple; platforms in their tier's style, larger from zoom 6 to 10. Pure: the canvas
 * and the SVG export draw the same list, and picking reads it.
 */
import type { Platform } from '../../data/types.ts';
import type { PlaceTotal } from '../../selectors/places.ts';
import type { ViewModel } from '../../selectors/view.ts';
import type { Hit } from '../../selectors/hit.ts';
import type { Theme } from '../../state/viewState.ts';
import { worldX, worldY, type ZoomTransform } from '../../geo/camera.ts';
import { INTAKE_COLOR, TIER_STYLE } from '../../scales/tiers.ts';
import type { Boundaries } from '../../geo/boundaries.ts';
import { intakeSymbols } from '../intakeSymbols.ts';
import { placeMarks } from '../placeMarks.ts';

export interface Circle {
  x: number;
  y: number;
  r: number;
  fill: string | null;
  fillOpacity: number;
  stroke: string;
  strokeOpacity: number;
  strokeWidth: number;
  hit: { kind: 'place'; place: PlaceTotal } | { kind: 'platform'; platform: Platform } | Extract<Hit, { kind: 'intake' }>;
}

/** The platforms the view shows (the view model's shown list when it has one). */
export function shownPlatforms(view: ViewModel): readonly Platform[] {
  const v = view as ViewModel & { shownPlatforms?: readonly Platform[] };
  return v.shownPlatforms ?? [...view.platforms.values()];
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * Math.min(1, Math.max(0, t));

/**
 * Circles to draw, bottom to top: place circles, then platforms. `focus` (a place key or platform
 * id) gets the thick ring.
 */
export function circles(view: Pick<ViewModel, 'scales' | 'places'> & { change?: ViewModel['change'] }, platforms: readonly Platform[], t: ZoomTransform, theme: Theme, focus: string | null): { places: Circle[]; platforms: Circle[] } {
  const at = (lon: number, lat: number) => [worldX(lon) * t.k + t.x, worldY(lat) * t.k + t.y] as const;
  const marks = placeMarks(view);
  // Focus ring on the destination circle of the key if there is one, else its origin circle.
  const focusedPlace = focus === null ? -1 : (() => {
    const d = marks.findIndex((m) => m.total.key === focus && m.total.role === 'destination');
    return d >= 0 ? d : marks.findIndex((m) => m.total.key === focus);
  })();
  const places = marks.map((m, i): Circle => {
    const [x, y] = at(m.total.place.lon, m.total.place.lat);
    return {
      x, y, r: m.radius,
      fill: m.fill,
      fillOpacity: view.change ? 0.4 : 0.22,
      stroke: m.stroke,
      strokeOpacity: 0.9,
      strokeWidth: i === focusedPlace ? 3 : 1.5,
      hit: { kind: 'place', place: m.total },
    };
  });
  const zoom = Math.log2(t.k);
  const grow = lerp(1, 1.6, (zoom - 6) / 4);
  const halo = theme === 'dark' ? '#1b1f23' : '#ffffff';
  const plats = platforms.map((p): Circle => {
    const s = TIER_STYLE[p.tier];
    const [x, y] = at(p.lon, p.lat);
    const other = p.tier === 'other';
    return {
      x, y, r: s.radius * grow,
      fill: s.fill,
      fillOpacity: 1,
      stroke: other ? s.stroke : halo,
      strokeOpacity: 1,
      strokeWidth: p.id === focus ? 3 : other ? 1.8 : 1.2,
      hit: { kind: 'platform', platform: p },
    };
  });
  return { places, platforms: plats };
}

/** The topmost circle within `tolerance` px of its edge around (x, y), searched top-down. */
export function circleAt(list: readonly Circle[], x: number, y: number, tolerance = 2): Circle | null {
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i]!;
    const r = c.r + c.strokeWidth / 2 + tolerance;
    if ((c.x - x) ** 2 + (c.y - y) ** 2 <= r * r) return c;
  }
  return null;
}

/** Write a circle into a path sink. */
export function traceCircle(sink: { moveTo(x: number, y: number): void; arc(x: number, y: number, r: number, a0: number, a1: number): void }, c: Pick<Circle, 'x' | 'y' | 'r'>): void {
  sink.moveTo(c.x + c.r, c.y);
  sink.arc(c.x, c.y, c.r, 0, 2 * Math.PI);
}

/** The prefecture intake layer's symbols (issue 17) as circles on screen: the 2D map and the SVG draw the same, under the flows. */
export function intakeCircles(view: ViewModel, labels: Boundaries['labels'], t: ZoomTransform): Circle[] {
  const layer = view.intake;
  if (!layer) return [];
  return intakeSymbols(view, labels).map((s): Circle => ({
    x: worldX(s.lon) * t.k + t.x, y: worldY(s.lat) * t.k + t.y, r: s.r,
    fill: INTAKE_COLOR, fillOpacity: 0.35, stroke: INTAKE_COLOR, strokeOpacity: 1, strokeWidth: 1.5,
    hit: { kind: 'intake', cell: s.cell, layer },
  }));
}
