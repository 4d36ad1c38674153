/**
 * Levels (issue 18): level=city merges both ends of every flow to Beijing, Tianjin or a Hebei
 * prefecture. Property: for random filters, the same records are shown at both levels; the
 * summary's totals are the same groups with the same values; and every city-level arc that is
 * not a running total is the sum of the fine-level arcs it merges, group by group (the adding-up
 * rule: figures that may not be added stay in separate arcs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/data/dataset.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { cityOf } from '../../src/selectors/levels.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { CATEGORIES, defaultState, METRICS, TIERS } from '../../src/state/viewState.ts';

const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const dests = [...new Set(data.flows.map((f) => f.destination.prefecture).filter((p): p is number => p !== null))];
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
const CITY = new Set([110000, 120000, 130000, 130100, 130200, 130300, 130400, 130500, 130600, 130700, 130800, 130900, 131000, 131100]);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

describe('level=city', () => {
  it('merges ends to prefecture level and keeps every total (property)', () => {
    const fine = viewSelector({ analysis: ANALYSIS });
    const city = viewSelector({ analysis: ANALYSIS, pointOf: () => [116, 40] });
    fc.assert(
      fc.property(arbState, (st) => {
        const s = { ...defaultState('en'), ...st };
        const a = fine(data, { ...s, level: 'fine' });
        const b = city(data, { ...s, level: 'city' });
        // The same records, in the same order.
        expect(b.flows.map((f) => f.id)).toEqual(a.flows.map((f) => f.id));
        for (const f of b.flows) {
          expect(CITY.has(f.originAdcode) && CITY.has(f.destinationAdcode)).toBe(true);
          expect(f.destinationPlatformId).toBeNull();
        }
        // The summary's totals: the same groups, the same values.
        const totals = (v: typeof a) => v.summary.totals.map((g) => [g.key, round(g.value), g.flowIds.length]).sort();
        expect(totals(b)).toEqual(totals(a));
        // Each city arc (not a running total) = the fine arcs it merges, per summable group.
        const sums = new Map<string, number>();
        for (const arc of a.arcs) {
          if (arc.group.basis === 'cumulative') continue;
          const k = `${cityOf(arc.origin)}>${cityOf(arc.destination)}|${arc.industry}|${arc.group.key}`;
          sums.set(k, (sums.get(k) ?? 0) + arc.value);
        }
        for (const arc of b.arcs) {
          if (arc.group.basis === 'cumulative') continue;
          const k = `${arc.origin.adcode}>${arc.destination.adcode}|${arc.industry}|${arc.group.key}`;
          expect(round(arc.value), k).toBe(round(sums.get(k) ?? NaN));
          sums.delete(k);
        }
        expect([...sums.keys()]).toEqual([]);
        // Circles: one per city and role.
        expect(new Set(b.places.map((p) => `${p.role}:${p.key}`)).size).toBe(b.places.length);
      }),
      { numRuns: 150 },
    );
  });

  it('draws a city at the point given for it, or at its places\' mean', () => {
    const b = viewSelector({ analysis: ANALYSIS, pointOf: (c) => (c === 130900 ? [116.8, 38.3] : undefined) })(data, { ...defaultState('en'), level: 'city' });
    const cz = b.places.find((p) => p.key === '130900');
    expect(cz && [cz.place.lon, cz.place.lat]).toEqual([116.8, 38.3]);
    expect(b.places.every((p) => Number.isFinite(p.place.lon) && Number.isFinite(p.place.lat))).toBe(true);
  });
});
