/**
 * One view model, so the views cannot disagree: for random states over the published data, the
 * flows behind the drawn arcs (plus those without a figure), the table's rows, the CSV's rows,
 * the summary's count and its groups, and the legend all describe the same set of records.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/data/dataset.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { flowsCsv } from '../../src/export/csv.ts';
import { platformShown } from '../../src/selectors/filter.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { CATEGORIES, defaultState, METRICS, TIERS } from '../../src/state/viewState.ts';
import { sortFlows } from '../../src/ui/table.ts';
import { dsvFormat } from 'd3-dsv';

const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const dests = [...new Set(data.flows.map((f) => f.destination.prefecture).filter((p): p is number => p !== null))];
const lookup = { place: (a: number) => String(a), platform: (id: string) => id, industry: (id: string) => id, sources: new Map() };

const arbState = fc.record({
  metric: fc.constantFrom(...METRICS),
  industry: fc.subarray([...INDUSTRIES]),
  years: fc.option(fc.tuple(fc.integer({ min: 2010, max: 2025 }), fc.integer({ min: 0, max: 10 })).map(([a, d]) => [a, a + d] as [number, number])),
  origin: fc.constantFrom(null, 'beijing', 'tianjin', ...new Set(data.flows.map((f) => String(f.originAdcode)))),
  dest: fc.constantFrom(null, ...dests),
  tier: fc.subarray([...TIERS]),
  category: fc.subarray([...CATEGORIES]),
  lock: fc.boolean(),
});

describe('every view reads the same view model', () => {
  it('arcs, table, CSV, summary and legend cover the same records', () => {
    const select = viewSelector({ analysis: ANALYSIS });
    fc.assert(
      fc.property(arbState, (st) => {
        const s = { ...defaultState('en'), ...st };
        const view = select(data, s);
        const ids = new Set(view.flows.map((f) => f.id));
        expect(view.hidden.count).toBe(0); // the published data stays under ARC_LIMIT: every arc is drawn
        // Map: the flows behind the arcs, and the records without a figure in this measure.
        const drawn = [...view.arcs.flatMap((a) => a.flows.map((f) => f.id)), ...view.unmeasured.map((f) => f.id)];
        expect(drawn.length).toBe(ids.size);
        expect(new Set(drawn)).toEqual(ids);
        // Dotted arcs: every record without a figure, once, on an arc of its own ends and industry.
        const dotted = view.unmeasuredArcs.flatMap((a) => a.flows.map((f) => f.id));
        expect(dotted).toHaveLength(view.unmeasured.length);
        expect(new Set(dotted)).toEqual(new Set(view.unmeasured.map((f) => f.id)));
        // Table (sorted any way) and CSV rows.
        const table = sortFlows(view.flows, { column: 'period', dir: 'descending' }, { lang: 'en', names: undefined as never, metric: s.metric });
        expect(new Set(table.map((f) => f.id))).toEqual(ids);
        const csv = dsvFormat(',').parse(flowsCsv(view.flows, lookup).replace(/^\uFEFF/, ''));
        expect(csv.map((r) => r.id)).toEqual(view.flows.map((f) => f.id));
        // Summary: its count, its groups plus the records without a figure.
        expect(view.summary.shown).toBe(ids.size);
        const grouped = view.summary.totals.flatMap((g) => g.flowIds);
        expect(grouped.length + view.summary.without).toBe(ids.size);
        expect(new Set(grouped)).toEqual(new Set(view.arcs.flatMap((a) => a.flows.map((f) => f.id))));
        expect(view.summary.industries.reduce((n, r) => n + r.records, 0)).toBe(ids.size);
        // Legend: the industries of the drawn arcs; platforms: the tier/category rule.
        expect(new Set(view.legend.industries)).toEqual(new Set(view.arcs.map((a) => a.industry)));
        expect(view.shownPlatforms).toEqual(data.platforms.filter((p) => platformShown(p, s)));
        // Industry counts: the selected industries' counts add up to the records shown.
        if (s.industry.length) expect(view.industryCounts.filter((c) => s.industry.includes(c.industry)).reduce((n, c) => n + c.count, 0)).toBe(ids.size);
      }),
      { numRuns: 200 },
    );
  });
});
