import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/data/dataset.ts';
import { TIERS } from '../../src/data/vocab.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { multiplesModel, multiplesSelector } from '../../src/selectors/multiples.ts';
import { defaultState, LEVELS, METRICS, type ViewState } from '../../src/state/viewState.ts';

const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const YEARS: Array<[number, number] | null> = [null, [2014, 2016], [2017, 2020], [2021, 2030]];
// City level placed as the app places it (a label point per unit): panels must be placed alike.
const pointOf = (adcode: number) => [114 + (adcode % 97) / 50, 38 + (adcode % 89) / 50] as const;

describe('small multiples by industry', () => {
  it('each panel is the view model of the state filtered to its industry: the same arcs, flows and summary totals (property)', () => {
    const select = viewSelector({ pointOf, analysis: ANALYSIS });
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), fc.constantFrom(...LEVELS), fc.constantFrom(...YEARS), fc.subarray([...TIERS], { maxLength: 2 }), fc.boolean(), (metric, level, years, tier, lock) => {
        const s = { ...defaultState('en'), metric, level, years, tier, lock };
        const m = multiplesModel(data, s, select.flowsOf);
        // Every industry of the data, in the filter list's order, with its count under the other filters.
        const counts = select(data, s).industryCounts;
        expect(m.panels.map((p) => [p.industry, p.records])).toEqual(counts.map((c) => [c.industry, c.count]));
        for (const p of m.panels) {
          const one = select(data, { ...s, industry: [p.industry] });
          expect(p.totals).toEqual(one.summary.totals);
          expect(p.without).toBe(one.summary.without);
          expect(p.view.flows).toEqual(one.flows);
          expect(p.records).toBe(one.flows.length);
          expect(p.view.arcs.map((a) => [a.id, a.value, a.origin.lon, a.origin.lat, a.destination.lon, a.destination.lat])).toEqual(
            one.arcs.map((a) => [a.id, a.value, a.origin.lon, a.origin.lat, a.destination.lon, a.destination.lat]),
          );
          expect(p.view.places).toEqual(one.places);
          expect(p.view.unmeasuredArcs).toEqual(one.unmeasuredArcs);
          // One scale for all the panels.
          expect(p.view.scales).toBe(m.scales);
        }
        // The shared scale: the largest arc and place of any panel (with lock, the locked scale over all the data).
        const [, maxArc] = m.scales.width.domain() as [number, number];
        const [, maxPlace] = m.scales.radius.domain() as [number, number];
        if (lock) {
          const locked = select(data, s).scales;
          expect(maxArc).toBe(locked.width.domain()[1]);
          expect(maxPlace).toBe(locked.radius.domain()[1]);
        } else {
          const arcs = m.panels.flatMap((p) => p.view.arcs.map((a) => a.value));
          const places = m.panels.flatMap((p) => p.view.places.map((x) => x.size));
          if (arcs.length) expect(maxArc).toBe(Math.max(...arcs));
          if (places.length) expect(maxPlace).toBe(Math.max(...places));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('an industry the filters leave empty is a panel with no records, arcs or totals', () => {
    const m = multiplesModel(data, { ...defaultState('en'), years: [2014, 2014] }, viewSelector().flowsOf);
    const empty = m.panels.filter((p) => p.records === 0);
    expect(empty.length).toBeGreaterThan(0);
    for (const p of empty) expect([p.view.arcs.length, p.view.flows.length, p.totals.length]).toEqual([0, 0, 0]);
  });

  it('is memoised on what it reads: the industry filter, camera or language do not recompute it', () => {
    const select = multiplesSelector(viewSelector().flowsOf);
    const s: ViewState = { ...defaultState('en'), multiples: 'industry' };
    const a = select(data, s);
    const other: ViewState = { ...s, industry: ['pharma'], lang: 'zh', view: { lon: 116, lat: 39, zoom: 7 } };
    expect(select(data, other)).toBe(a);
    expect(select(data, { ...s, metric: 'investment' })).not.toBe(a);
  });
});
