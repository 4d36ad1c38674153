/**
 * The adding-up rule for running totals (issue 17): two running totals on one arc in one sum
 * group and year are two reports of one count — never added; the latest as-of is the figure.
 * (Before: both were summed, e.g. Caofeidian's 15 projects "as of Jan 2017" + 256 "as of Dec
 * 2017" = 271; F127's status was set to work around it.)
 */
import { describe, expect, it } from 'vitest';
import { asOf } from '../../src/data/sum.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState } from '../../src/state/viewState.ts';
import { dataset, flow } from './planner-helpers.ts';

const running = (value: number, note: string | null, p: Parameters<typeof flow>[0] = {}) =>
  flow({ basis: 'cumulative', status: null, periodStart: 2017, periodEnd: 2017, periodNote: note, projects: value, ...p });

function view(flows: ReturnType<typeof flow>[], level: 'fine' | 'city' = 'fine') {
  return viewSelector({ analysis: ANALYSIS })(dataset(flows), { ...defaultState('en'), level });
}

describe('asOf', () => {
  it('orders by period end, then the last month the note names ("end-YYYY" = December), none = 0', () => {
    expect(asOf(2017, 'running total as of Jan 2017')).toBe(201701);
    expect(asOf(2017, 'running total as of Dec 2017')).toBe(201712);
    expect(asOf(2020, 'since 2014, to Sep 2020')).toBe(202009);
    expect(asOf(2020, 'running total to end-2020')).toBe(202012);
    expect(asOf(2016, 'running total to end-Nov 2016')).toBe(201611);
    expect(asOf(2023, '"to date", reported Feb 2023')).toBe(202302);
    expect(asOf(2019, null)).toBe(201900);
  });
});

describe('running totals on one arc are never added', () => {
  for (const order of ['older first', 'newer first'] as const) {
    it(`takes the latest as-of of the year (${order}), on the arc, in the place totals and in the summary`, () => {
      const jan = running(15, 'running total as of Jan 2017');
      const dec = running(256, 'running total as of Dec 2017');
      const v = view(order === 'older first' ? [jan, dec] : [dec, jan]);
      expect(v.arcs).toHaveLength(1);
      expect(v.arcs[0]!.value).toBe(256);
      // Both reports stay listed with the arc.
      expect(v.arcs[0]!.group.flowIds.sort()).toEqual([jan.id, dec.id].sort());
      expect(v.places.find((p) => p.role === 'destination')!.size).toBe(256);
      expect(v.summary.totals.map((g) => g.value)).toEqual([256]);
    });
  }

  it('the same at prefecture level; two running totals of different arcs there still add up', () => {
    const a = running(15, 'as of Jan 2017', { destinationAdcode: 130983 });
    const b = running(256, 'as of Dec 2017', { destinationAdcode: 130983 });
    expect(view([a, b], 'city').arcs[0]!.value).toBe(256);
    // Another county of the same prefecture: another count, merged at city level by the existing rule.
    const c = running(40, 'as of Mar 2017', { destinationAdcode: 130984 });
    expect(view([a, b, c], 'city').arcs[0]!.value).toBe(296);
  });

  it('a yearly figure and running totals of other statuses are untouched', () => {
    const v = view([running(15, 'as of Jan 2017', { status: 'started' }), running(256, 'as of Dec 2017'), flow({ basis: 'annual', periodStart: 2017, periodEnd: 2017, projects: 3 }), flow({ basis: 'annual', periodStart: 2017, periodEnd: 2017, projects: 4 })]);
    expect(v.arcs.map((a) => a.value).sort((x, y) => x - y)).toEqual([7, 15, 256]);
  });
});
