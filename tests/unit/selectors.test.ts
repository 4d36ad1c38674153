import { describe, expect, it } from 'vitest';
import type { Dataset, PlacedFlow } from '../../src/data/dataset.ts';
import type { Platform } from '../../src/data/types.ts';
import { yearExtent } from '../../src/selectors/filter.ts';
import { aggregateArcs, filterFlows } from './selector-helpers.ts';
import { ARC_LIMIT, computeView, viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState } from '../../src/state/viewState.ts';
import { legendValues, sizeScales } from '../../src/scales/width.ts';
import { industryColor, NEUTRAL, TABLEAU10 } from '../../src/scales/industryColor.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { schemeTableau10 } from 'd3-scale-chromatic';

let n = 0;
function flow(p: Partial<PlacedFlow>): PlacedFlow {
  const origin = p.originAdcode ?? 110000;
  const dest = p.destinationAdcode ?? 130900;
  return {
    id: `F${++n}`, kind: 'relocation', originAdcode: origin, originNoteZh: null, originNoteEn: null, destinationAdcode: dest,
    destinationPlatformId: null, industry: 'pharma', entityZh: '某企业', entityEn: 'A firm', periodStart: 2015, periodEnd: 2015, periodNote: null, periodNoteZh: null,
    basis: 'event', status: 'completed', preStrategy: false, projects: 1, investmentCny100m: null, investmentType: null, investmentUsdM: null,
    firms: null, merchants: null, bound: 'exact', descriptionZh: '', descriptionEn: '', sourceIds: ['S001'], confidence: 'high',
    origin: { adcode: origin, prefecture: origin, lon: 116.4, lat: 39.9, pointSource: 'label' },
    destination: { adcode: dest, prefecture: 130900, lon: 116.8, lat: 38.3, pointSource: 'label' },
    ...p,
  } as PlacedFlow;
}

const platform: Platform = {
  id: 'P13', nameZh: '园区', nameEn: 'Park', tier: 'other', category: null, adcode: 130983, areaAdcodes: [], lon: 117.6, lat: 38.35,
  pointEstimated: true, coordNote: null, sourceIds: ['S001'], confidence: 'medium', noteZh: null, noteEn: null,
};
const dataset = (flows: PlacedFlow[]): Dataset => ({ sources: [], platforms: [platform], flows, aggregates: [], timeline: [] });

describe('arc aggregation', () => {
  it('merges flows with the same origin, destination and industry into one summed arc', () => {
    const { arcs } = aggregateArcs([flow({ projects: 2 }), flow({ projects: 3 }), flow({ industry: 'automotive', projects: 4 })], 'projects');
    expect(arcs.map((a) => [a.industry, a.value, a.flows.length])).toEqual([['pharma', 5, 2], ['automotive', 4, 1]]);
  });

  it('never adds a running total to a yearly figure, nor signed to completed', () => {
    const { arcs } = aggregateArcs([
      flow({ basis: 'cumulative', periodStart: 2014, periodEnd: 2017, projects: 100, kind: 'aggregate' }),
      flow({ basis: 'annual', periodStart: 2017, periodEnd: 2017, projects: 30, kind: 'aggregate' }),
      flow({ status: 'agreed', projects: 7 }),
      flow({ status: 'completed', projects: 2 }),
    ], 'projects');
    expect(arcs.map((a) => [a.group.basis, a.group.status, a.value]).sort()).toEqual([
      ['annual', 'completed', 30], ['cumulative', 'completed', 100], ['event', 'agreed', 7], ['event', 'completed', 2],
    ]);
  });

  it('draws a running total once, at its latest year-end, listing the earlier ones', () => {
    const { arcs } = aggregateArcs([
      flow({ basis: 'cumulative', kind: 'aggregate', periodStart: 2014, periodEnd: 2017, projects: 200 }),
      flow({ basis: 'cumulative', kind: 'aggregate', periodStart: 2014, periodEnd: 2019, projects: 350 }),
      flow({ basis: 'cumulative', kind: 'aggregate', periodStart: 2014, periodEnd: 2018, projects: 300 }),
    ], 'projects');
    expect(arcs).toHaveLength(1);
    expect(arcs[0]!.value).toBe(350);
    expect(arcs[0]!.earlier.map((g) => [g.periodEnd, g.value])).toEqual([[2017, 200], [2018, 300]]);
    expect(arcs[0]!.flows).toHaveLength(3);
  });

  it('leaves out (but counts) flows without a figure in the metric', () => {
    const { arcs, unmeasured } = aggregateArcs([flow({ projects: null, firms: 3 }), flow({ projects: 2 })], 'projects');
    expect(arcs).toHaveLength(1);
    expect(unmeasured).toHaveLength(1);
  });

  it('ends an arc at the platform when the flow lands on one, keyed by the platform id', () => {
    const { arcs } = aggregateArcs([flow({ destinationPlatformId: 'P13' })], 'projects');
    expect(arcs[0]!.destinationKey).toBe('P13');
  });

  it('totals places per group, sizing by the largest group', () => {
    const { places } = computeView(dataset([
      flow({ projects: 2 }),
      flow({ originAdcode: 120000, projects: 5 }),
      flow({ basis: 'cumulative', kind: 'aggregate', projects: 40, periodStart: 2014, periodEnd: 2017 }),
    ]), defaultState());
    const dest = places.find((p) => p.role === 'destination')!;
    expect(dest.groups.map((g) => [g.basis, g.value]).sort()).toEqual([['cumulative', 40], ['event', 7]]);
    expect(dest.size).toBe(40);
  });
});

