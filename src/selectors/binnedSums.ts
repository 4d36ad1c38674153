/**
 * Arcs added up per bin (a place, or "not drawn") and sum group: for each bin, what
 * `sumFigures` gives for one figure per arc (its id, value, group, bound and period). Arcs of one
 * group share a unit, basis, status, investment type and (year-bound) year, so an arc's group
 * key is also the key of the figure made from it. Two passes: the first counts, so the second
 * fills lists of the right length instead of growing hundreds of small ones a push at a time.
 */
import { POW10 } from '../data/decimals.ts';
import type { SumGroup } from '../data/sum.ts';
import type { ArcTable } from './arcTable.ts';
import { boundOf } from './flowIndex.ts';

/** The bit of the bound that a group with bounds `mask` has. */
const topBit = (mask: number): number => (mask & 4 ? 4 : mask & 2 ? 2 : 1);

/**
 * Item j is the arc drawn at group `arcs[j]` of the table, in bin `bins[j]`; items count in the
 * order given. Returns each bin's sums, in order of first appearance.
 */
export function binnedSums(table: ArcTable, arcs: Int32Array, bins: Int32Array, binCount: number): SumGroup[][] {
  const { keys } = table;
  const { groups } = keys.figures;
  const n = arcs.length;
  const slots = new Int32Array(binCount * groups.length).fill(-1);
  const slotOf = new Int32Array(n);
  const bin: number[] = [];
  const group: number[] = [];
  const count: number[] = [];
  const scale: number[] = [];
  const bounds: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  for (let j = 0; j < n; j++) {
    const k = arcs[j]!;
    const g = keys.keyGroup[table.groupKey[k]!]!;
    const code = bins[j]! * groups.length + g;
    let s = slots[code]!;
    if (s < 0) {
      slots[code] = s = bin.length;
      bin.push(bins[j]!);
      group.push(g);
      count.push(0);
      scale.push(0);
      bounds.push(0);
      start.push(table.periodStart[k]!);
      end.push(table.periodEnd[k]!);
    }
    slotOf[j] = s;
    count[s]!++;
    scale[s] = Math.max(scale[s]!, table.places[k]!);
    bounds[s]! |= topBit(table.bound[k]!);
    start[s] = Math.min(start[s]!, table.periodStart[k]!);
    end[s] = Math.max(end[s]!, table.periodEnd[k]!);
  }
  const ids = count.map((c) => new Array<string>(c));
  const fill = new Int32Array(bin.length);
  const sums = new Float64Array(bin.length);
  for (let j = 0; j < n; j++) {
    const k = arcs[j]!;
    const s = slotOf[j]!;
    ids[s]![fill[s]!++] = keys.ids[table.groupKey[k]!]!;
    sums[s] = sums[s]! + Math.round(table.value[k]! * POW10[Math.min(10, scale[s]!)]!);
  }
  const out: SumGroup[][] = Array.from({ length: binCount }, () => []);
  for (let s = 0; s < bin.length; s++) {
    const g = groups[group[s]!]!;
    out[bin[s]!]!.push({
      key: g.key, unit: g.unit, basis: g.basis, status: g.status, investmentType: g.investmentType, bound: boundOf(bounds[s]!),
      periodStart: start[s]!, periodEnd: end[s]!, value: sums[s]! / POW10[Math.min(10, scale[s]!)]!, flowIds: ids[s]!,
    });
  }
  return out;
}
