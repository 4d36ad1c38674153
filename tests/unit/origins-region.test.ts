/**
 * Planners' own files with origins anywhere in the region (issue 18): Hebei → Beijing, Hebei →
 * Hebei, Tianjin → Beijing. The file is SYNTHETIC (tests/fixtures/loader/synthetic-region-two-way.csv:
 * made-up firm counts, never shown as real). Loaded through the real pipeline, then every view
 * that reads the view model: the origin filter and its URL value, the panel's origin list,
 * levels, net flows, the OD matrix, the summary's top origins, the alt text and the CSVs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.ts';
import { load, published, world } from './loader-helpers.ts';
import { knownValues } from '../../src/selectors/known.ts';
import { parseState } from '../../src/state/url.ts';
import { defaultState, type ViewState } from '../../src/state/viewState.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { summarise } from '../../src/selectors/summary.ts';
import { namesFor } from '../../src/i18n/names.ts';
import { originOptions } from '../../src/ui/controls/places.ts';
import { altSummary, altText } from '../../src/embed/altText.ts';
import { netCsv } from '../../src/export/netCsv.ts';
import { flowsCsv } from '../../src/export/csv.ts';
import { yearExtent } from '../../src/selectors/filter.ts';

async function planners(): Promise<Dataset> {
  const r = await load(readFileSync('tests/fixtures/loader/synthetic-region-two-way.csv'), { measure: 'firms' });
  expect(r.preview.errors).toEqual([]);
  return { sources: [], platforms: published().platforms, flows: r.flows, aggregates: [], timeline: [] };
}

const names = (d: Dataset) => namesFor(d, (a, l) => world().places.name(a, l));
const select = viewSelector({ analysis: ANALYSIS });
const state = (s: Partial<ViewState> = {}): ViewState => ({ ...defaultState('en'), metric: 'firms', ...s });
const ends = (arcs: ReadonlyArray<{ originKey: string; destinationKey: string; value: number }>) => arcs.map((a) => `${a.originKey}>${a.destinationKey}:${a.value}`);

describe('origins anywhere in the region', () => {
  it('the origin filter: a Hebei prefecture keeps itself and its counties, a county itself; an unknown origin gives a notice', async () => {
    const d = await planners();
    const known = knownValues(d);
    expect([...known.origins!].sort()).toEqual(['110101', '120116', '130100', '130900', '130983', 'beijing', 'tianjin']);
    const { state: s, notices } = parseState('?origin=130900&metric=firms', known);
    expect(notices).toEqual([]);
    expect(select(d, s).flows.map((f) => [f.originAdcode, f.destinationAdcode])).toEqual([[130900, 110101], [130983, 110101]]);
    expect(select(d, parseState('?origin=130983&metric=firms', known).state).flows.map((f) => f.originAdcode)).toEqual([130983]);
    expect(select(d, parseState('?origin=beijing&metric=firms', known).state).flows.map((f) => f.originAdcode)).toEqual([110101]);
    // Only Huanghua's rows: its prefecture is still a known (and whole) origin.
    const huanghua = { ...d, flows: d.flows.filter((f) => f.originAdcode === 130983) };
    expect(knownValues(huanghua).origins!.has('130900')).toBe(true);
    expect(select(huanghua, parseState('?origin=130900&metric=firms', knownValues(huanghua)).state).flows).toHaveLength(1);
    expect(parseState('?origin=130600', known).notices).toEqual([{ param: 'origin', value: '130600', reason: 'unknown-value' }]);
  });

  it('the panel offers the origins the data has, Hebei ones grouped by prefecture', async () => {
    const d = await planners();
    const options = originOptions(knownValues(d).origins!, names(d), 'en');
    const byValue = Object.fromEntries(options.map((o) => [o.value, o.group ?? '']));
    expect(byValue['110101']).toBe('Beijing districts');
    expect(byValue['120116']).toBe('Tianjin districts');
    expect(byValue['130900']).toBe(byValue['130983']);
    expect(byValue['130900']).toMatch(/^Hebei · Cangzhou/);
    expect(byValue['130100']).toMatch(/^Hebei · Shijiazhuang/);
    expect(options.find((o) => o.value === '130983')?.label).toMatch(/Huanghua/);
    expect(options.filter((o) => o.group === byValue['130900']).map((o) => o.value)).toEqual(['130900', '130983']);
    expect(options.find((o) => o.value === '130900')?.label).toMatch(/^Cangzhou.* \(all\)$/);
    const zh = originOptions(knownValues(d).origins!, names(d), 'zh');
    expect(zh.find((o) => o.value === '130983')).toEqual({ value: '130983', label: '黄骅市', group: '河北 · 沧州市' });
    expect(zh.find((o) => o.value === '130900')?.label).toBe('沧州市(全部)');
    expect(zh.find((o) => o.value === '110101')?.group).toBe('北京市各区');
  });

  it('net=1 at the fine level: Dongcheng ↔ Cangzhou netted (9 − 4), the rest as they are', async () => {
    const d = await planners();
    const v = select(d, state({ net: true }));
    expect(ends(v.net!.arcs)).toEqual(['110101>130900:5', '130100>P02:3', '130983>110101:2', '120116>110101:1']);
    const row = [...v.net!.rows.values()][0]!;
    expect([row.forward.originKey, row.forward.value, row.backward.value, row.net]).toEqual(['110101', 9, 4, 5]);
    const n = names(d);
    const csv = netCsv(v.net!, { place: (k, a) => (n.platforms.get(k)?.nameEn ?? n.place(a, 'en')), industry: (id) => id }).replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(csv[1]).toMatch(/^Dongcheng.*,Cangzhou.*,pharma,firms,.*,9,4,5,yes$/);
  });

  it('level=city: a Hebei county merges to its prefecture, Beijing and Tianjin districts to the municipality; net Beijing ↔ Cangzhou', async () => {
    const d = await planners();
    const city = select(d, state({ level: 'city' }));
    expect(ends(city.arcs).sort()).toEqual(['110000>130900:9', '120000>110000:1', '130100>130600:3', '130900>110000:6'].sort());
    const net = select(d, state({ level: 'city', net: true }));
    expect(ends(net.net!.arcs)).toEqual(['110000>130900:3', '130100>130600:3', '120000>110000:1']);
    // The OD matrix: Cangzhou and Beijing are each a row (origin) and a column (destination).
    const m = select(d, state({ level: 'city', matrix: true })).matrix!;
    expect(m.rows.map((r) => r.key).sort()).toEqual(['110000', '120000', '130100', '130900']);
    expect(m.cols.map((c) => c.key).sort()).toEqual(['110000', '130600', '130900']);
  });

  it('the summary\'s top origins, the alt text and the flows CSV name Hebei origins', async () => {
    const d = await planners();
    const v = select(d, state());
    expect(summarise(v, 'firms').topOrigins.map((p) => p.key)).toEqual(['110101', '130900', '130100', '130983', '120116']);
    const s = altSummary('en', { state: state(), view: v, names: names(d), extent: yearExtent(d) });
    expect(altText('en', s)).toMatch(/^Arcs from Beijing, Tianjin and Hebei to Hebei and Beijing, all industries, 2019: 5 records; largest: Dongcheng.* → Cangzhou.*/);
    const csv = flowsCsv(v.flows, { ...names(d), place: (a) => names(d).place(a, 'zh'), platform: () => '', industry: (id) => id, sources: new Map() }).split(/\r?\n/);
    expect(csv.some((l) => l.includes(',130900,沧州市,110101,东城区,'))).toBe(true);
  });
});
