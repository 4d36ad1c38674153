/**
 * Arc data → the columnar arrays the WebGL layer draws (flowmap.gl-style: the layer receives
 * ready arrays). Accessors are configurable, as in d3.
 */
import { mercator, fanCurvatures } from '../geo/arcs.ts';
import type { PackedArcs } from './arcLayer.ts';

export type RGBA = readonly [number, number, number, number];

export interface PackOptions<T> {
  source: (d: T) => readonly [number, number];
  target: (d: T) => readonly [number, number];
  /** Width at the source end, CSS px. */
  width: (d: T) => number;
  color: (d: T) => RGBA;
  /** Keys of the two ends, to fan out arcs that share both. Default: the coordinates. */
  ends?: (d: T) => readonly [string | number, string | number];
}

export function packArcs<T>(items: readonly T[], o: PackOptions<T>): PackedArcs {
  const n = items.length;
  const positions = new Float32Array(n * 4);
  const width = new Float32Array(n);
  const color = new Uint8Array(n * 4);
  const ends = o.ends ?? ((d: T) => [o.source(d).join(','), o.target(d).join(',')] as const);
  const curvature = fanCurvatures(items, ends);
  items.forEach((d, i) => {
    const s = o.source(d);
    const t = o.target(d);
    const [sx, sy] = mercator(s[0], s[1]);
    const [tx, ty] = mercator(t[0], t[1]);
    positions[i * 4] = sx;
    positions[i * 4 + 1] = sy;
    positions[i * 4 + 2] = tx;
    positions[i * 4 + 3] = ty;
    width[i] = o.width(d);
    const c = o.color(d);
    color.set([c[0], c[1], c[2], Math.round(c[3] * 255)], i * 4);
  });
  return { count: n, positions, curvature, width, color, state: new Uint8Array(n) };
}

/** '#rrggbb' → RGBA with the given alpha (0–1). */
export function rgba(hex: string, alpha = 1): RGBA {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255, alpha];
}
