/**
 * Two periods compared: only figures measured the same way are differenced; running totals and
 * yearly figures are listed as not comparable; per summable group, the arcs' differences add up
 * to the difference of the summary's totals (property, over the published data).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/data/dataset.ts';
import { YEAR_BOUND } from '../../src/data/sum.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState, LEVELS, METRICS } from '../../src/state/viewState.ts';

const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const period = fc.tuple(fc.integer({ min: 2010, max: 2025 }), fc.integer({ min: 0, max: 6 })).map(([a, d]) => [a, Math.min(2025, a + d)] as [number, number]);

describe('compare two periods', () => {
  it('is null without compare=', () => {
    expect(viewSelector({ analysis: ANALYSIS })(data, defaultState('en')).compare).toBeNull();
  });

  it('differences comparable figures only, and they add up to the totals\' difference (property)', () => {
    const select = viewSelector({ analysis: ANALYSIS });
    const plain = viewSelector({ analysis: ANALYSIS });
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), fc.constantFrom(...LEVELS), fc.subarray([...INDUSTRIES]), fc.option(period, { nil: null }), period, (metric, level, industry, years, compare) => {
        const s = { ...defaultState('en'), metric, level, industry, years, compare };
        const c = select(data, s).compare!;
        const a = plain(data, { ...s, compare: null });
        const b = plain(data, { ...s, years: compare, compare: null });
        // Period A's and B's arcs: comparable ones in rows, the rest listed.
        for (const [p, view] of [['a', a], ['b', b]] as const) {
          for (const arc of view.arcs) {
            if (YEAR_BOUND.has(arc.group.basis)) expect(c.notComparable.some((n) => n.id === arc.id && n.period === p)).toBe(true);
            else expect(c.rows.find((r) => r.id === arc.id)?.[p]).toBe(arc.value);
          }
        }
        for (const r of c.rows) {
          expect(r.diff).toBeCloseTo((r.a ?? 0) - (r.b ?? 0), 6);
          expect(r.only).toBe(r.a === null ? 'b' : r.b === null ? 'a' : null);
          expect(YEAR_BOUND.has(r.group.basis)).toBe(false);
        }
        const byGroup = new Map<string, number>();
        for (const r of c.rows) byGroup.set(r.group.key, (byGroup.get(r.group.key) ?? 0) + r.diff);
        for (const t of c.totals) expect(byGroup.get(t.group.key) ?? 0).toBeCloseTo(t.diff, 6);
        expect(c.totalsNotComparable.every((t) => YEAR_BOUND.has(t.group.basis))).toBe(true);
      }),
      { numRuns: 120 },
    );
  });
});
