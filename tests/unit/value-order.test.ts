import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { valueOrder } from '../../src/selectors/valueOrder.ts';

describe('valueOrder', () => {
  it('equals a comparator sort: largest value first, ties by rank', () => {
    const values = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer({ min: -3, max: 3 }),
      fc.integer({ min: 1, max: 100_000 }).map((v) => v / 10),
      fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(fc.array(values, { maxLength: 300 }), fc.integer({ min: 0, max: 5_000_000 }), (xs, spread) => {
        const rank = Int32Array.from(xs.keys(), (i) => i * 7919 % Math.max(1, xs.length) + (spread > 4_000_000 ? i * spread : 0));
        // Distinct ranks: a permutation, or (spread) large, far-apart ones.
        const ranks = new Set(rank).size === xs.length ? rank : Int32Array.from(xs.keys());
        const expected = Array.from(xs.keys()).sort((a, b) => xs[b]! - xs[a]! || ranks[a]! - ranks[b]!);
        expect(Array.from(valueOrder(Float64Array.from(xs), ranks))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('orders 20,000 items as the comparator sort does', () => {
    const n = 20_000;
    const values = Float64Array.from({ length: n }, (_, i) => Math.round(Math.abs(Math.sin(i)) * 5000) / 10);
    const rank = Int32Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const expected = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || rank[a]! - rank[b]!);
    expect(Array.from(valueOrder(values, rank))).toEqual(expected);
  });
});
