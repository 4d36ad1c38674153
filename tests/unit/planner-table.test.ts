import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, pageOf, sortFlows } from '../../src/ui/table.ts';
import { seriesFamilies, yearBars } from '../../src/ui/yearChart.ts';
import type { Names } from '../../src/i18n/describe.ts';
import type { Aggregate } from '../../src/data/types.ts';
import { flow, source } from './planner-helpers.ts';

const names: Names = { place: (c) => String(c), platforms: new Map(), sources: new Map([['S001', source()]]) };
const ctx = { lang: 'en' as const, names, metric: 'projects' as const };

describe('table sorting and paging', () => {
  const flows = [
    flow({ id: 'A', entityEn: 'beta', projects: 5, periodStart: 2016, periodEnd: 2016 }),
    flow({ id: 'B', entityEn: 'Alpha', projects: null, firms: 1, periodStart: 2014, periodEnd: 2017 }),
    flow({ id: 'C', entityEn: 'gamma', projects: 9, periodStart: 2014, periodEnd: 2014 }),
  ];

  it('keeps data order without a sort', () => {
    expect(sortFlows(flows, null, ctx)).toBe(flows);
  });

  it('sorts text case-insensitively and numbers numerically, missing values last', () => {
    expect(sortFlows(flows, { column: 'entity', dir: 'ascending' }, ctx).map((f) => f.id)).toEqual(['B', 'A', 'C']);
    expect(sortFlows(flows, { column: 'figures', dir: 'descending' }, ctx).map((f) => f.id)).toEqual(['C', 'A', 'B']);
    expect(sortFlows(flows, { column: 'figures', dir: 'ascending' }, ctx).map((f) => f.id)).toEqual(['A', 'C', 'B']);
    expect(sortFlows(flows, { column: 'period', dir: 'ascending' }, ctx).map((f) => f.id)).toEqual(['C', 'B', 'A']);
  });

  it('pages rows and clamps the page', () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 0, 50)).toMatchObject({ page: 0, pages: 3, from: 1, to: 50 });
    expect(pageOf(rows, 2, 50).rows).toEqual(rows.slice(100));
    expect(pageOf(rows, 9, 50)).toMatchObject({ page: 2, from: 101, to: 120 });
    expect(pageOf(rows, 0).rows).toHaveLength(PAGE_SIZE);
    expect(pageOf([], 0)).toMatchObject({ page: 0, pages: 1, from: 0, to: 0, rows: [] });
  });
});

describe('yearly chart data', () => {
  let n = 0;
  const agg = (p: Partial<Aggregate>): Aggregate => ({
    id: `A${++n}`, series: 'hebei-bt-projects', scopeAdcode: 130000, scopePlatformId: null, from: 'beijing-tianjin', periodStart: 2015, periodEnd: 2015,
    periodNote: null, periodNoteZh: null, basis: 'annual', value: 1, unit: 'projects', bound: 'exact', labelZh: '项目', labelEn: 'Projects', sourceIds: ['S001'], confidence: 'high', ...p,
  });
  const rows = [
    agg({ periodStart: 2014, periodEnd: 2014, value: 3000 }),
    agg({ periodStart: 2015, periodEnd: 2015, basis: 'partial', value: 2000 }),
    agg({ periodStart: 2015, periodEnd: 2015, basis: 'annual', value: 3500 }),
    agg({ periodStart: 2017, periodEnd: 2017, value: 2800 }),
    agg({ series: 'hebei-bt-projects-cum', basis: 'cumulative', periodStart: 2014, periodEnd: 2017, value: 15560 }),
    agg({ series: 'tianjin-x', scopeAdcode: 120000, periodStart: 2016, periodEnd: 2016 }),
  ];

  it('groups a series with its running totals, Hebei-wide only', () => {
    const fams = seriesFamilies(rows);
    expect(fams.map((f) => [f.id, f.rows.length])).toEqual([['hebei-bt-projects', 5]]);
  });

  it('one bar per year: full year preferred, never added; gaps stay gaps; running totals are not bars', () => {
    const bars = yearBars(seriesFamilies(rows)[0]!, [2014, 2018]);
    expect(bars.map((b) => [b.year, b.row?.value ?? null])).toEqual([[2014, 3000], [2015, 3500], [2016, null], [2017, 2800], [2018, null]]);
  });
});
