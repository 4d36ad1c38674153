/**
 * The "top N + rest summarised" cut: draw the N largest flows, and say how many were left out
 * and what they add up to, instead of drawing tens of thousands of hairlines nobody can read.
 * Pure; ranking is by `value(d)` descending, ties keep input order (stable).
 *
 * `rest.total` is only meaningful when the values may be added (same unit and basis: see
 * src/data/sum.ts); cut a group that `sumFlows` put together, not a mixture. It is summed with
 * `decimalSum`, so published decimals add up without binary noise.
 */
import { decimalSum } from '../../src/data/sum.ts';

export interface TopFlows<T> {
  /** At most `n` items, largest first. */
  shown: T[];
  /** What was left out: how many items, and the sum of their values. */
  rest: { count: number; total: number };
}

/** Values that are not finite numbers rank last and add 0 to `rest.total`. */
const rank = (v: number) => (Number.isFinite(v) ? v : -Infinity);

export function topFlows<T>(flows: readonly T[], n: number, value: (d: T) => number): TopFlows<T> {
  const k = Math.max(0, Math.min(flows.length, Math.floor(Number.isFinite(n) ? n : n > 0 ? flows.length : 0)));
  const values = new Float64Array(flows.length);
  for (let i = 0; i < flows.length; i++) values[i] = rank(value(flows[i]!));
  const order = new Uint32Array(flows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Stable: equal values keep their input order.
  order.sort((a, b) => values[b]! - values[a]! || a - b);
  const shown = new Array<T>(k);
  for (let i = 0; i < k; i++) shown[i] = flows[order[i]!]!;
  const left: number[] = [];
  for (let i = k; i < order.length; i++) {
    const v = values[order[i]!]!;
    if (v !== -Infinity) left.push(v);
  }
  return { shown, rest: { count: flows.length - k, total: decimalSum(left) } };
}
