/**
 * The adding-up the columnar kernels share (./arcTable.ts, ./binnedSums.ts, ./rowSums.ts): slots,
 * one per sum group being filled, that keep the years the group's figures span, the decimals and
 * bounds of the figures that count, and their exact decimal sum — what `sumFigures` (data/sum.ts,
 * the definition every kernel is tested against) gives, without a Figure object or a Map per
 * figure. Two passes: `count` every figure first (its decimals fix the slot's scale), then `add`
 * the values; `total` reads a slot's sum.
 */
import { POW10 } from '../data/decimals.ts';
import type { SumGroup } from '../data/sum.ts';
import type { GroupInfo } from './figureColumns.ts';
import { boundOf } from './flowIndex.ts';

export interface SlotSums {
  /** Slots opened so far. */
  n: number;
  /** First and last year of each slot's figures (counted or listed). */
  start: Float64Array;
  end: Float64Array;
  /** Most decimals among each slot's counted figures (at most 10: the scale of its sum). */
  places: Uint8Array;
  /** Bounds of each slot's counted figures, a mask of bits 1 exact, 2 at least, 4 about (flowIndex.ts `boundOf`). */
  bounds: Uint8Array;
  /** Each slot's sum, in units of 10^-places. */
  sum: Float64Array;
}

/** Room for `capacity` slots. */
export function slotSums(capacity: number): SlotSums {
  return { n: 0, start: new Float64Array(capacity), end: new Float64Array(capacity), places: new Uint8Array(capacity), bounds: new Uint8Array(capacity), sum: new Float64Array(capacity) };
}

/** A new slot for a group whose first figure spans `start`–`end`; its index. */
export function open(s: SlotSums, start: number, end: number): number {
  const k = s.n++;
  s.start[k] = start;
  s.end[k] = end;
  return k;
}

/** Slot k's span widened to a figure's years (listed or counted). */
export function span(s: SlotSums, k: number, start: number, end: number): void {
  if (start < s.start[k]!) s.start[k] = start;
  if (end > s.end[k]!) s.end[k] = end;
}

/** A figure counted in slot k: its decimals and its bound bits (first pass). */
export function count(s: SlotSums, k: number, places: number, bounds: number): void {
  if (places > s.places[k]!) s.places[k] = Math.min(10, places);
  s.bounds[k]! |= bounds;
}

/** A counted figure's value added to slot k (second pass, once every figure is counted). */
export function add(s: SlotSums, k: number, value: number): void {
  s.sum[k] = s.sum[k]! + Math.round(value * POW10[s.places[k]!]!);
}

/** Slot k's sum. */
export const total = (s: SlotSums, k: number): number => s.sum[k]! / POW10[s.places[k]!]!;

/** Slot k as the group `sumFigures` gives: its group's definition, its years, bound and sum, its flows. */
export function sumGroup(s: SlotSums, k: number, g: GroupInfo, flowIds: string[]): SumGroup {
  return { key: g.key, unit: g.unit, basis: g.basis, status: g.status, investmentType: g.investmentType, bound: boundOf(s.bounds[k]!), periodStart: s.start[k]!, periodEnd: s.end[k]!, value: total(s, k), flowIds };
}
