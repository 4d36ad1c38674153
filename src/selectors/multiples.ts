/**
 * Small multiples by industry (issue 18, `multiples=industry`): one panel per industry of the
 * data, each the view model's flows part (./view.ts `computeView`, through the selector's
 * `flowsOf`) of the state with `industry` set to that one industry alone — so a panel's arcs and
 * totals are the ones the map and summary show after a click on it. Totals come from the
 * summary's rule (./summary.ts `summarise`): one per group of figures that may be added, never
 * one mixed number. All panels share one size scale: the largest arc and place of any panel
 * (with `lock`, the locked scale over all the data, ./lockedMaxima.ts, which every panel has
 * already), so widths compare across panels. Loaded with the multiples' chunk, not the first page.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Industry } from '../data/types.ts';
import type { SumGroup } from '../data/sum.ts';
import type { ViewState } from '../state/viewState.ts';
import { sizeScales, type SizeScales } from '../scales/width.ts';
import { stateSelector } from './memo.ts';
import { industryCounts, summarise } from './summary.ts';
import { unmeasuredArcs, type UnmeasuredArc } from './unmeasured.ts';
import { ARC_LIMIT, VIEW_INPUTS, type FlowView, type ViewInputs } from './view.ts';

export interface MultiplesPanel {
  industry: Industry;
  /** Records of this industry the other filters keep (0: an empty panel, said so). */
  records: number;
  /** The view of the state filtered to this industry, with the shared scales and, as the view model has them, its records without a figure as dotted arcs. */
  view: FlowView & { unmeasuredArcs: UnmeasuredArc[] };
  /** The measure's totals, one per summable group (the summary's `totals` after a click). */
  totals: SumGroup[];
  /** Records without a figure in this measure. */
  without: number;
}

export interface MultiplesModel {
  panels: MultiplesPanel[];
  /** The one scale of every panel. */
  scales: SizeScales;
}

/** The state fields the panels depend on: the view's inputs except the industry filter they replace. */
const INPUTS = VIEW_INPUTS.filter((k): k is Exclude<(typeof VIEW_INPUTS)[number], 'industry'> => k !== 'industry');

type FlowsOf = (dataset: Dataset, s: ViewInputs) => FlowView;

/** The panels of a state: every industry of the data (vocabulary order), each filtered alone. */
export function multiplesModel(dataset: Dataset, s: Omit<ViewInputs, 'industry'>, flowsOf: FlowsOf): MultiplesModel {
  const panels = industryCounts(dataset, s).map(({ industry, count }): MultiplesPanel => {
    const view = flowsOf(dataset, { ...s, industry: [industry] });
    const { totals, without } = summarise(view, s.metric, 0);
    return { industry, records: count, view: { ...view, unmeasuredArcs: unmeasuredArcs(view.unmeasured, ARC_LIMIT) }, totals, without };
  });
  let maxArc = 0;
  let maxPlace = 0;
  for (const p of panels) {
    const [, a] = p.view.scales.width.domain() as [number, number];
    const [, r] = p.view.scales.radius.domain() as [number, number];
    maxArc = Math.max(maxArc, a);
    maxPlace = Math.max(maxPlace, r);
  }
  const scales = sizeScales(maxArc, maxPlace);
  for (const p of panels) p.view = { ...p.view, scales };
  return { panels, scales };
}

/** `multiplesModel`, memoised on the dataset and the fields it reads (a camera move or a language switch costs nothing). */
export function multiplesSelector(flowsOf: FlowsOf): (dataset: Dataset, s: Pick<ViewState, (typeof INPUTS)[number]>) => MultiplesModel {
  return stateSelector(INPUTS, (d, s) => multiplesModel(d, s, flowsOf));
}
