/**
 * The view model: everything the map, legend, summary, table, CSV, pictures, details card and
 * embed messages show, as one pure, memoised function of (dataset, state): arcs, place totals,
 * the platforms shown, hidden totals, scales, the summary and the industry counts. They read
 * the same object, so they cannot disagree (tests/unit/selectors-agree.test.ts checks it).
 *
 * A filter change costs a few passes over typed arrays: what depends only on the dataset (and
 * metric) is computed once and memoised — per-flow columns (./flowIndex.ts, ./figureColumns.ts),
 * arc ids and their order (./arcKeys.ts), the locked scale's maxima (./lockedMaxima.ts) — and
 * Arc objects are built only for the arcs drawn. tests/unit/selectors-equivalence.test.ts holds
 * it to the straightforward computation.
 */
import type { Dataset, PlacedFlow } from '../data/dataset.ts';
import type { Industry, Platform } from '../data/types.ts';
import { TIERS } from '../data/vocab.ts';
import type { Metric, TierId, ViewState } from '../state/viewState.ts';
import { filterRows, type FlowFilter, platformCounts, platformIndex, shownPlatforms, yearExtent } from './filter.ts';
import { flowIndex, type FlowIndex } from './flowIndex.ts';
import { figureColumns } from './figureColumns.ts';
import { arcKeys } from './arcKeys.ts';
import { arcTable } from './arcTable.ts';
import { arcOf, type Arc } from './arcs.ts';
import { placeTotals, type PlaceTotal } from './places.ts';
import { binnedSums } from './binnedSums.ts';
import { lockedMaxima } from './lockedMaxima.ts';
import { legendValues, sizeScales, type SizeScales } from '../scales/width.ts';
import type { SumGroup } from '../data/sum.ts';
import { industryCounts, summarise, type IndustryCount, type Summary } from './summary.ts';
import { identitySelector, stateSelector } from './memo.ts';
import { unmeasuredArcs, type UnmeasuredArc } from './unmeasured.ts';
import type { PointOf } from './levels.ts';
import type { OdMatrix } from './odMatrix.ts';
import type { CoverageGrid } from './coverage.ts';
import type { PeriodComparison } from './compare.ts';
import type { ChangeLayer } from './changeMap.ts';
import type { NetView } from './net.ts';
import type { Analysis } from './analysis.ts';
import { intakeSeries, intakeView, type IntakeSeries, type IntakeView } from './intake.ts';

/**
 * Above this many arcs only the largest are drawn; the rest are summarised in the legend (and
 * still counted in the place circles, the summary and the table), as flowmap.gl does.
 */
export const ARC_LIMIT = 5000;

