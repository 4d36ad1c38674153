import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { path } from 'd3-path';
import { arcControl, arcDistance, arcPath, arcPoint, arcPoints, fanCurvatures, mercator, unmercator } from '../../src/geo/arcs.ts';
import { buildPickIndex, pickArc } from '../../src/geo/pick.ts';
import { packArcs } from '../../src/map/arcPack.ts';

const beijing = mercator(116.397, 39.908);
const cangzhou = mercator(116.84, 38.3);

describe('arc geometry', () => {
  it('projects to Web Mercator and back', () => {
    const [lon, lat] = unmercator(...mercator(116.397, 39.908));
    expect(lon).toBeCloseTo(116.397, 9);
    expect(lat).toBeCloseTo(39.908, 9);
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
  });

  it('starts and ends exactly at the two places', () => {
    const pts = arcPoints(beijing, cangzhou, 0.2);
    expect(pts[0]).toEqual(beijing);
    expect(pts[pts.length - 1]![0]).toBeCloseTo(cangzhou[0], 15);
    expect(pts[pts.length - 1]![1]).toBeCloseTo(cangzhou[1], 15);
  });

  it('bends to the left of the direction of travel, always', () => {
    // Cross product of (t - s) and (mid - s): positive = left in a y-down plane... sign must be the same for every direction.
    const sign = (s: readonly [number, number], t: readonly [number, number]) => {
      const m = arcPoint(s, arcControl(s, t, 0.2), t, 0.5);
      return Math.sign((t[0] - s[0]) * (m[1] - s[1]) - (t[1] - s[1]) * (m[0] - s[0]));
    };
    const dirs = Array.from({ length: 16 }, (_, i) => [Math.cos((i * Math.PI) / 8) * 0.01 + 0.8, Math.sin((i * Math.PI) / 8) * 0.01 + 0.38] as const);
    const signs = new Set(dirs.map((t) => sign([0.8, 0.38], t)));
    expect(signs.size).toBe(1);
  });

  it('keeps reciprocal arcs apart (A→B and B→A bow to opposite sides)', () => {
    const ab = arcPoint(beijing, arcControl(beijing, cangzhou, 0.22), cangzhou, 0.5);
    const ba = arcPoint(cangzhou, arcControl(cangzhou, beijing, 0.22), beijing, 0.5);
    const chord = Math.hypot(cangzhou[0] - beijing[0], cangzhou[1] - beijing[1]);
    expect(Math.hypot(ab[0] - ba[0], ab[1] - ba[1])).toBeGreaterThan(0.2 * chord);
  });

  it('fans out arcs that share both ends, per direction', () => {
    const c = fanCurvatures(['a', 'b', 'c', 'd'], (d) => (d === 'd' ? ['y', 'x'] : ['x', 'y']));
    expect([...c].map((v) => +v.toFixed(2))).toEqual([0.22, 0.31, 0.4, 0.22]);
  });

  it('counts ends as the text `${a}>${b}`, whatever the ends contain', () => {
    const byText = (pairs: ReadonlyArray<readonly [string | number, string | number]>) => {
      const seen = new Map<string, number>();
      return pairs.map(([a, b]) => {
        const k = seen.get(`${a}>${b}`) ?? 0;
        seen.set(`${a}>${b}`, k + 1);
        return Math.fround(0.22 + k * 0.09);
      });
    };
    const end = fc.oneof(fc.constantFrom('1', '1>', '>2', '2', '', '>'), fc.integer({ min: 0, max: 2 }));
    fc.assert(fc.property(fc.array(fc.tuple(end, end), { maxLength: 20 }), (pairs) => {
      expect([...fanCurvatures(pairs, (p) => p)]).toEqual(byText(pairs));
    }), { numRuns: 500 });
  });

  it('draws the same curve to an SVG path (d3-path) and to a canvas-like context', () => {
    const svg = arcPath([0, 0], [100, 0], 0.25);
    expect(svg).toBe('M0,0Q50,-25,100,0');
    const calls: string[] = [];
    arcPath([0, 0], [100, 0], 0.25, { moveTo: (x, y) => calls.push(`M${x},${y}`), quadraticCurveTo: (a, b, x, y) => calls.push(`Q${a},${b},${x},${y}`) });
    expect(calls.join('')).toBe(svg);
    const p = path();
    arcPath([0, 0], [100, 0], 0.25, p);
    expect(String(p)).toBe(svg);
  });

  it('measures the distance from a point to the curve', () => {
    const mid = arcPoint([0, 0], arcControl([0, 0], [100, 0], 0.25), [100, 0], 0.5);
    expect(arcDistance(mid, [0, 0], [100, 0], 0.25)).toBeLessThan(0.05);
    expect(arcDistance([50, 10], [0, 0], [100, 0], 0.25)).toBeGreaterThan(20);
  });
});

describe('picking', () => {
  const arcs = [
    { s: [116, 39], t: [117, 38], w: 4 },
    { s: [116, 38], t: [117, 39], w: 10 },
  ] as const;
  const packed = packArcs(arcs, { source: (d) => d.s, target: (d) => d.t, width: (d) => d.w, color: () => [0, 0, 0, 1] });
  const index = buildPickIndex(packed.positions, packed.curvature, packed.width);
  const pxPerUnit = 512 * 2 ** 8;
  const onArc = (i: number, u: number) => {
    const s = [packed.positions[i * 4]!, packed.positions[i * 4 + 1]!] as const;
    const t = [packed.positions[i * 4 + 2]!, packed.positions[i * 4 + 3]!] as const;
    return arcPoint(s, arcControl(s, t, packed.curvature[i]!), t, u);
  };

  it('finds the arc under the pointer, and the nearest one where two cross', () => {
    expect(pickArc(index, onArc(0, 0.2), pxPerUnit)).toBe(0);
    expect(pickArc(index, onArc(1, 0.8), pxPerUnit)).toBe(1);
  });

  it('finds nothing far from every arc, and skips hidden arcs', () => {
    expect(pickArc(index, mercator(119, 41), pxPerUnit)).toBe(-1);
    expect(pickArc(index, onArc(0, 0.2), pxPerUnit, 4, (i) => i === 0)).toBe(-1);
  });
});
