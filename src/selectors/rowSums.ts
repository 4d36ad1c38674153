/**
 * `sumFlows` for flows given as rows of the dataset's columns (./figureColumns.ts): the same
 * groups (first appearance order, ids in data order, `decimalSum` values) and the number of
 * flows without a figure, without a figure object or group key per flow. A running total
 * superseded by a later report of it on the same arc is listed, not added (./asOf.ts).
 */
import type { SumGroup } from '../data/sum.ts';
import type { FigureColumns } from './figureColumns.ts';
import { boundOf } from './flowIndex.ts';
import { POW10 } from '../data/decimals.ts';
import { supersededRows } from './asOf.ts';

export function sumRows(figures: FigureColumns, rows: Int32Array): { groups: SumGroup[]; without: number } {
  const { index, value, places, group, groups: info } = figures;
  const slot = new Int32Array(info.length).fill(-1);
  const order: number[] = [];
  const ids: string[][] = [];
  const scale: number[] = [];
  const bounds: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
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
      slot[g] = k = order.length;
      order.push(g);
      ids.push([]);
      scale.push(0);
      bounds.push(0);
      start.push(index.periodStart[i]!);
      end.push(index.periodEnd[i]!);
    }
    ids[k]!.push(index.ids[i]!);
    start[k] = Math.min(start[k]!, index.periodStart[i]!);
    end[k] = Math.max(end[k]!, index.periodEnd[i]!);
    if (superseded.has(i)) continue;
    scale[k] = Math.max(scale[k]!, places[i]!);
    bounds[k]! |= 1 << index.bound[i]!;
  }
  const sums = new Float64Array(order.length);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const g = group[i]!;
    if (g < 0 || superseded.has(i)) continue;
    const k = slot[g]!;
    sums[k] = sums[k]! + Math.round(value[i]! * POW10[Math.min(10, scale[k]!)]!);
  }
  const groups = order.map((g, k): SumGroup => {
    const s = info[g]!;
    return { key: s.key, unit: s.unit, basis: s.basis, status: s.status, investmentType: s.investmentType, bound: boundOf(bounds[k]!), periodStart: start[k]!, periodEnd: end[k]!, value: sums[k]! / POW10[Math.min(10, scale[k]!)]!, flowIds: ids[k]! };
  });
  return { groups, without };
}
