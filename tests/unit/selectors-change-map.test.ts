/**
 * Two periods compared as the map draws them (selectors/changeMap.ts): every differenced arc is
 * drawn once (solid when in both periods, dashed when in one), not-comparable ones not at all;
 * a place's change per group is the sum of its arcs' changes; the colour follows the sign.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/data/dataset.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { mapArcs } from '../../src/selectors/mapArcs.ts';
import { CHANGE_DOWN, CHANGE_NONE, CHANGE_UP, changeScale } from '../../src/scales/change.ts';
import { placeMarks } from '../../src/map/placeMarks.ts';
import { packView } from '../../src/map/packView.ts';
import { defaultState, LEVELS, METRICS } from '../../src/state/viewState.ts';

const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const period = fc.tuple(fc.integer({ min: 2010, max: 2025 }), fc.integer({ min: 0, max: 6 })).map(([a, d]) => [a, Math.min(2025, a + d)] as [number, number]);

describe('change map', () => {
  it('is null without compare=, and the map draws the view\'s arcs', () => {
    const v = viewSelector({ analysis: ANALYSIS })(data, defaultState('en'));
    expect(v.change).toBeNull();
    expect(mapArcs(v)).toBe(v.arcs);
  });

  it('draws each comparable arc once, solid or dashed, and sums place changes per group (property)', () => {
    const select = viewSelector({ analysis: ANALYSIS });
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), fc.constantFrom(...LEVELS), fc.subarray([...INDUSTRIES]), fc.option(period, { nil: null }), period, (metric, level, industry, years, compare) => {
        const v = select(data, { ...defaultState('en'), metric, level, industry, years, compare });
        const c = v.change!;
        const cmp = v.compare!;
        expect(c.both.length + c.only.length).toBe(cmp.rows.length);
        for (const a of c.both) expect(c.rows.get(a.id)!.only).toBeNull();
        for (const a of c.only) expect(c.rows.get(a.id)!.only).not.toBeNull();
        expect(c.notComparable).toBe(cmp.notComparable.length);
        expect(mapArcs(v)).toBe(c.both);
        for (const p of c.places) {
          for (const g of p.groups) {
            const sum = cmp.rows.filter((r) => r.group.key === g.group.key && (p.role === 'origin' ? r.originKey : r.destinationKey) === p.key).reduce((s, r) => s + r.diff, 0);
            expect(g.diff).toBeCloseTo(sum, 6);
          }
          const colour = c.scale.color(p.diff);
          expect(p.diff > 0 ? (CHANGE_UP as readonly string[]).includes(colour) : p.diff < 0 ? (CHANGE_DOWN as readonly string[]).includes(colour) : colour === CHANGE_NONE).toBe(true);
        }
        const packed = packView(v);
        expect(packed.count).toBe(c.both.length);
        expect(placeMarks(v).length).toBe(c.places.length);
      }),
      { numRuns: 60 },
    );
  });

  it('colours by sign, three steps of size each way', () => {
    const s = changeScale(30, 10);
    expect(s.color(0)).toBe(CHANGE_NONE);
    expect(s.color(5)).toBe(CHANGE_UP[0]);
    expect(s.color(15)).toBe(CHANGE_UP[1]);
    expect(s.color(30)).toBe(CHANGE_UP[2]);
    expect(s.color(-5)).toBe(CHANGE_DOWN[2]);
    expect(s.color(-30)).toBe(CHANGE_DOWN[0]);
    expect(s.width(30)).toBeGreaterThan(s.width(5));
    expect(s.width(-1)).toBe(s.width(0));
  });
});
