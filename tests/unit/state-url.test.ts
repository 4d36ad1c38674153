import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyRaw, parseState, queryString, serialiseState } from '../../src/state/url.ts';
import { browserLang, defaultState, type ViewState } from '../../src/state/viewState.ts';

const known = {
  industries: new Set(['pharma', 'automotive', 'wholesale']),
  origins: new Set(['beijing', 'tianjin', '110115', '130900', '130983']),
  dests: new Set([130900, 130600]),
  focus: new Set(['130900', 'P13']),
  years: [2013, 2025] as const,
};

describe('URL state', () => {
  it('a Hebei origin (a planner\'s file) is filterable and round-trips', () => {
    for (const o of ['130900', '130983']) {
      const { state, notices } = parseState(`?origin=${o}`, known);
      expect(notices).toEqual([]);
      expect(state.origin).toBe(o);
      expect(parseState(serialiseState(state), known).state.origin).toBe(o);
    }
  });

  it('parses every parameter', () => {
    const { state, notices } = parseState(
      '?lang=en&metric=investment&industry=pharma,automotive&years=2014-2017&origin=110115&dest=130900&tier=strategic-4,other&category=manufacturing&focus=P13&view=116.5,39.5,7.25&lock=1&theme=dark&embed=1&controls=0&legend=0&parentOrigin=https://example.org&embedId=dw-Ab12_x&story=3&custom=1&animate=1&renderer=2d&level=city&matrix=1&compare=2014-2016&multiples=industry&net=1&intake=baoding-bt-coop-projects-cum&intakeYear=2020&coverage=1',
      known,
    );
    expect(notices).toEqual([]);
    expect(state).toEqual<ViewState>({
      lang: 'en', metric: 'investment', industry: ['pharma', 'automotive'], years: [2014, 2017], origin: '110115', dest: 130900,
      tier: ['strategic-4', 'other'], category: ['manufacturing'], focus: 'P13', view: { lon: 116.5, lat: 39.5, zoom: 7.25 },
      lock: true, theme: 'dark', embed: true, controls: false, legend: false, parentOrigin: 'https://example.org', embedId: 'dw-Ab12_x', story: 3, custom: true, animate: true, renderer: '2d', level: 'city', matrix: true, compare: [2014, 2016], multiples: 'industry', net: true, intake: 'baoding-bt-coop-projects-cum', intakeYear: 2020, coverage: true,
    });
  });

  it('round-trips through the query string', () => {
    const s: ViewState = { ...defaultState('en'), industry: ['pharma'], years: [2015, 2015], dest: 130600, view: { lon: 116.1234, lat: 39.5, zoom: 8 } };
    expect(parseState(serialiseState(s), known).state).toEqual(s);
    expect(queryString(s)).toBe('?lang=en&industry=pharma&years=2015&dest=130600&view=116.1234,39.5,8');
  });

  it.each([
    ['lang=fr', 'lang', 'malformed'],
    ['metric=gdp', 'metric', 'malformed'],
    ['level=county', 'level', 'malformed'],
    ['compare=2017-2014', 'compare', 'malformed'],
    ['multiples=sector', 'multiples', 'malformed'],
    ['multiples=<b>industry</b>', 'multiples', 'malformed'],
    ['net=maybe', 'net', 'malformed'],
    ['years=2017-2014', 'years', 'malformed'],
    ['years=20x4', 'years', 'malformed'],
    ['years=1990-1991', 'years', 'unknown-value'],
    ['industry=<img src=x onerror=alert(1)>', 'industry', 'malformed'],
    ['industry=steel', 'industry', 'unknown-value'],
    ['origin=shanghai', 'origin', 'malformed'],
    ['origin=110101', 'origin', 'unknown-value'],
    ['origin=310115', 'origin', 'malformed'],
    ['origin=hebei', 'origin', 'malformed'],
    ['origin=130100', 'origin', 'unknown-value'],
    ['dest=999', 'dest', 'malformed'],
    ['dest=130100', 'dest', 'unknown-value'],
    ['tier=top', 'tier', 'unknown-value'],
    ['focus=javascript:alert(1)', 'focus', 'malformed'],
    ['view=116,39', 'view', 'malformed'],
    ['view=500,39,5', 'view', 'malformed'],
    ['lock=yes', 'lock', 'malformed'],
    ['parentOrigin=javascript:alert(1)', 'parentOrigin', 'malformed'],
    ['story=abc', 'story', 'malformed'],
    ['foo=bar', 'foo', 'unknown-param'],
  ])('ignores %s with a notice and keeps the rest', (bad, param, reason) => {
    const { state, notices } = parseState(`?metric=firms&${bad}`, known);
    expect(notices).toEqual([expect.objectContaining({ param, reason })]);
    expect(state.metric).toBe('firms'); // the good value before the bad one still applies
  });

  it('multiples: `industry` turns the small multiples on; empty or `none` off; anything else refused, the last good value kept (setState)', () => {
    expect(parseState('?multiples=industry', known)).toEqual({ state: expect.objectContaining({ multiples: 'industry' }), notices: [] });
    for (const off of ['', 'none']) expect(applyRaw({ ...defaultState(), multiples: 'industry' }, { multiples: off }, known)).toEqual({ state: expect.objectContaining({ multiples: null }), notices: [] });
    const { state, notices } = applyRaw({ ...defaultState(), multiples: 'industry' }, { multiples: 'Industry', metric: 'firms' }, known);
    expect(state).toMatchObject({ multiples: 'industry', metric: 'firms' });
    expect(notices).toEqual([{ param: 'multiples', value: 'Industry', reason: 'malformed' }]);
    expect(queryString({ ...defaultState('en'), multiples: 'industry' })).toBe('?lang=en&multiples=industry');
  });

  it('accepts list fields as arrays (postMessage setState) and drops bad items only', () => {
    const { state, notices } = applyRaw(defaultState(), { industry: ['pharma', 'nope', 42], years: '2016' }, known);
    expect(state.industry).toEqual(['pharma']);
    expect(state.years).toEqual([2016, 2016]);
    expect(notices.map((n) => n.value)).toEqual(['nope', '42']);
  });

  it('rejects values of the wrong type without throwing', () => {
    const { state, notices } = applyRaw(defaultState(), { metric: { evil: true }, lang: 'en' }, known);
    expect(state.lang).toBe('en');
    expect(notices).toHaveLength(1);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (k, v) => {
      const p = new URLSearchParams();
      p.set(k, v);
      const { state } = parseState(p, known);
      expect(state.lang === 'zh' || state.lang === 'en').toBe(true);
    }));
  });

  it('picks the language from the browser, Chinese otherwise', () => {
    expect(browserLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(browserLang(['zh-TW'])).toBe('zh');
    expect(browserLang(['fr-FR'])).toBe('zh');
    expect(browserLang(undefined)).toBe('zh');
  });
});
