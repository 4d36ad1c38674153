import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalPlaces, printedPlaces } from '../../src/data/decimals.ts';

describe('decimalPlaces', () => {
  it('counts the places JavaScript prints', () => {
    expect([3671.58, 12, 0.1, 0.30000000000000004, 1e-7, 1e21, -2.5, 0, -0, 123456789.1234].map(decimalPlaces)).toEqual([2, 0, 1, 17, 10, 10, 1, 0, 0, 4]);
  });

  it('equals the String-based definition on published decimals and on any double', () => {
    const published = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 })).map(([n, p]) => n / 10 ** p);
    fc.assert(fc.property(fc.oneof(published, fc.double({ noNaN: false }), fc.double({ min: 1e-7, max: 1e12 })), (v) => decimalPlaces(v) === printedPlaces(v)), { numRuns: 20_000 });
  });
});
