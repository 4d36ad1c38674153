import { describe, expect, it } from 'vitest';
import { activeFilterCount, industryCounts, summarise, topPlaces } from '../../src/selectors/summary.ts';
import { computeView, viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState, type ViewState } from '../../src/state/viewState.ts';
import { resetPatch } from '../../src/ui/controls/reset.ts';
import { dataset, flow, platform } from './planner-helpers.ts';

const state = (p: Partial<ViewState> = {}): ViewState => ({ ...defaultState('en'), ...p });

describe('industry counts', () => {
  const flows = [
    flow({ industry: 'pharma', periodStart: 2015, periodEnd: 2015 }),
    flow({ industry: 'pharma', periodStart: 2018, periodEnd: 2018 }),
    flow({ industry: 'automotive', periodStart: 2015, periodEnd: 2015, originAdcode: 120000 }),
    flow({ industry: 'wholesale', periodStart: 2019, periodEnd: 2019 }),
    flow({ industry: 'textiles', periodStart: 2016, periodEnd: 2016, destinationPlatformId: 'P13' }),
  ];
  const data = dataset(flows);

  it('lists every industry in the data, in vocabulary order, counting all records when nothing is filtered', () => {
    expect(industryCounts(data, state())).toEqual([
      { industry: 'automotive', count: 1 },
      { industry: 'pharma', count: 2 },
      { industry: 'textiles', count: 1 },
      { industry: 'wholesale', count: 1 },
    ]);
  });

  it('counts under the other filters but ignores the industry filter itself', () => {
    const counts = industryCounts(data, state({ industry: ['pharma'], years: [2015, 2016] }));
    expect(counts).toEqual([
      { industry: 'automotive', count: 1 },
      { industry: 'pharma', count: 1 },
      { industry: 'textiles', count: 1 },
      { industry: 'wholesale', count: 0 },
    ]);
    expect(industryCounts(data, state({ origin: 'tianjin' })).filter((c) => c.count).map((c) => c.industry)).toEqual(['automotive']);
    expect(industryCounts(data, state({ tier: ['specialised-46'] })).filter((c) => c.count).map((c) => c.industry)).toEqual(['textiles']);
  });

  it('the counts of the selected industries add up to the flows shown', () => {
    const s = state({ industry: ['pharma', 'automotive'], years: [2014, 2016] });
    const view = computeView(data, s);
    const counts = industryCounts(data, s);
    expect(counts.filter((c) => s.industry.includes(c.industry)).reduce((a, c) => a + c.count, 0)).toBe(view.flows.length);
  });

  it('is memoised on everything but the industry filter', () => {
    const select = viewSelector({ analysis: ANALYSIS });
    const a = select(data, state()).industryCounts;
    expect(select(data, state({ industry: ['pharma'] })).industryCounts).toBe(a);
    expect(select(data, state({ years: [2015, 2015] })).industryCounts).not.toBe(a);
  });
});

describe('summary totals never mix groups', () => {
  const flows = [
    flow({ basis: 'cumulative', kind: 'aggregate', periodStart: 2014, periodEnd: 2017, projects: 100, status: 'agreed' }),
    flow({ basis: 'annual', kind: 'aggregate', periodStart: 2017, periodEnd: 2017, projects: 30, status: 'agreed' }),
    flow({ status: 'agreed', projects: 7 }),
    flow({ status: 'agreed', projects: 3, industry: 'automotive' }),
    flow({ status: 'completed', projects: 2 }),
    flow({ status: 'completed', projects: null, firms: 1 }),
    flow({ status: 'agreed', projects: 4, investmentCny100m: 10, investmentType: 'agreed' }),
    flow({ status: 'agreed', projects: 5, investmentCny100m: 6, investmentType: 'in-place' }),
  ];
  const data = dataset(flows);

  it('gives one total per summable group: running total, yearly, signed and completed apart', () => {
    const s = summarise(computeView(data, state()), 'projects');
    const groups = s.totals.map((g) => [g.basis, g.status, g.value, g.flowIds.length]);
    expect(groups).toEqual([
      ['cumulative', 'agreed', 100, 1],
      ['annual', 'agreed', 30, 1],
      ['event', 'agreed', 19, 4],
      ['event', 'completed', 2, 1],
    ]);
    expect(s.without).toBe(1);
    expect(s.shown).toBe(8);
    expect(s.total).toBe(8);
  });

  it('keeps every group homogeneous (same unit, basis, status, investment type)', () => {
    for (const metric of ['projects', 'investment', 'firms'] as const) {
      const s = summarise(computeView(data, state()), metric);
      for (const g of s.totals) {
        const members = flows.filter((f) => g.flowIds.includes(f.id));
        expect(new Set(members.map((f) => `${f.basis}|${f.status}|${metric === 'investment' ? f.investmentType : ''}`)).size).toBe(1);
      }
    }
    const inv = summarise(computeView(data, state()), 'investment');
    expect(inv.totals.map((g) => [g.investmentType, g.value])).toEqual([['agreed', 10], ['in-place', 6]]);
  });

  it('shares by records when figures of different kinds are shown', () => {
    const s = summarise(computeView(data, state()), 'projects');
    expect(s.shareOf).toBe('records');
    expect(s.industries.map((r) => [r.industry, r.value])).toEqual([['pharma', 7], ['automotive', 1]]);
    expect(s.industries.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1);
  });

  it('shares by the metric when all figures form one group', () => {
    const one = dataset([flow({ projects: 6 }), flow({ projects: 2, industry: 'automotive' }), flow({ projects: 2 })]);
    const s = summarise(computeView(one, state()), 'projects');
    expect(s.totals).toHaveLength(1);
    expect(s.shareOf).toBe('metric');
    expect(s.industries.map((r) => [r.industry, r.value, r.share])).toEqual([['pharma', 8, 0.8], ['automotive', 2, 0.2]]);
  });

  it('reports "n of N" from the filtered view', () => {
    const s = summarise(computeView(data, state({ industry: ['automotive'] })), 'projects');
    expect([s.shown, s.total]).toEqual([1, 8]);
  });
});

describe('top places', () => {
  it('ranks destinations and origins by their largest group, five at most', () => {
    const flows = [130102, 130202, 130302, 130402, 130502, 130602].map((d, i) => flow({ destinationAdcode: d, projects: i + 1 }));
    const view = computeView(dataset(flows, [platform()]), state());
    const top = topPlaces(view.places, 'destination');
    expect(top.map((p) => p.key)).toEqual(['130602', '130502', '130402', '130302', '130202']);
    expect(topPlaces(view.places, 'origin').map((p) => [p.key, p.size])).toEqual([['110105', 21]]);
  });
});

describe('active filters and reset', () => {
  it('counts active filter dimensions', () => {
    expect(activeFilterCount(state())).toBe(0);
    expect(activeFilterCount(state({ industry: ['pharma', 'food'], years: [2014, 2016], dest: 130900 }))).toBe(3);
  });

  it('resets filters, metric, lock and focus but keeps language, theme, camera and embedding options', () => {
    const s = state({ lang: 'en', theme: 'dark', embed: true, controls: false, view: { lon: 116, lat: 39, zoom: 7 }, metric: 'firms', industry: ['pharma'], years: [2014, 2015], origin: 'beijing', dest: 130900, tier: ['other'], category: ['services'], focus: '130983', lock: true });
    const after = { ...s, ...resetPatch() };
    expect(after).toEqual({ ...defaultState('en'), theme: 'dark', embed: true, controls: false, view: { lon: 116, lat: 39, zoom: 7 } });
  });
});
