/**
 * Arcs added up per bin (a place, or "not drawn") and sum group: for each bin, what
 * `sumFigures` gives for one figure per arc (its id, value, group, bound and period). Arcs of one
 * group share a unit, basis, status, investment type and (year-bound) year, so an arc's group
 * key is also the key of the figure made from it. Two passes (./slotSums.ts): the first counts,
 * so the second fills lists of the right length instead of growing hundreds of small ones a
 * push at a time.
 */
import type { SumGroup } from '../data/sum.ts';
import type { ArcTable } from './arcTable.ts';
import { add, count, open, slotSums, span, sumGroup } from './slotSums.ts';

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
  const s = slotSums(n);
  const bin: number[] = [];
  const group: number[] = [];
  const members: number[] = [];
  for (let j = 0; j < n; j++) {
    const k = arcs[j]!;
    const g = keys.keyGroup[table.groupKey[k]!]!;
    const code = bins[j]! * groups.length + g;
    let t = slots[code]!;
    if (t < 0) {
      slots[code] = t = open(s, table.periodStart[k]!, table.periodEnd[k]!);
      bin.push(bins[j]!);
      group.push(g);
      members.push(0);
    } else span(s, t, table.periodStart[k]!, table.periodEnd[k]!);
    slotOf[j] = t;
    members[t]!++;
    count(s, t, table.places[k]!, table.bound[k]!);
  }
  const ids = members.map((c) => new Array<string>(c));
  const fill = new Int32Array(s.n);
  for (let j = 0; j < n; j++) {
    const k = arcs[j]!;
    const t = slotOf[j]!;
    ids[t]![fill[t]!++] = keys.ids[table.groupKey[k]!]!;
    add(s, t, table.value[k]!);
  }
  const out: SumGroup[][] = Array.from({ length: binCount }, () => []);
  for (let t = 0; t < s.n; t++) out[bin[t]!]!.push(sumGroup(s, t, groups[group[t]!]!, ids[t]!));
  return out;
}
