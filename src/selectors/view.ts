/**
 * The view model: everything the map, legend, summary, table and embed messages show, as one
 * pure, memoised function of (dataset, state). They read the same object, so they cannot
 * disagree.
 *
 * A filter change costs a few passes over typed arrays: what depends only on the dataset (and
 * metric) is computed once and memoised — per-flow columns (./flowIndex.ts, ./figureColumns.ts),
 * arc ids and their order (./arcKeys.ts), the locked scale's maxima (./lockedMaxima.ts) — and
 * Arc objects are built only for the arcs drawn. tests/unit/selectors-equivalence.test.ts holds
 * it to the straightforward computation.
 */
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import type { Platform } from '../data/types.ts';
import type { ViewState } from '../state/viewState.ts';
import { filterRows, platformIndex } from './filter.ts';
import { flowIndex, type FlowIndex } from './flowIndex.ts';
import { figureColumns } from './figureColumns.ts';
import { arcKeys } from './arcKeys.ts';
import { arcTable } from './arcTable.ts';
import { arcOf, type Arc } from './arcs.ts';
import { placeTotals, type PlaceTotal } from './places.ts';
import { binnedSums } from './binnedSums.ts';
import { lockedMaxima } from './lockedMaxima.ts';
import { sizeScales, type SizeScales } from '../scales/width.ts';
import type { SumGroup } from '../data/sum.ts';

/**
 * Above this many arcs only the largest are drawn; the rest are summarised in the legend (and
 * still counted in the place circles, the summary and the table), as flowmap.gl does.
 */
export const ARC_LIMIT = 5000;

export interface ViewModel {
  flows: PlacedFlow[];
  /** Arcs drawn: all of them, or the ARC_LIMIT largest. */
  arcs: Arc[];
  /** Arcs not drawn because of ARC_LIMIT, totalled per summable group. */
  hidden: { count: number; groups: SumGroup[] };
  unmeasured: PlacedFlow[];
  places: PlaceTotal[];
  scales: SizeScales;
  /** Flows in the dataset (for "n of N shown"). */
  total: number;
  platforms: Map<string, Platform>;
  /** `flows` as rows of the dataset's columns (./flowIndex.ts), for the summary's sums. */
  selection: { index: FlowIndex; rows: Int32Array };
}

type Inputs = Pick<ViewState, 'industry' | 'years' | 'origin' | 'dest' | 'tier' | 'category' | 'metric' | 'lock'>;

export function computeView(dataset: Dataset, s: Inputs): ViewModel {
  const platforms = platformIndex(dataset);
  const index = flowIndex(dataset.flows);
  const rows = filterRows(dataset, s, platforms);
  const keys = arcKeys(figureColumns(index, s.metric));
  const table = arcTable(keys, rows);
  const places = placeTotals(table);
  const drawn = Math.min(ARC_LIMIT, table.arcs.length);
  const arcs = new Array<Arc>(drawn);
  for (let j = 0; j < drawn; j++) arcs[j] = arcOf(table, table.arcs[j]!);
  const rest = table.arcs.subarray(drawn);
  const hidden = { count: rest.length, groups: binnedSums(table, rest, new Int32Array(rest.length), 1)[0]! };
  // Locked: one scale over ALL the data in this metric, so years and filters compare.
  const { maxArc, maxPlace } = s.lock ? lockedMaxima(keys) : { maxArc: arcs[0]?.value ?? 0, maxPlace: places.reduce((m, p) => Math.max(m, p.size), 0) };
  return {
    flows: pick(dataset.flows, rows),
    arcs,
    hidden,
    unmeasured: pick(dataset.flows, table.unmeasured),
    places,
    scales: sizeScales(maxArc, maxPlace),
    total: dataset.flows.length,
    platforms,
    selection: { index, rows },
  };
}

function pick<T>(xs: readonly T[], at: ArrayLike<number>): T[] {
  const out = new Array<T>(at.length);
  for (let j = 0; j < at.length; j++) out[j] = xs[at[j]!]!;
  return out;
}

/** Memoised `computeView`: recomputes only when the dataset or a relevant state field changes. */
export function viewSelector(): (dataset: Dataset, s: Inputs) => ViewModel {
  let lastData: Dataset | null = null;
  let lastKey = '';
  let last: ViewModel | null = null;
  return (dataset, s) => {
    const key = JSON.stringify([s.industry, s.years, s.origin, s.dest, s.tier, s.category, s.metric, s.lock]);
    if (last && dataset === lastData && key === lastKey) return last;
    lastData = dataset;
    lastKey = key;
    return (last = computeView(dataset, s));
  };
}
