import { describe, expect, it } from 'vitest';
import { arcControl, arcPoint, mercator, type Vec2 } from '../../src/geo/arcs.ts';
import { packArcs } from '../../src/map/arcPack.ts';
import { arcBatches, arcScreen, offsetCurve, ribbon, traceBatch, traceStrands, THIN_STEPS } from '../../src/map/2d/arcs.ts';
import { ARC_FADED, ARC_HIGHLIGHT, ARC_NORMAL, arcStates, unpickable } from '../../src/selectors/highlight.ts';
import { toTransform } from '../../src/geo/camera.ts';

/** A path sink that records its calls. */
function recorder() {
  const calls: Array<[string, ...number[]]> = [];
  const r = (name: string) => (...a: number[]) => void calls.push([name, ...a]);
  return { calls, moveTo: r('moveTo'), lineTo: r('lineTo'), quadraticCurveTo: r('quadraticCurveTo'), closePath: r('closePath'), arc: r('arc') };
}

const size = { width: 1000, height: 800 };
const t = toTransform({ lon: 116.6, lat: 39.2, zoom: 7 }, size);
const beijing: [number, number] = [116.397, 39.908];
const cangzhou: [number, number] = [116.84, 38.3];
const packed = packArcs([{ s: beijing, t: cangzhou, w: 6 }, { s: cangzhou, t: beijing, w: 2 }, { s: beijing, t: [117.2, 39.1] as [number, number], w: 0.5 }], {
  source: (d) => d.s,
  target: (d) => d.t,
  width: (d) => d.w,
  color: (_, ) => [78, 121, 167, 0.78],
});

describe('2D arcs: the same curve as the WebGL layer', () => {
  it('projects the shared Bézier (geo/arcs.ts arcControl) to the screen exactly', () => {
    const q = arcScreen(packed, 0, t);
    // The ends as packed for both renderers (Float32, Mercator).
    const P = packed.positions;
    const s: Vec2 = [P[0]!, P[1]!];
    const d: Vec2 = [P[2]!, P[3]!];
    expect(Math.hypot(s[0] - mercator(...beijing)[0], s[1] - mercator(...beijing)[1])).toBeLessThan(1e-7);
    const c = arcControl(s, d, packed.curvature[0]!);
    const px = (p: Vec2) => [p[0] * 512 * t.k + t.x, p[1] * 512 * t.k + t.y];
    // The WebGL shader (map/arcLayer.ts VS) projects S, C, D and evaluates the Bézier of the
    // projected points; under a flat Mercator view that is the same curve, point for point.
    for (const u of [0, 0.25, 0.5, 0.75, 1]) {
      const onScreen = arcPoint([q[0]!, q[1]!], [q[2]!, q[3]!], [q[4]!, q[5]!], u);
      const [x, y] = px(arcPoint(s, c, d, u));
      expect(onScreen[0]).toBeCloseTo(x!, 6);
      expect(onScreen[1]).toBeCloseTo(y!, 6);
    }
    expect([...offsetCurve(q, 3, 1, 0)!]).toEqual([...q]);
  });

  it('tapers as the shader does: half-width w/2 at the source, taper·w/2 at the destination, about the curve', () => {
    const q = arcScreen(packed, 0, t);
    const w = packed.width[0]!;
    const L = offsetCurve(q, w / 2, (w * 0.3) / 2, 1)!;
    const R = offsetCurve(q, w / 2, (w * 0.3) / 2, -1)!;
    expect(Math.hypot(L[0]! - R[0]!, L[1]! - R[1]!)).toBeCloseTo(w, 9);
    expect(Math.hypot(L[4]! - R[4]!, L[5]! - R[5]!)).toBeCloseTo(w * 0.3, 9);
    // Midway the ribbon is centred on the true curve, within a tenth of a pixel, and about the mean width wide.
    const mid = arcPoint([q[0]!, q[1]!], [q[2]!, q[3]!], [q[4]!, q[5]!], 0.5);
    const l = arcPoint([L[0]!, L[1]!], [L[2]!, L[3]!], [L[4]!, L[5]!], 0.5);
    const r = arcPoint([R[0]!, R[1]!], [R[2]!, R[3]!], [R[4]!, R[5]!], 0.5);
    expect(Math.hypot((l[0] + r[0]) / 2 - mid[0], (l[1] + r[1]) / 2 - mid[1])).toBeLessThan(0.1);
    expect(Math.hypot(l[0] - r[0], l[1] - r[1])).toBeGreaterThan(w * 0.55);
    expect(Math.hypot(l[0] - r[0], l[1] - r[1])).toBeLessThan(w * 0.75);
  });

  it('writes one closed ribbon per arc, and strands for thin arcs', () => {
    const rec = recorder();
    ribbon(rec, arcScreen(packed, 0, t), 3, 0.9);
    expect(rec.calls.map((c) => c[0])).toEqual(['moveTo', 'quadraticCurveTo', 'lineTo', 'quadraticCurveTo', 'closePath']);
    const states = new Uint8Array(3);
    const [batch] = arcBatches(packed, states);
    expect(batch!.arcs).toEqual([0, 1, 2]);
    const wide = recorder();
    expect(traceBatch(wide, packed, batch!, t, [0, 0, size.width, size.height], { minWidth: 4 })).toBe(1);
    const sinks = THIN_STEPS.map(() => recorder());
    expect(traceStrands(sinks, packed, batch!, t, null, { maxWidth: 4 })).toBe(2);
    // 2 px → two 1-px strands; 0.5 px → one strand stroked 0.5 px wide.
    expect(sinks[3]!.calls.filter((c) => c[0] === 'moveTo')).toHaveLength(2);
    expect(sinks[1]!.calls.filter((c) => c[0] === 'moveTo')).toHaveLength(1);
  });

  it('skips arcs outside the view', () => {
    const far = toTransform({ lon: 100, lat: 20, zoom: 9 }, size);
    const [batch] = arcBatches(packed, new Uint8Array(3));
    expect(traceBatch(recorder(), packed, batch!, far, [0, 0, size.width, size.height])).toBe(0);
  });
});

