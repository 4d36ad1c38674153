/**
 * `sumFlows` for flows given as rows of the dataset's columns (./figureColumns.ts): the same
 * groups (first appearance order, ids in data order, `decimalSum` values) and the number of
 * flows without a figure, without a figure object or group key per flow (./slotSums.ts). A
 * running total superseded by a later report of it on the same arc is listed, not added
 * (./asOf.ts).
 */
import type { SumGroup } from '../data/sum.ts';
import type { FigureColumns } from './figureColumns.ts';
import { supersededRows } from './asOf.ts';
import { add, count, open, slotSums, span, sumGroup } from './slotSums.ts';

export function sumRows(figures: FigureColumns, rows: Int32Array): { groups: SumGroup[]; without: number } {
  const { index, value, places, group, groups: info } = figures;
  const slot = new Int32Array(info.length).fill(-1);
  const s = slotSums(Math.min(info.length, rows.length));
  const order: number[] = [];
  const ids: string[][] = [];
  let without = 0;
  const superseded = supersededRows(figures, rows);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const g = group[i]!;
    if (g < 0) {
      without++;
      continue;
    }
    let k = slot[g]!;
    if (k < 0) {
      slot[g] = k = open(s, index.periodStart[i]!, index.periodEnd[i]!);
      order.push(g);
      ids.push([]);
    } else span(s, k, index.periodStart[i]!, index.periodEnd[i]!);
    ids[k]!.push(index.ids[i]!);
    if (!superseded.has(i)) count(s, k, places[i]!, 1 << index.bound[i]!);
  }
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const g = group[i]!;
    if (g >= 0 && !superseded.has(i)) add(s, slot[g]!, value[i]!);
  }
  return { groups: order.map((g, k) => sumGroup(s, k, info[g]!, ids[k]!)), without };
}
