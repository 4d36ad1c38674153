import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { topFlows } from '../../bench/peers/topFlows.ts';
import { syntheticFlows } from '../../scripts/synthetic.ts';

const v = (d: { value: number }) => d.value;

describe('topFlows', () => {
  it('keeps the n largest, largest first, and summarises the rest', () => {
    const flows = [3, 10, 1, 7, 5].map((value, i) => ({ id: i, value }));
    const r = topFlows(flows, 2, v);
    expect(r.shown.map((d) => d.value)).toEqual([10, 7]);
    expect(r.rest).toEqual({ count: 3, total: 9 });
  });

  it('is stable on ties and adds published decimals without binary noise', () => {
    const flows = [{ id: 'a', value: 0.1 }, { id: 'b', value: 0.2 }, { id: 'c', value: 0.2 }, { id: 'd', value: 0.1 }, { id: 'e', value: 0.1 }];
    const r = topFlows(flows, 2, v);
    expect(r.shown.map((d) => d.id)).toEqual(['b', 'c']);
    expect(r.rest).toEqual({ count: 3, total: 0.3 });
  });

  it('handles n ≥ length, n = 0, negative, fractional and infinite n, and empty input', () => {
    const flows = [{ value: 2 }, { value: 1 }];
    expect(topFlows(flows, 5, v)).toEqual({ shown: [{ value: 2 }, { value: 1 }], rest: { count: 0, total: 0 } });
    expect(topFlows(flows, 0, v)).toEqual({ shown: [], rest: { count: 2, total: 3 } });
    expect(topFlows(flows, -1, v).shown).toEqual([]);
    expect(topFlows(flows, 1.9, v).shown).toEqual([{ value: 2 }]);
    expect(topFlows(flows, Infinity, v).shown).toHaveLength(2);
    expect(topFlows([], 3, v)).toEqual({ shown: [], rest: { count: 0, total: 0 } });
  });

  it('ranks values that are not numbers last and counts them without adding them', () => {
    const flows = [{ value: NaN }, { value: 4 }, { value: Infinity }, { value: 1 }];
    const r = topFlows(flows, 1, v);
    expect(r.shown).toEqual([{ value: 4 }]);
    expect(r.rest).toEqual({ count: 3, total: 1 });
  });

  it('does not modify its input', () => {
    const flows = Object.freeze([{ value: 1 }, { value: 3 }, { value: 2 }]);
    topFlows(flows, 1, v);
    expect(flows.map((d) => d.value)).toEqual([1, 3, 2]);
  });

  it('property: shown + rest account for every flow; nothing left out is larger than anything shown', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 200 }), fc.integer({ min: 0, max: 250 }), (values, n) => {
        const flows = values.map((value, i) => ({ i, value }));
        const { shown, rest } = topFlows(flows, n, v);
        expect(shown.length).toBe(Math.min(n, flows.length));
        expect(shown.length + rest.count).toBe(flows.length);
        const all = values.reduce((s, x) => s + x, 0);
        expect(shown.reduce((s, d) => s + d.value, 0) + rest.total).toBe(all);
        const shownIds = new Set(shown.map((d) => d.i));
        const minShown = Math.min(...shown.map((d) => d.value));
        for (const d of flows) if (!shownIds.has(d.i)) expect(d.value).toBeLessThanOrEqual(minShown);
        for (let k = 1; k < shown.length; k++) expect(shown[k - 1]!.value).toBeGreaterThanOrEqual(shown[k]!.value);
      }),
    );
  });

  it('cuts 50,000 synthetic flows to the top 5,000 quickly', () => {
    const flows = syntheticFlows(50_000, 42);
    const t0 = performance.now();
    const { shown, rest } = topFlows(flows, 5_000, (d) => d.value);
    const ms = performance.now() - t0;
    expect(shown).toHaveLength(5_000);
    expect(rest.count).toBe(45_000);
    const kept = new Set(shown);
    const largestLeftOut = flows.reduce((m, d) => (kept.has(d) ? m : Math.max(m, d.value)), 0);
    expect(shown[4_999]!.value).toBeGreaterThanOrEqual(largestLeftOut);
    expect(ms).toBeLessThan(1_000);
  });
});

describe('syntheticFlows (scripts/synthetic.ts)', () => {
  it('is deterministic per seed and draws between Beijing/Tianjin districts and Hebei counties', () => {
    const a = syntheticFlows(300, 7);
    expect(syntheticFlows(300, 7)).toEqual(a);
    expect(syntheticFlows(300, 8)).not.toEqual(a);
    for (const f of a) {
      expect(String(f.originAdcode)).toMatch(/^1[12]/);
      expect(String(f.destinationAdcode)).toMatch(/^13/);
      expect(f.year).toBeGreaterThanOrEqual(2014);
      expect(f.year).toBeLessThanOrEqual(2024);
      expect(f.value).toBeGreaterThanOrEqual(1);
      expect(f.value).toBeLessThanOrEqual(1000);
      expect(f.origin).toHaveLength(2);
    }
    expect(new Set(a.map((f) => f.id)).size).toBe(300);
  });
});
