import { describe, expect, it } from 'vitest';
import { arcControl, arcPoint, segmentDistance2, type Vec2 } from '../../src/geo/arcs.ts';
import { DEFAULT_MAX_BOW, MAX_SEGMENTS, MAX_TURN, MIN_SEGMENTS, segmentCounts } from '../../src/map/webgl/arcLayer.ts';

/** A flat view: Mercator (x, y) → clip ((x − 0.5)·k, (0.5 − y)·k), w = 1; 1000 × 1000 px buffer. */
const HALF = 500;
const view = (pxPerUnit: number) => {
  const k = pxPerUnit / HALF;
  // Column-major mat4.
  return [k, 0, 0, 0, 0, -k, 0, 0, 0, 0, 1, 0, -0.5 * k, 0.5 * k, 0, 1];
};
const toPx = (p: Vec2, pxPerUnit: number): Vec2 => [(p[0] - 0.5) * pxPerUnit, (0.5 - p[1]) * pxPerUnit];

function arcs(list: Array<{ s: Vec2; t: Vec2; curvature: number }>) {
  const positions = new Float32Array(list.length * 4);
  const curvature = new Float32Array(list.length);
  list.forEach((a, i) => {
    positions.set([...a.s, ...a.t], i * 4);
    curvature[i] = a.curvature;
  });
  return { positions, curvature, count: list.length };
}

const PX = 512 * 2 ** 8; // zoom 8
const s: Vec2 = [0.5, 0.5];

describe('segments per arc (adaptive tessellation)', () => {
  it('gives longer arcs more segments, and every arc its fewest that bow and turn little enough', () => {
    const lengths = [5, 40, 150, 600, 2500, 20000];
    const a = arcs(lengths.map((px) => ({ s, t: [s[0] + px / PX, s[1]] as Vec2, curvature: 0.22 })));
    const n = [...segmentCounts(a.positions, a.curvature, a.count, view(PX), HALF, HALF, { maxBow: DEFAULT_MAX_BOW })];
    expect(n).toEqual([...n].sort((x, y) => x - y));
    lengths.forEach((px, i) => {
      const bend = 2 * 0.22 * px; // |S − 2C + D| = 2 · curvature · chord
      const turn = 2 * Math.atan(2 * 0.22);
      const fits = (m: number) => bend / (4 * m * m) <= DEFAULT_MAX_BOW + 1e-6 && turn <= MAX_TURN * m + 1e-6;
      if (n[i]! < MAX_SEGMENTS) expect(fits(n[i]!), `${px} px arc, ${n[i]} segments`).toBe(true);
      if (n[i]! > MIN_SEGMENTS) expect(fits(n[i]! - 1), `${px} px arc could use ${n[i]! - 1}`).toBe(false);
    });
    expect(n[n.length - 1]).toBe(MAX_SEGMENTS);
  });

  it('gives more segments for less bow, the same at any bearing, and the most to arcs behind the camera', () => {
    const a = arcs([{ s, t: [s[0] + 300 / PX, s[1]], curvature: 0.22 }]);
    const loose = segmentCounts(a.positions, a.curvature, 1, view(PX), HALF, HALF, { maxBow: 2 })[0]!;
    const tight = segmentCounts(a.positions, a.curvature, 1, view(PX), HALF, HALF, { maxBow: 0.25 })[0]!;
    expect(tight).toBeGreaterThan(loose);
    const turned = arcs([{ s, t: [s[0] + (300 * Math.cos(1)) / PX, s[1] + (300 * Math.sin(1)) / PX], curvature: 0.22 }]);
    expect(segmentCounts(turned.positions, turned.curvature, 1, view(PX), HALF, HALF, { maxBow: 2 })[0]).toBe(loose);
    const behind = view(PX);
    behind[15] = -1; // w < 0 everywhere
    expect(segmentCounts(a.positions, a.curvature, 1, behind, HALF, HALF, { maxBow: 1 })[0]).toBe(MAX_SEGMENTS);
  });
});

