/**
 * The view model: everything the map, legend, summary, table and embed messages show, as one
 * pure, memoised function of (dataset, state). They read the same object, so they cannot
 * disagree.
 */
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import type { Platform } from '../data/types.ts';
import type { ViewState } from '../state/viewState.ts';
import { filterFlows, platformIndex } from './filter.ts';
import { aggregateArcs, type Arc } from './arcs.ts';
import { placeTotals, type PlaceTotal } from './places.ts';
import { sizeScales, type SizeScales } from '../scales/width.ts';
import { sumFigures, type SumGroup } from '../data/sum.ts';

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
}

type Inputs = Pick<ViewState, 'industry' | 'years' | 'origin' | 'dest' | 'tier' | 'category' | 'metric' | 'lock'>;

const maxOf = (xs: readonly number[]) => xs.reduce((m, v) => Math.max(m, v), 0);

export function computeView(dataset: Dataset, s: Inputs): ViewModel {
  const platforms = platformIndex(dataset);
  const flows = filterFlows(dataset, s, platforms);
  const { arcs: all, unmeasured } = aggregateArcs(flows, s.metric);
  const places = placeTotals(all);
  // aggregateArcs sorts largest first.
  const arcs = all.length > ARC_LIMIT ? all.slice(0, ARC_LIMIT) : all;
  const rest = all.slice(arcs.length);
  const hidden = {
    count: rest.length,
    groups: sumFigures(rest.map((a) => ({ ...a.group, id: a.id }))),
  };
  let maxArc = maxOf(arcs.map((a) => a.value));
  let maxPlace = maxOf(places.map((p) => p.size));
  if (s.lock) {
    // Locked: one scale over ALL the data in this metric, so years and filters compare.
    const all = aggregateArcs(dataset.flows, s.metric).arcs;
    maxArc = maxOf(all.map((a) => a.value));
    maxPlace = maxOf(placeTotals(all).map((p) => p.size));
  }
  return { flows, arcs, hidden, unmeasured, places, scales: sizeScales(maxArc, maxPlace), total: dataset.flows.length, platforms };
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
