/** The words for a picture of the map (noscript fallback, social preview), zh and en. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { altSummary, altText, joinNames, type AltSummary } from '../../src/embed/altText.ts';
import { computeView } from '../../src/selectors/view.ts';
import { yearExtent } from '../../src/selectors/filter.ts';
import { namesFor } from '../../src/i18n/describe.ts';
import { defaultState } from '../../src/state/viewState.ts';
import type { Dataset } from '../../src/data/dataset.ts';

const pharma: AltSummary = {
  origins: ['Beijing', 'Tianjin'], destination: 'Hebei', industries: ['Pharmaceuticals'], years: [2014, 2017], records: 11,
  largest: { from: 'Beijing', to: 'Cangzhou', industry: 'Pharmaceuticals', value: '7 projects' },
};

describe('alt text', () => {
  it('states origins, destination, industries, years, records and the largest arc (en)', () => {
    expect(altText('en', pharma)).toBe('Arcs from Beijing and Tianjin to Hebei, Pharmaceuticals, 2014–2017: 11 records; largest: Beijing → Cangzhou (Pharmaceuticals), 7 projects.');
  });

  it('in Chinese', () => {
    const zh: AltSummary = { ...pharma, origins: ['北京市', '天津市'], destination: '河北省', industries: ['医药'], largest: { from: '北京市', to: '沧州市', industry: '医药', value: '7 个项目' } };
    expect(altText('zh', zh)).toBe('从北京市、天津市到河北省的产业转移弧线，医药，2014–2017 年：11 条记录；最大：北京市 → 沧州市（医药），7 个项目。');
  });

  it('every industry, one year, one record; nothing shown', () => {
    expect(altText('en', { ...pharma, origins: ['Beijing'], industries: [], years: [2016, 2016], records: 1 }))
      .toBe('Arcs from Beijing to Hebei, all industries, 2016: 1 record; largest: Beijing → Cangzhou (Pharmaceuticals), 7 projects.');
    expect(altText('en', { ...pharma, records: 0, largest: null })).toBe('Arcs from Beijing and Tianjin to Hebei, Pharmaceuticals, 2014–2017: no records.');
    expect(altText('zh', { ...pharma, records: 0, largest: null, industries: [] })).toContain('所有产业，2014–2017 年：没有记录。');
  });

  it('names three industries and counts the rest', () => {
    const many = { ...pharma, industries: ['A', 'B', 'C', 'D', 'E'] };
    expect(altText('en', many)).toContain(', A, B, C and 2 more, ');
    expect(altText('zh', many)).toContain('，A、B、C及其他 2 个产业，');
    expect(joinNames('en', ['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames('zh', ['A', 'B'])).toBe('A、B');
  });

  it('summarises a real view: the count of its records and its largest arc', () => {
    const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
    const names = namesFor(dataset, () => undefined);
    const state = { ...defaultState('en'), industry: ['pharma'] };
    const view = computeView(dataset, state);
    const s = altSummary('en', { state, view, names, extent: yearExtent(dataset) });
    expect(s.records).toBe(view.flows.length);
    expect(s.records).toBeGreaterThan(0);
    expect(s.industries).toEqual(['Pharmaceuticals']);
    expect(s.destination).toBe('Hebei');
    expect(s.largest?.industry).toBe('Pharmaceuticals');
    expect(altText('en', s)).toMatch(/^Arcs from .+ to Hebei, Pharmaceuticals, \d{4}–\d{4}: \d+ records?; largest: .+ → .+ \(Pharmaceuticals\), .+\.$/);
    const zh = altText('zh', altSummary('zh', { state: { ...state, origin: 'beijing' }, view: computeView(dataset, { ...state, origin: 'beijing' }), names, extent: yearExtent(dataset) }));
    expect(zh).toMatch(/^从北京市到河北省的产业转移弧线，医药，/);
  });

  it('names every province the published flows end in, Hebei first (some end in Tianjin or in Beijing itself)', () => {
    const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
    const names = namesFor(dataset, () => undefined);
    const state = defaultState('en');
    const view = computeView(dataset, state);
    const ends = new Set(view.flows.map((f) => Math.floor(f.destinationAdcode / 10000)));
    expect(ends).toEqual(new Set([11, 12, 13]));
    expect(altSummary('en', { state, view, names, extent: yearExtent(dataset) }).destination).toBe('Hebei, Tianjin and Beijing');
    expect(altSummary('zh', { state: defaultState('zh'), view, names, extent: yearExtent(dataset) }).destination).toBe('河北省、天津市、北京市');
  });
});
