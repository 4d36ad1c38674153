import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimalSum, figureOf, summable } from '../../src/data/sum.ts';
import { sumFlows } from './selector-helpers.ts';
import type { Flow } from '../../src/data/types.ts';
import { BOUNDS, FLOW_BASES, INVESTMENT_TYPES, METRICS, STATUSES } from '../../src/data/vocab.ts';

const flow = (id: string, over: Partial<Flow> = {}): Flow => ({
  id,
  kind: 'aggregate',
  originAdcode: 110000,
  originNoteZh: null,
  originNoteEn: null,
  destinationAdcode: 130209,
  destinationPlatformId: null,
  industry: 'mixed',
  entityZh: '',
  entityEn: '',
  periodStart: 2014,
  periodEnd: 2017,
  periodNote: null, periodNoteZh: null,
  basis: 'cumulative',
  status: 'agreed',
  preStrategy: false,
  projects: 10,
  investmentCny100m: 1.1,
  investmentType: 'agreed',
  investmentUsdM: null,
  firms: null,
  merchants: null,
  bound: 'exact',
  descriptionZh: '',
  descriptionEn: '',
  sourceIds: ['S001'],
  confidence: 'high',
  ...over,
});

const fig = (f: Flow, metric: (typeof METRICS)[number] = 'projects') => {
  const x = figureOf(f, metric);
  if (!x) throw new Error('no figure');
  return x;
};

describe('summable', () => {
  it('refuses to add a running total to a yearly figure', () => {
    expect(summable(fig(flow('a')), fig(flow('b', { basis: 'annual', periodStart: 2017 })))).toBe(false);
  });

  it('refuses to add agreed to completed, but allows a figure of unknown status', () => {
    expect(summable(fig(flow('a')), fig(flow('b', { status: 'completed' })))).toBe(false);
    expect(summable(fig(flow('a')), fig(flow('b', { status: null })))).toBe(true);
    expect(summable(fig(flow('a')), fig(flow('b')))).toBe(true);
  });

  it('refuses to add agreed (协议) to in-place (到位) investment, but counts of such flows add up', () => {
    const a = flow('a');
    const b = flow('b', { investmentType: 'in-place' });
    expect(summable(fig(a, 'investment'), fig(b, 'investment'))).toBe(false);
    expect(summable(fig(a, 'projects'), fig(b, 'projects'))).toBe(true);
  });

  it('refuses different units and running totals to different years', () => {
    expect(summable(fig(flow('a'), 'projects'), fig(flow('b'), 'investment'))).toBe(false);
    expect(summable(fig(flow('a')), fig(flow('b', { periodEnd: 2018 })))).toBe(false);
    expect(summable(fig(flow('a', { basis: 'period' })), fig(flow('b', { basis: 'period', periodEnd: 2018 })))).toBe(true);
  });
});

describe('sumFlows', () => {
  it('keeps cumulative and annual, agreed and completed in separate groups', () => {
    const flows = [
      flow('F1', { projects: 256 }),
      flow('F2', { projects: 4, basis: 'annual', periodStart: 2017 }),
      flow('F3', { projects: 100, status: 'completed' }),
      flow('F4', { projects: 44 }),
      flow('F5', { projects: null }),
    ];
    const { groups, without } = sumFlows(flows, 'projects');
    expect(groups.map((g) => [g.basis, g.status, g.value, g.flowIds])).toEqual([
      ['cumulative', 'agreed', 300, ['F1', 'F4']],
      ['annual', 'agreed', 4, ['F2']],
      ['cumulative', 'completed', 100, ['F3']],
    ]);
    expect(without).toEqual(['F5']);
    expect(groups[0]).toMatchObject({ unit: 'projects', investmentType: null, bound: 'exact', periodStart: 2014, periodEnd: 2017 });
  });

  it('keeps agreed and in-place investment apart and adds decimals without float noise', () => {
    const { groups } = sumFlows(
      [flow('a', { investmentCny100m: 3671.58 }), flow('b', { investmentCny100m: 0.1 }), flow('c', { investmentCny100m: 0.2, investmentType: 'in-place' })],
      'investment',
    );
    expect(groups.map((g) => [g.investmentType, g.unit, g.value])).toEqual([
      ['agreed', 'cny-100m', 3671.68],
      ['in-place', 'cny-100m', 0.2],
    ]);
  });

  it('marks a total with any approximate figure as approximate', () => {
    const [g] = sumFlows([flow('a'), flow('b', { bound: 'at-least' })], 'projects').groups;
    expect(g?.bound).toBe('at-least');
    const [h] = sumFlows([flow('a', { bound: 'at-least' }), flow('b', { bound: 'about' })], 'projects').groups;
    expect(h?.bound).toBe('about');
  });

  it('never mixes: every pair within a group is summable, and no figure is lost or counted twice', () => {
    const arbFlow = fc.record({
      basis: fc.constantFrom(...FLOW_BASES),
      status: fc.constantFrom(...STATUSES, null),
      investmentType: fc.constantFrom(...INVESTMENT_TYPES, null),
      bound: fc.constantFrom(...BOUNDS),
      periodEnd: fc.integer({ min: 2014, max: 2016 }),
      value: fc.option(fc.integer({ min: 0, max: 10_000 }).map((v) => v / 100)),
    });
    fc.assert(
      fc.property(fc.array(arbFlow, { maxLength: 30 }), fc.constantFrom(...METRICS), (specs, metric) => {
        const flows = specs.map((s, i) =>
          flow(`F${i}`, {
            ...s,
            periodStart: 2014,
            projects: s.value === null ? null : Math.round(s.value),
            investmentCny100m: s.value,
            firms: s.value === null ? null : Math.round(s.value),
            merchants: null,
          }),
        );
        const { groups, without } = sumFlows(flows, metric);
        const byId = new Map(flows.map((f) => [f.id, f]));
        const figures = (ids: string[]) => ids.map((id) => fig(byId.get(id) as Flow, metric));
        for (const g of groups) {
          const fs = figures(g.flowIds);
          for (const a of fs) for (const b of fs) expect(summable(a, b)).toBe(true);
          expect(g.value).toBe(decimalSum(fs.map((f) => f.value)));
        }
        const counted = groups.flatMap((g) => g.flowIds);
        expect([...counted, ...without].sort()).toEqual(flows.map((f) => f.id).sort());
        expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
      }),
      { numRuns: 200 },
    );
  });
});