describe('filters', () => {
  const flows = [
    flow({ periodStart: 2014, periodEnd: 2014 }),
    flow({ periodStart: 2016, periodEnd: 2016, industry: 'automotive', originAdcode: 120000 }),
    flow({ periodStart: 2014, periodEnd: 2017, basis: 'cumulative', kind: 'aggregate', originAdcode: 110115 }),
    flow({ periodStart: 2019, periodEnd: 2019, destinationPlatformId: 'P13', destinationAdcode: 130983 }),
  ];
  const d = dataset(flows);
  const base = defaultState();

  it('keeps a flow only when its whole period is inside the year range', () => {
    expect(filterFlows(d, { ...base, years: [2014, 2016] }).map((f) => f.periodEnd)).toEqual([2014, 2016]);
    expect(filterFlows(d, { ...base, years: [2014, 2017] })).toHaveLength(3);
    expect(yearExtent(d)).toEqual([2014, 2019]);
  });

  it('filters by industry, origin (municipality or district), destination and platform tier', () => {
    expect(filterFlows(d, { ...base, industry: ['automotive'] })).toHaveLength(1);
    expect(filterFlows(d, { ...base, origin: 'beijing' })).toHaveLength(3);
    expect(filterFlows(d, { ...base, origin: '110115' })).toHaveLength(1);
    expect(filterFlows(d, { ...base, origin: 'tianjin' })).toHaveLength(1);
    expect(filterFlows(d, { ...base, dest: 130600 })).toHaveLength(0);
    expect(filterFlows(d, { ...base, tier: ['other'] }).map((f) => f.destinationPlatformId)).toEqual(['P13']);
    expect(filterFlows(d, { ...base, tier: ['capital-2'] })).toHaveLength(0);
  });

  it('locks the width scale to all the data when asked', () => {
    const d2 = dataset([flow({ projects: 100 }), flow({ projects: 1, periodStart: 2016, periodEnd: 2016, industry: 'food' })]);
    const unlocked = computeView(d2, { ...base, years: [2016, 2016] });
    const locked = computeView(d2, { ...base, years: [2016, 2016], lock: true });
    expect(unlocked.scales.width.domain()[1]).toBe(1);
    expect(locked.scales.width.domain()[1]).toBe(100);
    expect(locked.arcs).toHaveLength(1);
  });

  it('draws at most ARC_LIMIT arcs, the largest, and totals the rest for the legend', () => {
    const many = Array.from({ length: ARC_LIMIT + 10 }, (_, i) => flow({ destinationAdcode: 130000 + i, projects: i + 1 }));
    const v = computeView(dataset(many), base);
    expect(v.arcs).toHaveLength(ARC_LIMIT);
    expect(v.arcs[v.arcs.length - 1]!.value).toBe(11);
    expect(v.hidden.count).toBe(10);
    expect(v.hidden.groups.map((g) => g.value)).toEqual([55]);
    expect(v.places.filter((p) => p.role === 'destination')).toHaveLength(ARC_LIMIT + 10);
  });

  it('memoises the view model', () => {
    const select = viewSelector({ analysis: ANALYSIS });
    const a = select(d, base);
    expect(select(d, { ...base })).toBe(a);
    expect(select(d, { ...base, metric: 'firms' })).not.toBe(a);
  });
});

describe('scales', () => {
  it('maps values to widths that grow with the value, with a visible minimum', () => {
    const { width } = sizeScales(1000, 1000);
    expect(width(0)).toBe(1.5);
    expect(width(1000)).toBe(18);
    expect(width(250)).toBeGreaterThan(width(10));
  });

  it('gives two or three round legend values within the domain', () => {
    expect(legendValues(15560)).toEqual([10000, 2000, 200]);
    expect(legendValues(3)).toEqual([2, 0.2, 0.02]);
    expect(legendValues(3, { integer: true })).toEqual([2]);
    expect(legendValues(0)).toEqual([]);
  });

  it('uses d3-scale-chromatic\'s Tableau10 exactly', () => {
    expect([...TABLEAU10]).toEqual([...schemeTableau10]);
  });

  it('colours industries from a fixed palette: every industry but "other" a colour of its own', () => {
    expect(industryColor('automotive')).not.toBe(industryColor('pharma'));
    expect(industryColor('other')).toBe(NEUTRAL);
    const named = INDUSTRIES.filter((i) => i !== 'other').map(industryColor);
    expect(new Set(named).size).toBe(named.length);
    expect(named).not.toContain(NEUTRAL);
  });
});
