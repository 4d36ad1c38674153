/**
 * Two periods compared: only figures measured the same way are differenced; running totals and
 * yearly figures are listed as not comparable; a figure whose period runs partly outside a
 * compared period (or into both) is in neither and listed, with the reason; per summable group,
 * the arcs' differences add up to the difference of the summary's totals (properties, over the
 * published data, and over it with one SYNTHETIC period total added, never shown).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/data/dataset.ts';
import { YEAR_BOUND } from '../../src/data/sum.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { figureOf } from '../../src/data/sum.ts';
import type { PlacedFlow } from '../../src/data/dataset.ts';
import { aggregateArcs, filterFlows } from './selector-helpers.ts';
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
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), fc.constantFrom(...LEVELS), fc.subarray([...INDUSTRIES]), fc.option(period, { nil: null }), period, (metric, level, industry, years, compare) => {
        const s = { ...defaultState('en'), metric, level, industry, years, compare };
        const c = select(data, s).compare!;
        // The rule, written out over the flows (fine level): a figure is in a period when its
        // whole period lies inside it and it runs only partly into neither period; a figure that
        // runs partly into one is listed with the reason, in neither period.
        if (level === 'fine') {
          const inside = (f: PlacedFlow, y: [number, number] | null) => !y || (f.periodStart >= y[0] && f.periodEnd <= y[1]);
          const part = (f: PlacedFlow, y: [number, number] | null) => !inside(f, y) && f.periodStart <= y![1] && f.periodEnd >= y![0];
          const all = filterFlows(data, { ...s, years: null });
          const sides = { a: [] as PlacedFlow[], b: [] as PlacedFlow[] };
          for (const f of all) {
            if (!((figureOf(f, metric)?.value ?? 0) > 0)) continue;
            const pa = part(f, years);
            const pb = part(f, compare);
            if (pa || pb) {
              const reason = (pa || inside(f, years)) && (pb || inside(f, compare)) ? 'spans' : 'outside';
              expect(c.notComparable.find((n) => n.id === f.id)?.reason).toBe(reason);
              continue;
            }
            if (inside(f, years)) sides.a.push(f);
            if (inside(f, compare)) sides.b.push(f);
          }
          for (const p of ['a', 'b'] as const) {
            const arcs = aggregateArcs(sides[p], metric).arcs;
            for (const arc of arcs) {
              if (YEAR_BOUND.has(arc.group.basis)) expect(c.notComparable.some((n) => n.id === arc.id && n.period === p && n.reason === 'year')).toBe(true);
              else expect(c.rows.find((r) => r.id === arc.id)?.[p]).toBe(arc.value);
            }
            expect(c.rows.filter((r) => r[p] !== null).length).toBe(arcs.filter((x) => !YEAR_BOUND.has(x.group.basis)).length);
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

  // A SYNTHETIC period total 2015–2019 (a copy of a published flow with its period moved; in
  // this test only), beside the published data.
  const F59 = data.flows.find((f) => f.id === 'F59')!;
  const spanning: Dataset = { ...data, flows: [...data.flows, { ...F59, id: 'FSYN', periodStart: 2015, periodEnd: 2019, basis: 'period' }] };
  const cmp = (years: [number, number] | null, compare: [number, number]) => viewSelector({ analysis: ANALYSIS })(spanning, { ...defaultState('en'), years, compare }).compare!;
  const inRows = (c: ReturnType<typeof cmp>, id: string) => {
    const v = viewSelector({ analysis: ANALYSIS })(spanning, { ...defaultState('en'), years: c.a, compare: c.b });
    return [...v.change!.both, ...v.change!.only].some((arc) => arc.flows.some((f) => f.id === id));
  };

  it('a period total 2015–2019 is not differenced between 2014–2016 and 2017–2020: listed, it runs into both', () => {
    const c = cmp([2017, 2020], [2014, 2016]);
    expect(c.notComparable.filter((n) => n.id === 'FSYN')).toEqual([expect.objectContaining({ reason: 'spans', period: null, arc: expect.objectContaining({ value: F59.projects }) })]);
    expect(inRows(c, 'FSYN')).toBe(false);
  });

  it('nor between every year and 2017–2020 (it would count years of B as only A\'s)', () => {
    const c = cmp(null, [2017, 2020]);
    expect(c.notComparable.find((n) => n.id === 'FSYN')?.reason).toBe('spans');
    expect(inRows(c, 'FSYN')).toBe(false);
    // The change layer's "not comparable" count is the list's length.
    expect(viewSelector({ analysis: ANALYSIS })(spanning, { ...defaultState('en'), years: null, compare: [2017, 2020] }).change!.notComparable).toBe(c.notComparable.length);
  });

  it('a period partly outside the one period it touches: listed as outside that period', () => {
    const c = cmp([2010, 2013], [2016, 2022]);
    expect(c.notComparable.find((n) => n.id === 'FSYN')).toMatchObject({ reason: 'outside', period: 'b' });
  });

  it('inside one period and apart from the other: differenced as before', () => {
    const c = cmp([2015, 2019], [2020, 2024]);
    expect(c.notComparable.some((n) => n.id === 'FSYN')).toBe(false);
    expect(inRows(c, 'FSYN')).toBe(true);
  });
});

describe('turning the comparison on (ui/controls/compareSelects.ts defaultCompare)', () => {
  it('takes the period of the same length before the years, else after, and splits the years when they cover them all', async () => {
    const { defaultCompare } = await import('../../src/ui/controls/compareSelects.ts');
    expect(defaultCompare({ years: [2017, 2020], compare: null }, [2004, 2025])).toEqual({ years: [2017, 2020], compare: [2013, 2016] });
    expect(defaultCompare({ years: [2004, 2006], compare: null }, [2004, 2025])).toEqual({ years: [2004, 2006], compare: [2007, 2009] });
    expect(defaultCompare({ years: null, compare: null }, [2014, 2025])).toEqual({ years: [2020, 2025], compare: [2014, 2019] });
    // Every year chosen: never a period against itself.
    const all = defaultCompare({ years: [2014, 2025], compare: null }, [2014, 2025]);
    expect(all).toEqual({ years: [2020, 2025], compare: [2014, 2019] });
  });
});
