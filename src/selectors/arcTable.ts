/**
 * Flows → arcs, as columns. The rows (flow indices, data order) with the same arc key
 * (./arcKeys.ts) are summed into one group, as `sumFigures` would (same values, same
 * `decimalSum`), except that a running total superseded by a later report of it on the same arc
 * is listed, not added (./asOf.ts); a running total is drawn once, at its latest year-end, with the earlier
 * year-ends listed; the arcs come out largest first, ties by id. Two passes over the rows with
 * typed arrays (./slotSums.ts) and no string: the Arc objects (./arcs.ts) are built only for the arcs drawn.
 */
import type { ArcKeys } from './arcKeys.ts';
import { valueOrder } from './valueOrder.ts';
import { decimalPlaces } from '../data/decimals.ts';
import { supersededRows } from './asOf.ts';
import { add, count as countFigure, open, slotSums, span, total } from './slotSums.ts';

export interface ArcTable {
  keys: ArcKeys;
  /** Arc key of each group (groups are numbered in order of first appearance in the rows). */
  groupKey: Int32Array;
  /** Sum, its decimal places, bounds present (bit mask, see BOUND_CODES), first and last year of each group. */
  value: Float64Array;
  places: Uint8Array;
  bound: Uint8Array;
  periodStart: Float64Array;
  periodEnd: Float64Array;
  /** Flows (indices) of group k: `members[start[k] … start[k + 1])`, in data order. */
  start: Int32Array;
  members: Int32Array;
  /** The groups drawn as arcs, largest first. */
  arcs: Int32Array;
  /** Earlier year-ends of a running total drawn at group k, oldest first (absent: none). */
  earlier: Map<number, number[]>;
  /** Rows without a figure above 0 in the metric (not drawn). */
  unmeasured: number[];
}

/** The flow whose places the arc drawn at group k takes: the first of its (earliest) group. */
export const firstFlow = (table: ArcTable, k: number): number => table.members[table.start[table.earlier.get(k)?.[0] ?? k]!]!;

export function arcTable(keys: ArcKeys, rows: Int32Array): ArcTable {
  const { index, value: figure, places } = keys.figures;
  const cap = rows.length;
  const slot = new Int32Array(keys.ids.length);
  const groupKey = new Int32Array(cap);
  const count = new Int32Array(cap);
  const s = slotSums(cap);
  const unmeasured: number[] = [];
  const superseded = supersededRows(keys.figures, rows);
  for (let r = 0; r < cap; r++) {
    const i = rows[r]!;
    const key = keys.key[i]!;
    if (key < 0) {
      unmeasured.push(i);
      continue;
    }
    let k = slot[key]! - 1;
    if (k < 0) {
      slot[key] = (k = open(s, index.periodStart[i]!, index.periodEnd[i]!)) + 1;
      groupKey[k] = key;
    } else span(s, k, index.periodStart[i]!, index.periodEnd[i]!);
    count[k]!++;
    if (!superseded.has(i)) countFigure(s, k, places[i]!, 1 << index.bound[i]!);
  }
  const m = s.n;
  const start = new Int32Array(m + 1);
  for (let k = 0; k < m; k++) start[k + 1] = start[k]! + count[k]!;
  const fill = start.slice(0, m);
  const members = new Int32Array(start[m]!);
  for (let r = 0; r < cap; r++) {
    const i = rows[r]!;
    const key = keys.key[i]!;
    if (key < 0) continue;
    const k = slot[key]! - 1;
    if (!superseded.has(i)) add(s, k, figure[i]!);
    members[fill[k]!++] = i;
  }
  const value = new Float64Array(m);
  const valuePlaces = new Uint8Array(m);
  for (let k = 0; k < m; k++) {
    value[k] = total(s, k);
    valuePlaces[k] = decimalPlaces(value[k]!);
  }
  const { drawn, earlier } = latestRunningTotals(keys, groupKey, s.end, m);
  const vals = new Float64Array(drawn.length);
  const ranks = new Int32Array(drawn.length);
  for (let j = 0; j < drawn.length; j++) {
    vals[j] = value[drawn[j]!]!;
    ranks[j] = keys.rank[groupKey[drawn[j]!]!]!;
  }
  const arcs = valueOrder(vals, ranks);
  for (let j = 0; j < arcs.length; j++) arcs[j] = drawn[arcs[j]!]!;
  return { keys, groupKey: groupKey.slice(0, m), value, places: valuePlaces, bound: s.bounds.slice(0, m), periodStart: s.start.slice(0, m), periodEnd: s.end.slice(0, m), start, members, arcs, earlier, unmeasured };
}

/**
 * Running totals of one series (unit, status, investment type) in one bucket at different
 * year-ends: the latest is drawn, the earlier ones listed with it. Other groups are drawn.
 */
function latestRunningTotals(keys: ArcKeys, groupKey: Int32Array, periodEnd: Float64Array, m: number): { drawn: Int32Array; earlier: Map<number, number[]> } {
  const drawn = new Int32Array(m);
  const earlier = new Map<number, number[]>();
  const series = new Map<number, number[]>();
  let n = 0;
  for (let k = 0; k < m; k++) {
    const s = keys.keySeries[groupKey[k]!]!;
    if (s < 0) drawn[n++] = k;
    else {
      const list = series.get(s);
      if (list) list.push(k);
      else series.set(s, [k]);
    }
  }
  for (const list of series.values()) {
    list.sort((a, b) => periodEnd[a]! - periodEnd[b]!);
    const latest = list.pop()!;
    drawn[n++] = latest;
    if (list.length) earlier.set(latest, list);
  }
  return { drawn: drawn.subarray(0, n), earlier };
}