describe('2D highlight (flowLayers.highlight semantics)', () => {
  const place = (prefecture: number | null) => ({ prefecture });
  const arcs = [
    { id: 'a', originKey: '110105', destinationKey: '130982', origin: place(110000), destination: place(130900) },
    { id: 'b', originKey: '120116', destinationKey: '130200', origin: place(120000), destination: place(130200) },
    { id: 'c', originKey: '110108', destinationKey: 'p-xiongan', origin: place(110000), destination: place(130600) },
  ];
  it('lights an arc, a place, or every arc in a prefecture, and fades the rest', () => {
    expect([...arcStates(arcs, null)]).toEqual([ARC_NORMAL, ARC_NORMAL, ARC_NORMAL]);
    expect([...arcStates(arcs, null, 'b')]).toEqual([ARC_FADED, ARC_HIGHLIGHT, ARC_FADED]);
    expect([...arcStates(arcs, '130982')]).toEqual([ARC_HIGHLIGHT, ARC_FADED, ARC_FADED]);
    expect([...arcStates(arcs, '110000')]).toEqual([ARC_HIGHLIGHT, ARC_FADED, ARC_HIGHLIGHT]);
    expect([...arcStates(arcs, '130600')]).toEqual([ARC_FADED, ARC_FADED, ARC_HIGHLIGHT]);
  });
  it("a selected place's faded arcs cannot be picked; a hovered arc's fade leaves every arc pickable", () => {
    expect(unpickable(arcStates(arcs, null, 'b'), null)).toBeUndefined();
    const skip = unpickable(arcStates(arcs, '130982'), '130982')!;
    expect([0, 1, 2].map(skip)).toEqual([false, true, true]);
  });
  it('batches highlighted arcs last, opaque; faded ones at 12 % of their alpha', () => {
    const b = arcBatches(packed, new Uint8Array([ARC_HIGHLIGHT, ARC_FADED, ARC_NORMAL]));
    expect(b.at(-1)!.state).toBe(ARC_HIGHLIGHT);
    expect(b.at(-1)!.alpha).toBe(1);
    expect(b.find((x) => x.state === ARC_FADED)!.alpha).toBeCloseTo((Math.round(0.78 * 255) / 255) * 0.12, 9);
  });
});
