/**
 * Flows → arcs. Flows with the same origin, destination and industry merge into one arc, but
 * only figures that may be added (same unit, basis, status, investment type; see
 * data/sum.ts): a running total and a yearly figure between the same places become two arcs.
 * The adding-up happens in columns (./arcTable.ts); this module builds the Arc objects, which
 * the view does only for the arcs it draws.
 */
import type { PlacedFlow, Place } from '../data/dataset.ts';
import type { Industry } from '../data/types.ts';
import type { SumGroup } from '../data/sum.ts';
import { boundOf } from './flowIndex.ts';
import { firstFlow, type ArcTable } from './arcTable.ts';

export { destinationKey, originKey } from './flowIndex.ts';

export interface Arc {
  /** Stable id: origin > destination | industry | sum group. */
  id: string;
  originKey: string;
  destinationKey: string;
  origin: Place;
  destination: Place;
  industry: Industry;
  /** The summed figure and what it is (unit, basis, status, bound, period). */
  group: SumGroup;
  value: number;
  /** The flows the arc contains, in data order (for a running total: every year's). */
  flows: PlacedFlow[];
  /**
   * Earlier running totals between the same places, superseded by this (the latest) one. They
   * are not added (a running total already contains them); the tooltip lists them.
   */
  earlier: SumGroup[];
}

export interface ArcsResult {
  /** Largest first: drawn underneath, so thin arcs stay visible on top of thick ones. */
  arcs: Arc[];
  /** Flows with no figure in this metric (not drawn, but counted in the summary). */
  unmeasured: PlacedFlow[];
}

/** The Arc drawn at group `k` of the table. */
export function arcOf(table: ArcTable, k: number): Arc {
  const { keys } = table;
  const { index } = keys.figures;
  const key = table.groupKey[k]!;
  const b = keys.keyBucket[key]!;
  const earlier = table.earlier.get(k);
  // Lists of their final length (grown a push at a time, each would take ~3× the memory).
  let count = table.start[k + 1]! - table.start[k]!;
  if (earlier) for (const g of earlier) count += table.start[g + 1]! - table.start[g]!;
  const flows = new Array<PlacedFlow>(count);
  let j = 0;
  if (earlier) for (const g of earlier) j = copyMembers(table, g, flows, j);
  copyMembers(table, k, flows, j);
  const first = firstFlow(table, k);
  const group = sumGroupOf(table, k);
  return {
    id: keys.ids[key]!,
    originKey: index.originKeys[index.bucketOrigin[b]!]!,
    destinationKey: index.destinationKeys[index.bucketDestination[b]!]!,
    origin: index.origins[first]!,
    destination: index.destinations[first]!,
    industry: index.industries[index.bucketIndustry[b]!] as Industry,
    group,
    value: group.value,
    flows,
    earlier: earlier ? earlier.map((g) => sumGroupOf(table, g)) : [],
  };
}

/** Copies group k's flows into `out` from position `at`; returns the next position. */
function copyMembers(table: ArcTable, k: number, out: PlacedFlow[], at: number): number {
  const { flows } = table.keys.figures.index;
  for (let m = table.start[k]!; m < table.start[k + 1]!; m++) out[at++] = flows[table.members[m]!]!;
  return at;
}

/** Group `k` of the table as `sumFigures` gives it. */
function sumGroupOf(table: ArcTable, k: number): SumGroup {
  const { keys } = table;
  const { index, groups } = keys.figures;
  const g = groups[keys.keyGroup[table.groupKey[k]!]!]!;
  const from = table.start[k]!;
  const flowIds = new Array<string>(table.start[k + 1]! - from);
  for (let m = 0; m < flowIds.length; m++) flowIds[m] = index.ids[table.members[from + m]!]!;
  return { key: g.key, unit: g.unit, basis: g.basis, status: g.status, investmentType: g.investmentType, bound: boundOf(table.bound[k]!), periodStart: table.periodStart[k]!, periodEnd: table.periodEnd[k]!, value: table.value[k]!, flowIds };
}
