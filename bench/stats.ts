/** Order statistics for the bench scripts: the value at rank ⌊q·n⌋ of the sorted sample (NaN when empty). */
export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * q))]! : NaN;
};

/** The upper median (rank ⌊n/2⌋). */
export const median = (xs: readonly number[]): number => quantile(xs, 0.5);