/** The filtered flows and what is drawn of them (computeView). */
export interface FlowView {
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

export interface ViewModel extends FlowView {
  /** The platforms the tier and category filters keep (drawn, listed in the table). */
  shownPlatforms: Platform[];
  summary: Summary;
  /** Records per industry under every filter except the industry one. */
  industryCounts: IndustryCount[];
  /** Smallest and largest year in the dataset. */
  extent: [number, number];
  /** Platforms in the dataset per tier and per category. */
  platformCounts: ReturnType<typeof platformCounts>;
  /** What the legend (on screen, in the PNG and SVG) lists. */
  legend: LegendModel;
  /** The origin–destination matrix of the arcs (./odMatrix.ts); null unless `matrix=1`. */
  matrix: OdMatrix | null;
  /** `years` beside `compare` (./compare.ts); null unless `compare=` is set. */
  compare: PeriodComparison | null;
  /** `compare` as the map draws it (./changeMap.ts): arcs and circles by their change; null unless `compare=` is set. */
  change: ChangeLayer | null;
  /** Two-way flows netted (./net.ts); null unless `net=1`. The map draws its arcs (not while comparing). */
  net: NetView | null;
  /** `unmeasured` as arcs (./unmeasured.ts): drawn dotted, "reported, no figure in this measure"; at most ARC_LIMIT. */
  unmeasuredArcs: UnmeasuredArc[];
  /** The prefecture intake layer (./intake.ts) for state.intake / intakeYear; null when off. */
  intake: IntakeView | null;
  /** Every intake series of the dataset, by id (./intake.ts): the layer's control, the details card's year charts. */
  intakeSeries: ReadonlyMap<string, IntakeSeries>;
  /** Those series by place and year, holes included (./coverage.ts); null unless `coverage=1`. */
  coverage: CoverageGrid | null;
}

export interface LegendModel {
  /** Industries of the drawn arcs, in the order they are drawn. */
  industries: Industry[];
  /** Reference values for the width scale. */
  widths: number[];
  /** Platform tiers present in the dataset (TIER_STYLE order). */
  tiers: TierId[];
  /** How many of the 46 specialised platforms the data names. */
  named46: number;
}

export function legendModel(core: FlowView, metric: Metric, counts: ViewModel['platformCounts']): LegendModel {
  const industries = [...new Set(core.arcs.map((a) => a.industry))] as Industry[];
  const [, max] = core.scales.width.domain() as [number, number];
  return {
    industries,
    widths: industries.length ? legendValues(max, { integer: metric !== 'investment' }) : [],
    tiers: TIERS.filter((tier) => counts.tier.has(tier)),
    named46: counts.tier.get('specialised-46') ?? 0,
  };
}

/** The state fields the flows and arcs depend on. */
export const VIEW_INPUTS = ['industry', 'years', 'origin', 'dest', 'tier', 'category', 'metric', 'lock', 'level'] as const;
type Inputs = Pick<ViewState, (typeof VIEW_INPUTS)[number]>;

export interface ViewOptions {
  /** Where Beijing, Tianjin and each prefecture are drawn at `level=city` (their label points). */
  pointOf?: PointOf;
  /**
   * The analysis parts (./analysis.ts: levels, matrix, comparison, net flows), or a getter for
   * them once loaded. A state that asks for one of them (`needsAnalysis`) needs them: the page
   * loads them before such a state applies.
   */
  analysis?: Analysis | (() => Analysis | null);
}

/** Does the state ask for the analysis parts (./analysis.ts)? */
export const needsAnalysis = (s: Partial<Pick<ViewState, 'level' | 'matrix' | 'compare' | 'net' | 'coverage'>>): boolean => s.level === 'city' || !!s.matrix || !!s.compare || !!s.net || !!s.coverage;

/**
 * The flows, arcs and totals of a state. The filters choose rows of the flows as published;
 * at `level=city` those rows are read from the flows merged to prefecture level (./levels.ts).
 */
export function computeView(dataset: Dataset, s: Inputs & Pick<FlowFilter, 'apart'>, cityFlows?: (flows: readonly PlacedFlow[]) => PlacedFlow[]): FlowView {
  const platforms = platformIndex(dataset);
  const rows = filterRows(dataset, s, platforms);
  if (s.level === 'city' && !cityFlows) throw new Error('level=city needs the analysis parts (selectors/analysis.ts)');
  const flowsAt = s.level === 'city' ? cityFlows!(dataset.flows) : dataset.flows;
  const index = flowIndex(flowsAt);
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
    flows: pick(flowsAt, rows),
    arcs,
    hidden,
    unmeasured: pick(flowsAt, table.unmeasured),
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

/**
 * The view model, memoised part by part from declared inputs (./memo.ts): a camera move or a
 * language switch returns the same object; a metric change recomputes the arcs and summary but
 * not the platforms or the industry counts.
 */
export type ViewInputs = Inputs;

export interface ViewSelector {
  (dataset: Dataset, s: Inputs & Partial<Pick<ViewState, 'matrix' | 'compare' | 'net' | 'intake' | 'intakeYear' | 'coverage'>>): ViewModel;
  /**
   * The flows part (`computeView`) of another state, placed as this selector places them (the
   * same city points at `level=city`), not memoised: for views made of several states, such as
   * the small multiples (./multiples.ts), so that each equals the one view model of that state.
   */
  flowsOf(dataset: Dataset, s: Inputs): FlowView;
}

export function viewSelector(options: ViewOptions = {}): ViewSelector {
  const given = options.analysis;
  const an = (): Analysis => {
    const a = typeof given === 'function' ? given() : given;
    if (!a) throw new Error('this state needs the analysis parts (selectors/analysis.ts), not loaded');
    return a;
  };
  // City-level flows, memoised per dataset once the analysis parts are there.
  let cityFlowsFn: ((flows: readonly PlacedFlow[]) => PlacedFlow[]) | null = null;
  const cityFlows = (fl: readonly PlacedFlow[]) => (cityFlowsFn ??= an().cityFlowsOf(options.pointOf))(fl);
  const flows = stateSelector(VIEW_INPUTS, (d: Dataset, s: Inputs) => computeView(d, s, cityFlows));
  const platforms = stateSelector(['tier', 'category'], shownPlatforms);
  const counts = stateSelector(['years', 'origin', 'dest', 'tier', 'category'], (d, f) => industryCounts(d, f));
  const summary = identitySelector(summarise);
  const extent = identitySelector(yearExtent);
  const perPlatform = identitySelector(platformCounts);
  const legend = identitySelector(legendModel);
  const series = identitySelector((d: Dataset) => intakeSeries(d.aggregates));
  const intake = stateSelector(['intake', 'intakeYear'], (d, st) => intakeView(series(d), st.intake, st.intakeYear));
  const dotted = identitySelector((flows: PlacedFlow[]) => unmeasuredArcs(flows, ARC_LIMIT));
  const matrix = identitySelector((arcs: Arc[], on: boolean) => (on ? an().odMatrix(arcs) : null));
  const netted = identitySelector((arcs: Arc[], on: boolean) => (on ? an().netFlows(arcs) : null));
  const grid = identitySelector((iks: ReadonlyMap<string, IntakeSeries>, on: boolean) => (on ? an().coverageGrid(iks.values()) : null));
  // The two periods as compared (./compare.ts): the same filters and level over `compare` (B)
  // and `years` (A), each without the figures that run partly into the other's years; and the
  // rows of every year, where the compare module finds the figures that straddle a period.
  const other = stateSelector([...VIEW_INPUTS, 'compare'], (d: Dataset, s: Inputs & Pick<ViewState, 'compare'>) => {
    if (!s.compare) return null;
    // Apart periods: `apart` drops nothing from A, which is then the view's own flows (memoised).
    const [y0, y1] = s.years ?? [-Infinity, Infinity];
    const a = y0 <= s.compare[1] && s.compare[0] <= y1 ? computeView(d, { ...s, apart: s.compare }, cityFlows) : flows(d, s);
    const b = computeView(d, { ...s, years: s.compare, apart: s.years }, cityFlows);
    const side = <Y extends [number, number] | null>(core: FlowView, years: Y) => ({ core, arcs: core.arcs, totals: summarise(core, s.metric).totals, years });
    return { a: side(a, s.years), b: side(b, s.compare), pool: { index: a.selection.index, rows: filterRows(d, { ...s, years: null }), metric: s.metric } };
  });
  const compared = identitySelector((o: ReturnType<typeof other>) => (o ? an().comparePeriods(o.a, o.b, o.pool) : null));
  const changed = identitySelector((cmp: PeriodComparison | null, o: ReturnType<typeof other>) => (cmp && o ? an().changeLayer(cmp, o.a.core, o.b.core) : null));
  const model = identitySelector(
    (core: FlowView, shown: Platform[], industryCounts: IndustryCount[], sm: Summary, ext: [number, number], pc: ViewModel['platformCounts'], lg: LegendModel, um: UnmeasuredArc[], mx: OdMatrix | null, cmp: PeriodComparison | null, ik: IntakeView | null, iks: ReadonlyMap<string, IntakeSeries>, ch: ChangeLayer | null, nt: NetView | null, cv: CoverageGrid | null): ViewModel => ({
      ...core,
      shownPlatforms: shown,
      summary: sm,
      industryCounts,
      extent: ext,
      platformCounts: pc,
      legend: lg,
      unmeasuredArcs: um,
      matrix: mx,
      compare: cmp,
      change: ch,
      net: nt,
      intake: ik,
      intakeSeries: iks,
      coverage: cv,
    }),
  );
  const select = (dataset: Dataset, s: Parameters<ViewSelector>[1]): ViewModel => {
    const core = flows(dataset, s);
    const pc = perPlatform(dataset);
    const sm = summary(core, s.metric);
    const b = other(dataset, { ...s, compare: s.compare ?? null });
    const cmp = compared(b);
    const iks = series(dataset);
    return model(core, platforms(dataset, s), counts(dataset, s), sm, extent(dataset), pc, legend(core, s.metric, pc), dotted(core.unmeasured), matrix(core.arcs, s.matrix === true), cmp, intake(dataset, { intake: s.intake ?? null, intakeYear: s.intakeYear ?? null }), iks, changed(cmp, b), netted(core.arcs, s.net === true), grid(iks, s.coverage === true));
  };
  return Object.assign(select, { flowsOf: (d: Dataset, st: Inputs) => computeView(d, st, cityFlows) });
}
