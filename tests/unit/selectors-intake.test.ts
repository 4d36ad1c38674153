import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/dataset.ts';
import type { Aggregate } from '../../src/data/types.ts';
import { intakeLayer, intakePlace, intakeSeries } from '../../src/selectors/intake.ts';
import { COVERAGE_YEARS, coverageGrid, HEBEI_PREFECTURES } from '../../src/selectors/coverage.ts';
import { needsAnalysis, viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState } from '../../src/state/viewState.ts';

const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;

let n = 0;
const row = (p: Partial<Aggregate>): Aggregate => ({
  id: `A${++n}`, series: 's', scopeAdcode: 130600, scopePlatformId: null, from: 'beijing', periodStart: 2014, periodEnd: 2020, periodNote: null, periodNoteZh: null,
  basis: 'cumulative', value: 1, unit: 'projects', bound: 'exact', labelZh: '项目', labelEn: 'Projects', sourceIds: ['S001'], confidence: 'high', ...p,
});

describe('intake places', () => {
  it('keeps Xiong\'an apart from Baoding, and puts county scopes on their prefecture', () => {
    expect(intakePlace({ scopeAdcode: 130600, scopePlatformId: 'P02' })).toEqual({ key: 'P02', adcode: 130600 });
    expect(intakePlace({ scopeAdcode: 130600, scopePlatformId: null })).toEqual({ key: '130600', adcode: 130600 });
    expect(intakePlace({ scopeAdcode: 130209, scopePlatformId: 'P03' })).toEqual({ key: '130200', adcode: 130200 });
    expect(intakePlace({ scopeAdcode: 130000, scopePlatformId: null })).toEqual({ key: '130000', adcode: 130000 });
    // Dingzhou and Xinji (administered by the province directly): places of their own.
    expect(intakePlace({ scopeAdcode: 130682, scopePlatformId: null })).toEqual({ key: '130682', adcode: 130682 });
    expect(intakePlace({ scopeAdcode: 130181, scopePlatformId: null })).toEqual({ key: '130181', adcode: 130181 });
    expect(intakePlace({ scopeAdcode: 120116, scopePlatformId: 'P05' })).toEqual({ key: '120116', adcode: 120116 });
  });
});

describe('intake layer', () => {
  it('shows one row per place and year, never a sum; a year without a row is a hole', () => {
    const series = intakeSeries([row({ value: 10, periodEnd: 2018 }), row({ value: 30, periodEnd: 2020, labelEn: 'Projects (latest)' }), row({ value: 25, periodEnd: 2020, id: 'second' })]);
    const y2020 = intakeLayer(series, 's', 2020)!;
    expect(y2020.cells).toHaveLength(1);
    expect(y2020.cells[0]!.value).toBe(25);
    expect(y2020.cells[0]!.also.map((r) => r.value)).toEqual([30]);
    expect(intakeLayer(series, 's', 2019)).toMatchObject({ hole: true, cells: [] });
    expect(intakeLayer(series, 's', null)!.cells[0]!.row.periodEnd).toBe(2020);
    expect(intakeLayer(series, 'nope', 2020)).toBeNull();
    expect(series.get('s')!.years).toEqual([2018, 2020]);
  });

  it('pins published figures: Baoding 469 projects to end-2020, 707 by Feb 2023; Xiong\'an 400+ SOE branches (2025) on its own row', () => {
    const series = intakeSeries(data.aggregates);
    const b = intakeLayer(series, 'baoding-bt-coop-projects-cum', 2020)!;
    expect(b.cells.map((c) => [c.place.key, c.value, c.row.id, c.row.unit])).toEqual([['130600', 469, 'A126', 'projects']]);
    expect(intakeLayer(series, 'baoding-bt-coop-projects-cum', null)!.cells[0]!.value).toBe(707);
    const x = intakeLayer(series, 'xiongan-soe-branches-cum', 2025)!;
    expect(x.cells.map((c) => [c.place.key, c.value, c.row.bound])).toEqual([['P02', 400, 'at-least']]);
    expect(intakeLayer(series, 'caofeidian-b-large-projects-cum', 2024)!.cells[0]).toMatchObject({ place: { key: '130200' }, value: 247 });
  });

  it('each series is one definition (unit, basis — a part year counts as yearly —, origin, place)', () => {
    const yearly = (b: string) => (b === 'partial' ? 'annual' : b);
    for (const s of intakeSeries(data.aggregates).values()) {
      for (const r of s.rows) expect([r.unit, yearly(r.basis), r.from, intakePlace(r).key]).toEqual([s.unit, yearly(s.basis), s.from, s.place.key]);
    }
  });
});


