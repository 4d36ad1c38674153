/**
 * Flow-arc geometry: a quadratic Bézier from source to target in Web Mercator, bent to the
 * LEFT of the direction of travel. A→B and B→A therefore bow to opposite sides and never
 * overlap; arcs sharing both ends are fanned out by `fanCurvatures`.
 *
 * Like d3-shape's link generator, `arcPath` draws into any d3-path-compatible context: pass
 * `path()` from d3-path for an SVG path string, or a CanvasRenderingContext2D. The WebGL arc
 * layer (src/map/arcLayer.ts) evaluates the same curve in its vertex shader; `arcPoint` is the
 * reference both follow.
 */
import { path as d3path } from 'd3-path';

export type Vec2 = readonly [number, number];

/** Longitude/latitude → Web Mercator in [0, 1] (x east, y south), as MapLibre's MercatorCoordinate. */
export function mercator(lon: number, lat: number): [number, number] {
  return [mercatorX(lon), mercatorY(lat)];
}

/** `mercator`'s x alone (no array: for packing thousands of arcs). */
export const mercatorX = (lon: number): number => (180 + lon) / 360;
/** `mercator`'s y alone. */
export const mercatorY = (lat: number): number => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;

/** Web Mercator [0, 1] → longitude/latitude. */
export function unmercator(x: number, y: number): [number, number] {
  const lon = x * 360 - 180;
  const lat = (360 / Math.PI) * Math.atan(Math.exp(((180 - y * 360) * Math.PI) / 180)) - 90;
  return [lon, lat];
}

/**
 * Control point of the arc: the chord's midpoint moved by `curvature × chord length` along the
 * chord's left normal. In Mercator (y down) "left of travel" is (dy, -dx).
 */
export function arcControl(s: Vec2, t: Vec2, curvature: number): [number, number] {
  const dx = t[0] - s[0];
  const dy = t[1] - s[1];
  return [(s[0] + t[0]) / 2 + dy * curvature, (s[1] + t[1]) / 2 - dx * curvature];
}

/** Point at parameter u ∈ [0, 1] of the arc. */
export function arcPoint(s: Vec2, c: Vec2, t: Vec2, u: number): [number, number] {
  const v = 1 - u;
  return [v * v * s[0] + 2 * v * u * c[0] + u * u * t[0], v * v * s[1] + 2 * v * u * c[1] + u * u * t[1]];
}

/** `segments + 1` points along the arc. */
export function arcPoints(s: Vec2, t: Vec2, curvature: number, segments = 24): Array<[number, number]> {
  const c = arcControl(s, t, curvature);
  return Array.from({ length: segments + 1 }, (_, i) => arcPoint(s, c, t, i / segments));
}

/** Minimal subset of CanvasRenderingContext2D / d3-path that an arc needs. */
export interface PathContext {
  moveTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
}

/**
 * Draw the arc from `s` to `t` (already in the target's pixel space) into `context`; without a
 * context, return an SVG path string.
 */
export function arcPath(s: Vec2, t: Vec2, curvature: number, context?: PathContext): string | undefined {
  const ctx = context ?? d3path();
  const c = arcControl(s, t, curvature);
  ctx.moveTo(s[0], s[1]);
  ctx.quadraticCurveTo(c[0], c[1], t[0], t[1]);
  return context ? undefined : String(ctx);
}

/**
 * Curvature for each arc so that arcs joining the same two places (in either direction) stay
 * apart: the first gets `base`, the next `base + step`, `base + 2·step`, … Reciprocal arcs already
 * bow to opposite sides, so they share one sequence per direction.
 */
export function fanCurvatures<T>(
  items: readonly T[],
  ends: (d: T) => readonly [string | number, string | number],
  { base = 0.22, step = 0.09 }: { base?: number; step?: number } = {},
): Float32Array {
  // Arcs are counted per `${a}>${b}`. While no `a` contains '>', that text is the pair of texts
  // (a, b): counted in nested maps, without building and hashing a string per arc.
  const seen = new Map<string, Map<string, number>>();
  const out = new Float32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const [a, b] = ends(items[i]!);
    const from = String(a);
    if (from.includes('>')) return fanByText(items, ends, base, step);
    let to = seen.get(from);
    if (!to) seen.set(from, (to = new Map()));
    const key = String(b);
    const k = to.get(key) ?? 0;
    to.set(key, k + 1);
    out[i] = base + k * step;
  }
  return out;
}

/** `fanCurvatures` counting by the text `${a}>${b}` itself. */
function fanByText<T>(items: readonly T[], ends: (d: T) => readonly [string | number, string | number], base: number, step: number): Float32Array {
  const seen = new Map<string, number>();
  const out = new Float32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const [a, b] = ends(items[i]!);
    const key = `${a}>${b}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    out[i] = base + k * step;
  }
  return out;
}

/** Squared distance from p to the segment ab. */
export function segmentDistance2(p: Vec2, a: Vec2, b: Vec2): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const x = a[0] + u * dx - p[0];
  const y = a[1] + u * dy - p[1];
  return x * x + y * y;
}

/** Distance from p to the arc (sampled with `segments` straight pieces). */
export function arcDistance(p: Vec2, s: Vec2, t: Vec2, curvature: number, segments = 24): number {
  const c = arcControl(s, t, curvature);
  let best = Infinity;
  let prev: Vec2 = s;
  for (let i = 1; i <= segments; i++) {
    const q = arcPoint(s, c, t, i / segments);
    best = Math.min(best, segmentDistance2(p, prev, q));
    prev = q;
  }
  return Math.sqrt(best);
}

/** Axis-aligned box of the arc (the hull of s, c, t contains the curve). */
export function arcBox(s: Vec2, t: Vec2, curvature: number): [number, number, number, number] {
  const c = arcControl(s, t, curvature);
  return [Math.min(s[0], c[0], t[0]), Math.min(s[1], c[1], t[1]), Math.max(s[0], c[0], t[0]), Math.max(s[1], c[1], t[1])];
}
