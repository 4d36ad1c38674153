/**
 * Arc data → the columnar arrays the WebGL layer draws (flowmap.gl-style: the layer receives
 * ready arrays). Accessors are configurable, as in d3. Each accessor's result is read before that
 * accessor is called again, so it may hand back one reused tuple (no array per arc).
 */
import { mercatorX, mercatorY, fanCurvatures } from '../geo/arcs.ts';

export interface PackedArcs {
  count: number;
  /** sx, sy, tx, ty per arc, Web Mercator [0, 1]. */
  positions: Float32Array;
  curvature: Float32Array;
  /** Full width at the source end, CSS pixels. */
  width: Float32Array;
  /** RGBA per arc, straight alpha. */
  color: Uint8Array;
  /** 0 normal, 1 highlighted, 2 faded. */
  state: Uint8Array;
}

export function emptyArcs(): PackedArcs {
  return { count: 0, positions: new Float32Array(0), curvature: new Float32Array(0), width: new Float32Array(0), color: new Uint8Array(0), state: new Uint8Array(0) };
}

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
  for (let i = 0; i < n; i++) {
    const d = items[i]!;
    const s = o.source(d);
    const t = o.target(d);
    positions[i * 4] = mercatorX(s[0]);
    positions[i * 4 + 1] = mercatorY(s[1]);
    positions[i * 4 + 2] = mercatorX(t[0]);
    positions[i * 4 + 3] = mercatorY(t[1]);
    width[i] = o.width(d);
    const c = o.color(d);
    color[i * 4] = c[0];
    color[i * 4 + 1] = c[1];
    color[i * 4 + 2] = c[2];
    color[i * 4 + 3] = Math.round(c[3] * 255);
  }
  return { count: n, positions, curvature, width, color, state: new Uint8Array(n) };
}

/** '#rrggbb' → RGBA with the given alpha (0–1). */
export function rgba(hex: string, alpha = 1): RGBA {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255, alpha];
}