describe('coverage grid', () => {
  it('lists, per place and year, which series have a figure; empty cells are holes; Hebei\'s prefectures always have a row', () => {
    const grid = coverageGrid(intakeSeries([row({ series: 'a', periodEnd: 2015 }), row({ series: 'b', periodEnd: 2015 }), row({ series: 'x', scopePlatformId: 'P02', periodEnd: 2016 }), row({ series: 'c', scopeAdcode: 130209, periodEnd: 2016 }), row({ series: 'h', scopeAdcode: 130000, periodEnd: 2016 }), row({ series: 't', scopeAdcode: 120116, periodEnd: 2016 })]).values(), [2015, 2016]);
    expect(grid.rows.map((r) => r.place.key)).toEqual([...HEBEI_PREFECTURES.slice(0, 6).map(String), 'P02', ...HEBEI_PREFECTURES.slice(6).map(String), '120116', '130000']);
    expect(grid.rows.map((r) => r.group)).toEqual([...Array(12).fill('hebei'), 'tianjin', 'region']);
    const baoding = grid.rows.find((r) => r.place.key === '130600')!;
    expect(baoding.cells.map((c) => c.series.map((s) => s.id))).toEqual([['a', 'b'], []]);
    expect(grid.rows.find((r) => r.place.key === '130200')!.cells.map((c) => c.series.map((s) => s.id))).toEqual([[], ['c']]);
    expect(grid.rows.find((r) => r.place.key === '130100')!.cells.every((c) => c.series.length === 0)).toBe(true);
  });

  it('matches the rows of the published data: every aggregate in its cell, once', () => {
    const grid = coverageGrid(intakeSeries(data.aggregates).values(), Array.from({ length: 40 }, (_, i) => 1990 + i));
    const ids = grid.rows.flatMap((r) => r.cells.flatMap((c) => c.series.flatMap((s) => s.rowIds)));
    expect(ids.sort()).toEqual(data.aggregates.map((a) => a.id).sort());
    // Over 2014–2025: each cell holds exactly the rows of its place whose period ends that year.
    const grid2 = coverageGrid(intakeSeries(data.aggregates).values());
    expect(grid2.years).toEqual(COVERAGE_YEARS);
    for (const r of grid2.rows)
      r.cells.forEach((c, i) => {
        const want = data.aggregates.filter((a) => intakePlace(a).key === r.place.key && a.periodEnd === grid2.years[i]).map((a) => a.id).sort();
        expect(c.series.flatMap((s) => s.rowIds).sort()).toEqual(want);
      });
  });

  it('pins Baoding\'s end-2020 figures (A126 projects, A129 investment) in its 2020 cell, as two series', () => {
    const grid = coverageGrid(intakeSeries(data.aggregates).values());
    const cell = grid.rows.find((r) => r.place.key === '130600')!.cells[grid.years.indexOf(2020)]!;
    expect(cell.series.find((s) => s.id === 'baoding-bt-coop-projects-cum')!.rowIds).toContain('A126');
    expect(cell.series.find((s) => s.id === 'baoding-bt-coop-investment-cum')!.rowIds).toContain('A129');
  });
});

describe('the coverage grid in the view model', () => {
  it('is the grid of the view model\'s intake series when coverage=1, null otherwise, and needs the analysis parts', () => {
    const select = viewSelector({ analysis: ANALYSIS });
    const off = select(data, defaultState('en'));
    expect(off.coverage).toBeNull();
    const on = select(data, { ...defaultState('en'), coverage: true });
    expect(on.coverage).toEqual(coverageGrid(on.intakeSeries.values()));
    // The same object while the data stays (the grid's view redraws only when it changes).
    expect(select(data, { ...defaultState('zh'), coverage: true }).coverage).toBe(on.coverage);
    expect(needsAnalysis({ coverage: true })).toBe(true);
    expect(() => viewSelector()(data, { ...defaultState('en'), coverage: true })).toThrow(/analysis/);
  });
});
