/**
 * Decimal places of a number as JavaScript prints it (`String(v)`): 3671.58 → 2, 12 → 0, and 10
 * for anything printed with an exponent (1e-7, 1e21). `decimalSum` (./sum.ts) scales by this.
 *
 * `String(v)` costs ~0.2 µs, and sums over tens of thousands of figures call this once per
 * figure, so the common case is answered without it: the fewest places p ≤ 4 at which
 * `round(v·10^p) / 10^p` gives v back. That decimal rounds to v, so the shortest decimal that
 * does (what `String` prints) has at most p places, and none with fewer places round-trips, so
 * it has exactly p. The arithmetic is exact while |v|·10^4 < 2^51; outside [1e-6, 1e11), or
 * beyond 4 places, `String` decides.
 */
/** 10^p for the places `decimalSum` scales by (at most 10). */
export const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10] as const;

export function decimalPlaces(v: number): number {
  const a = Math.abs(v);
  if (a >= 1e-6 && a < 1e11) {
    for (let p = 0; p <= 4; p++) {
      const s = POW10[p]!;
      if (Math.round(v * s) / s === v) return p;
    }
  }
  return printedPlaces(v);
}

/** The definition: count the digits after the point of `String(v)`; 10 with an exponent. */
export function printedPlaces(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 10;
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}
