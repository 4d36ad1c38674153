/**
 * The optimised selectors (columns, memoised per dataset) give exactly what the straightforward
 * ones gave (tests/unit/reference-view.ts): same arcs in the same order, same places, hidden
 * totals, scales, summary and counts, on random datasets that mix bases, statuses, bounds,
 * running totals, platforms, missing and zero figures.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset, PlacedFlow } from '../../src/data/dataset.ts';
import type { Metric, Platform } from '../../src/data/types.ts';
import { BOUNDS, FLOW_BASES, INDUSTRIES, INVESTMENT_TYPES, STATUSES } from '../../src/data/vocab.ts';
import { aggregateArcs } from './selector-helpers.ts';
import { computeView, type FlowView } from '../../src/selectors/view.ts';
import { industryCounts, summarise } from '../../src/selectors/summary.ts';
import { CATEGORIES, defaultState, METRICS, TIERS, type ViewState } from '../../src/state/viewState.ts';
import { mulberry32 } from '../../scripts/synthetic.ts';
import { refAggregateArcs, refComputeView, refIndustryCounts, refSummarise } from './reference-view.ts';

/** Platforms (one id a prefix of another); with `odd`, one id contains `|` (arc ids are then ordered by sorting the ids themselves). */
const platformsOf = (odd: boolean): Platform[] => ['P1', 'P13', odd ? 'P|3' : 'P3'].map((id, i) => ({
  id, nameZh: id, nameEn: id, tier: TIERS[i]!, category: i === 2 ? 'manufacturing' : null, adcode: 130600 + i, areaAdcodes: [], lon: 115 + i, lat: 38 + i,
  pointEstimated: false, coordNote: null, sourceIds: ['S001'], confidence: 'high', noteZh: null, noteEn: null,
}));
const PLATFORMS = platformsOf(false);

/** A random flow from a stream of uniforms: few places, industries and years, so arcs merge. */
function randomFlow(rand: () => number, i: number, places = 4, platforms = PLATFORMS): PlacedFlow {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const origin = pick([110101, 110105, 120101, 110000].slice(0, Math.max(1, places)));
  const platform = rand() < 0.2 ? pick(platforms) : null;
  const dest = platform ? platform.adcode : 130900 + Math.floor(rand() * places) * 100;
  const end = 2014 + Math.floor(rand() * 4);
  const start = rand() < 0.7 ? end : end - 1 - Math.floor(rand() * 2);
  const figure = (): number | null => {
    const r = rand();
    if (r < 0.15) return null;
    if (r < 0.2) return 0;
    if (r < 0.22) return -1;
    // Many equal values, so the order of arcs of equal value (by id) is tested.
    if (r < 0.6) return 1 + Math.floor(rand() * 3);
    return Math.round(rand() * 10 ** (1 + Math.floor(rand() * 4))) / pick([1, 10, 100, 1000]);
  };
  return {
    id: `F${i}`, kind: 'relocation', originAdcode: origin, originNoteZh: null, originNoteEn: null, destinationAdcode: dest,
    destinationPlatformId: platform?.id ?? null, industry: pick(INDUSTRIES.slice(0, 3)), entityZh: '', entityEn: '', periodStart: start, periodEnd: end, periodNote: null, periodNoteZh: null,
    basis: pick(FLOW_BASES), status: pick([...STATUSES, null]), preStrategy: false, projects: figure(), investmentCny100m: figure(), investmentType: pick([...INVESTMENT_TYPES, null]),
    investmentUsdM: null, firms: figure(), merchants: figure(), bound: pick(BOUNDS), descriptionZh: '', descriptionEn: '', sourceIds: ['S001'], confidence: 'high',
    // Every flow has its own point, so a view that took another flow's place would show.
    origin: { adcode: origin, prefecture: Math.floor(origin / 10000) * 10000, lon: 116 + rand(), lat: 39 + rand(), pointSource: 'label' },
    destination: { adcode: dest, prefecture: Math.floor(dest / 100) * 100, lon: 115 + rand(), lat: 38 + rand(), pointSource: platform ? 'platform' : 'label' },
  };
}

const dataset = (flows: PlacedFlow[], platforms = PLATFORMS): Dataset => ({ sources: [], platforms, flows, aggregates: [], timeline: [] });

function expectSameView(data: Dataset, s: ViewState): FlowView {
  const view = computeView(data, s);
  const ref = refComputeView(data, s);
  expect(view.flows).toEqual(ref.flows);
  expect(view.arcs).toEqual(ref.arcs);
  expect(view.hidden).toEqual(ref.hidden);
  expect(view.unmeasured).toEqual(ref.unmeasured);
  expect(view.places).toEqual(ref.places);
  expect(view.scales.width.domain()).toEqual(ref.scales.width.domain());
  expect(view.scales.radius.domain()).toEqual(ref.scales.radius.domain());
  expect(view.total).toBe(ref.total);
  expect(summarise(view, s.metric)).toEqual(refSummarise(ref, s.metric));
  expect(industryCounts(data, s, view.platforms)).toEqual(refIndustryCounts(data, s, ref.platforms));
  return view;
}

const arbState = fc.record({
  dest: fc.constantFrom(null, 130900, 131000, 130600),
  category: fc.subarray([...CATEGORIES]),
  metric: fc.constantFrom(...METRICS),
  industry: fc.subarray([...INDUSTRIES.slice(0, 3)]),
  years: fc.option(fc.tuple(fc.integer({ min: 2012, max: 2017 }), fc.integer({ min: 0, max: 4 })).map(([a, d]) => [a, a + d] as [number, number])),
  origin: fc.constantFrom(null, 'beijing', 'tianjin', '110105'),
  tier: fc.subarray([...TIERS]),
  lock: fc.boolean(),
});

describe('optimised selectors equal the straightforward ones', () => {
  it('on random datasets and filters', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), arbState, (seed, n, places, odd, st) => {
        const rand = mulberry32(seed);
        const platforms = platformsOf(odd);
        const data = dataset(Array.from({ length: n }, (_, i) => randomFlow(rand, i, places, platforms)), platforms);
        expectSameView(data, { ...defaultState('en'), ...st });
      }),
      { numRuns: 300 },
    );
  });

  it('aggregateArcs on its own', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60 }), fc.constantFrom<Metric>(...METRICS), (seed, n, metric) => {
        const rand = mulberry32(seed);
        const flows = Array.from({ length: n }, (_, i) => randomFlow(rand, i, 2));
        expect(aggregateArcs(flows, metric)).toEqual(refAggregateArcs(flows, metric));
      }),
      { numRuns: 200 },
    );
  });

  it('above ARC_LIMIT arcs (hidden totals), with the scale locked and not, and after the filters change', () => {
    const rand = mulberry32(7);
    const data = dataset(Array.from({ length: 16_000 }, (_, i) => randomFlow(rand, i, 40)));
    const base = defaultState('en');
    const views = [
      expectSameView(data, base),
      expectSameView(data, { ...base, metric: 'investment', years: [2014, 2016] }),
      expectSameView(data, { ...base, metric: 'investment', lock: true }),
      expectSameView(data, { ...base, metric: 'firms', lock: true, years: [2015, 2015] }),
    ];
    expect(views.map((v) => v.hidden.count > 0)).toEqual([true, true, true, false]);
  });
});
