/**
 * Picking arcs under the pointer, in Web Mercator: the nearest arc within tolerance wins, so
 * picking works where arcs cross. A box per arc skips most arcs cheaply.
 */
import { arcBox, arcDistance, type Vec2 } from './arcs.ts';

export interface PickIndex {
  count: number;
  /** minx, miny, maxx, maxy per arc. */
  boxes: Float64Array;
  positions: Float32Array;
  curvature: Float32Array;
  /** Half-width of each arc in CSS px (for the tolerance). */
  halfWidth: Float32Array;
}

export function buildPickIndex(positions: Float32Array, curvature: Float32Array, width: Float32Array): PickIndex {
  const n = curvature.length;
  const boxes = new Float64Array(n * 4);
  const halfWidth = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const s: Vec2 = [positions[i * 4]!, positions[i * 4 + 1]!];
    const t: Vec2 = [positions[i * 4 + 2]!, positions[i * 4 + 3]!];
    boxes.set(arcBox(s, t, curvature[i]!), i * 4);
    halfWidth[i] = width[i]! / 2;
  }
  return { count: n, boxes, positions, curvature, halfWidth };
}

/**
 * Index of the arc nearest to `p` (Mercator) within `tolerancePx` plus the arc's half-width,
 * or -1. `pxPerUnit` converts Mercator units to CSS pixels at the current zoom (512·2^zoom).
 * `skip(i)` leaves out arcs that are not drawn.
 */
export function pickArc(index: PickIndex, p: Vec2, pxPerUnit: number, tolerancePx = 4, skip?: (i: number) => boolean): number {
  let best = -1;
  let bestD = Infinity;
  const maxTol = (tolerancePx + 12) / pxPerUnit;
  for (let i = 0; i < index.count; i++) {
    const b = i * 4;
    if (p[0] < index.boxes[b]! - maxTol || p[0] > index.boxes[b + 2]! + maxTol || p[1] < index.boxes[b + 1]! - maxTol || p[1] > index.boxes[b + 3]! + maxTol) continue;
    if (skip?.(i)) continue;
    const s: Vec2 = [index.positions[b]!, index.positions[b + 1]!];
    const t: Vec2 = [index.positions[b + 2]!, index.positions[b + 3]!];
    const d = arcDistance(p, s, t, index.curvature[i]!) * pxPerUnit;
    if (d <= tolerancePx + index.halfWidth[i]! && d - index.halfWidth[i]! < bestD) {
      bestD = d - index.halfWidth[i]!;
      best = i;
    }
  }
  return best;
}
