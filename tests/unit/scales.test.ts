import { describe, expect, it } from 'vitest';
import { scaleSqrt } from 'd3-scale';
import fc from 'fast-check';
import { sqrtScale, WIDTH_RANGE } from '../../src/scales/width.ts';

describe('sqrtScale', () => {
  it('equals d3-scale\'s clamped scaleSqrt over [0, max]', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e7, noNaN: true }), fc.double({ min: -1e8, max: 1e8, noNaN: true }), (max, v) => {
        const ours = sqrtScale(max, WIDTH_RANGE);
        const d3 = scaleSqrt().domain([0, max]).range(WIDTH_RANGE).clamp(true);
        expect(ours(v)).toBeCloseTo(d3(v), 9);
      }),
    );
  });

  it('reports its domain and range like a d3 scale', () => {
    const s = sqrtScale(400, [1, 21]);
    expect(s.domain()).toEqual([0, 400]);
    expect(s.range()).toEqual([1, 21]);
    expect(s(100)).toBe(11);
  });
});
