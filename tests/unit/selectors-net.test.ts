/**
 * Net flows (selectors/net.ts), on synthetic arcs (the published data has no flow both ways):
 * the net of A→B and B→A is the difference of the gross, in the larger one's direction; reversing
 * every arc reverses every net arc (antisymmetry); each place's balance (out − in) per definition
 * is the same gross and net; only one definition with no lower bound is netted, the rest listed.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Arc } from '../../src/selectors/arcs.ts';
import type { SumGroup } from '../../src/data/sum.ts';
import { netFlows, NET_PREFIX } from '../../src/selectors/net.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { mapArcs } from '../../src/selectors/mapArcs.ts';
import { defaultState } from '../../src/state/viewState.ts';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.ts';

const PLACES = ['110105', '110108', '130600', '120116'];
const place = (k: string) => ({ adcode: Number(k), prefecture: null, lon: 116 + Number(k) / 1e6, lat: 39, pointSource: 'label' as const });
const group = (key: string, value: number, bound: SumGroup['bound']): SumGroup => ({ key, unit: 'projects', basis: 'event', status: null, investmentType: null, bound, periodStart: 2019, periodEnd: 2019, value, flowIds: [`f-${key}-${value}`] });

function arc(o: string, d: string, industry: string, g: string, value: number, bound: SumGroup['bound'] = 'exact'): Arc {
  return { id: `${o}>${d}|${industry}|${g}`, originKey: o, destinationKey: d, origin: place(o) as Arc['origin'], destination: place(d) as Arc['destination'], industry: industry as Arc['industry'], group: group(g, value, bound), value, flows: [], earlier: [] };
}

/** Arcs with unique ids: ends, industry, definition (g1, g2), value, sometimes a lower bound. */
const arcsArb = fc
  .uniqueArray(fc.record({ o: fc.constantFrom(...PLACES), d: fc.constantFrom(...PLACES), i: fc.constantFrom('pharma', 'textiles'), g: fc.constantFrom('g1', 'g2'), v: fc.integer({ min: 1, max: 500 }), b: fc.constantFrom<SumGroup['bound']>('exact', 'exact', 'exact', 'at-least') }), { selector: (r) => `${r.o}>${r.d}|${r.i}|${r.g}`, maxLength: 40 })
  .map((rs) => rs.filter((r) => r.o !== r.d).map((r) => arc(r.o, r.d, r.i, r.g, r.v, r.b)).sort((x, y) => y.value - x.value));

const reversed = (a: Arc) => arc(a.destinationKey, a.originKey, a.industry, a.group.key, a.value, a.group.bound);

function balance(arcs: readonly Arc[]) {
  const m = new Map<string, number>();
  const add = (k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const a of arcs) {
    add(`${a.originKey}|${a.industry}|${a.group.key}`, a.value);
    add(`${a.destinationKey}|${a.industry}|${a.group.key}`, -a.value);
  }
  for (const [k, v] of m) if (v === 0) m.delete(k);
  return m;
}

describe('net flows', () => {
  it('nets A→B against B→A: the difference of the gross, in the larger one\'s direction', () => {
    const n = netFlows([arc('110105', '130600', 'pharma', 'g1', 30), arc('130600', '110105', 'pharma', 'g1', 12), arc('110108', '130600', 'pharma', 'g1', 5)]);
    expect(n.arcs.map((a) => [a.originKey, a.destinationKey, a.value])).toEqual([['110105', '130600', 18], ['110108', '130600', 5]]);
    const row = n.rows.get(n.arcs[0]!.id)!;
    expect([row.forward.value, row.backward.value, row.net]).toEqual([30, 12, 18]);
    expect(n.arcs[0]!.id.startsWith(NET_PREFIX)).toBe(true);
    expect(n.notNetted).toEqual([]);
  });

  it('does not net other definitions or lower bounds: drawn gross both ways and listed; a balanced pair draws nothing', () => {
    const other = netFlows([arc('110105', '130600', 'pharma', 'g1', 30), arc('130600', '110105', 'pharma', 'g2', 12)]);
    expect(other.arcs).toHaveLength(2);
    expect(other.notNetted).toHaveLength(2);
    expect(other.rows.size).toBe(0);
    const bound = netFlows([arc('110105', '130600', 'pharma', 'g1', 30, 'at-least'), arc('130600', '110105', 'pharma', 'g1', 12)]);
    expect(bound.arcs).toHaveLength(2);
    expect(bound.notNetted).toHaveLength(2);
    const even = netFlows([arc('110105', '130600', 'pharma', 'g1', 7), arc('130600', '110105', 'pharma', 'g1', 7)]);
    expect(even.arcs).toHaveLength(0);
    expect([...even.rows.values()][0]!.net).toBe(0);
  });

  it('properties: net = difference of gross; antisymmetry; each place\'s balance per definition is kept; totals', () => {
    fc.assert(
      fc.property(arcsArb, (arcs) => {
        const n = netFlows(arcs);
        const byId = new Map(arcs.map((a) => [a.id, a]));
        for (const r of n.rows.values()) {
          expect(r.net).toBe(r.forward.value - r.backward.value);
          expect(r.net).toBeGreaterThanOrEqual(0);
          expect(byId.get(r.forward.id)).toBe(r.forward);
          expect(r.backward.originKey).toBe(r.forward.destinationKey);
          expect(r.backward.group.key).toBe(r.forward.group.key);
        }
        // Every arc is in exactly one of: a netted pair, or drawn as it is.
        const inPairs = [...n.rows.values()].flatMap((r) => [r.forward.id, r.backward.id]);
        const asIs = n.arcs.filter((a) => !a.id.startsWith(NET_PREFIX)).map((a) => a.id);
        expect([...inPairs, ...asIs].sort()).toEqual(arcs.map((a) => a.id).sort());
        // Balance per place, industry and definition: the same gross and net.
        expect(balance(n.arcs)).toEqual(balance(arcs));
        // Totals: net arcs + twice the smaller of each pair = gross.
        const gross = arcs.reduce((s, a) => s + a.value, 0);
        const twice = [...n.rows.values()].reduce((s, r) => s + 2 * r.backward.value, 0);
        expect(n.arcs.reduce((s, a) => s + a.value, 0) + twice).toBe(gross);
        // Antisymmetry: reversing every arc reverses every net arc, same values.
        const r = netFlows(arcs.map(reversed));
        const key = (a: Arc, rev: boolean) => `${rev ? a.destinationKey : a.originKey}>${rev ? a.originKey : a.destinationKey}|${a.industry}|${a.group.key}|${a.value}`;
        expect(r.arcs.map((a) => key(a, true)).sort()).toEqual(n.arcs.map((a) => key(a, false)).sort());
      }),
      { numRuns: 300 },
    );
  });

  it('in the view model only with net=1, and the map draws its arcs', () => {
    const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
    const select = viewSelector({ analysis: ANALYSIS });
    expect(select(data, defaultState('en')).net).toBeNull();
    const v = select(data, { ...defaultState('en'), net: true });
    expect(mapArcs(v)).toBe(v.net!.arcs);
    // The published data has no flow both ways: nothing is netted.
    expect(v.net!.rows.size).toBe(0);
    expect(v.net!.arcs.map((a) => a.id)).toEqual(v.arcs.map((a) => a.id));
  });
});