/**
 * The fragment shader's picture of the curve, in TypeScript: per segment, the chord A→B and the
 * curve's bow off it; a pixel's distance to the curve is measured to the parabola
 * y = 4·bow·τ(1 − τ), straight across the chord. It must match the distance to the true Bézier of
 * src/geo/arcs.ts (what picking uses) closely wherever the line is drawn.
 */
function shaderDistance(p: Vec2, A: Vec2, B: Vec2, M: Vec2): number {
  const len = Math.hypot(B[0] - A[0], B[1] - A[1]);
  const ax: Vec2 = [(B[0] - A[0]) / len, (B[1] - A[1]) / len];
  const ay: Vec2 = [-ax[1], ax[0]];
  const bow4 = 4 * ((M[0] - (A[0] + B[0]) / 2) * ay[0] + (M[1] - (A[1] + B[1]) / 2) * ay[1]);
  const q: Vec2 = [p[0] - A[0], p[1] - A[1]];
  const tau = (q[0] * ax[0] + q[1] * ax[1]) / len;
  return Math.abs(q[0] * ay[0] + q[1] * ay[1] - bow4 * tau * (1 - tau));
}

/** Distance to the Bézier S, C, D, densely sampled. */
function bezierDistance(p: Vec2, S: Vec2, C: Vec2, D: Vec2, pieces = 4096): number {
  let best = Infinity;
  let prev = S;
  for (let i = 1; i <= pieces; i++) {
    const q = arcPoint(S, C, D, i / pieces);
    best = Math.min(best, segmentDistance2(p, prev, q));
    prev = q;
  }
  return Math.sqrt(best);
}

describe('curved segments (the fragment shader’s model)', () => {
  it('stays within 0.1 px of the true distance to the Bézier, up to 8 px from the curve, also one zoom level in', () => {
    for (const [px, curvature, zoomIn] of [[60, 0.22, 0], [400, 0.22, 0], [3000, 0.31, 0], [20000, 0.49, 0], [60, 0.22, 1], [400, 0.22, 1], [3000, 0.31, 1]] as const) {
      const t: Vec2 = [s[0] + (px * 0.8) / PX, s[1] - (px * 0.6) / PX];
      const a = arcs([{ s, t, curvature }]);
      // Segments chosen for this view; drawn as they are after zooming in while moving.
      const n = segmentCounts(a.positions, a.curvature, 1, view(PX), HALF, HALF, { maxBow: DEFAULT_MAX_BOW })[0]!;
      const scale = PX * 2 ** zoomIn;
      const S = toPx(s, scale);
      const D = toPx(t, scale);
      const C = toPx(arcControl(s, t, curvature), scale);
      const at = (u: number) => arcPoint(S, C, D, u);
      let worst = 0;
      for (let j = 0; j < n; j++) {
        const [A, B, M] = [at(j / n), at((j + 1) / n), at((j + 0.5) / n)];
        for (let k = 0; k <= 8; k++) {
          const u = (j + k / 8) / n;
          const p = at(u);
          // The curve's normal there, from its tangent.
          const d1 = at(Math.min(u + 1e-4, 1));
          const d0 = at(Math.max(u - 1e-4, 0));
          const tl = Math.hypot(d1[0] - d0[0], d1[1] - d0[1]);
          const nrm: Vec2 = [-(d1[1] - d0[1]) / tl, (d1[0] - d0[0]) / tl];
          for (const off of [-8, -3, -0.5, 0, 0.5, 3, 8]) {
            const q: Vec2 = [p[0] + nrm[0] * off, p[1] + nrm[1] * off];
            const truth = bezierDistance(q, S, C, D);
            worst = Math.max(worst, Math.abs(shaderDistance(q, A, B, M) - truth));
          }
        }
      }
      expect(worst, `${px} px arc, curvature ${curvature}, ${n} segments, ${zoomIn} level(s) in`).toBeLessThan(0.1);
    }
  });
});
