/**
 * Addresses survive a round-trip: every query the page writes parses back to the same state,
 * with no notice, over the whole state space (edge years, extreme views, every switch); values
 * the parser clamps or adjusts say so with a notice.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseState, queryString, roundView, serialiseState, VIEW_LIMITS, type KnownValues } from '../../src/state/url.ts';
import { CATEGORIES, LANGS, METRICS, LEVELS, MULTIPLES, RENDERERS, THEMES, TIERS, type ViewState } from '../../src/state/viewState.ts';

const known: KnownValues = {
  industries: new Set(['pharma', 'automotive', 'wholesale', 'data-centre']),
  origins: new Set(['beijing', 'tianjin', '110115', '120116', '130900', '130983', '120000']),
  dests: new Set([130900, 130600, 130100]),
  focus: new Set(['130900', 'P13', 'P02', '110115']),
  years: [2013, 2025],
  storySteps: 9,
  series: new Set(['baoding-bt-coop-projects-cum', 'xiongan-soe-branches-cum']),
};

const subset = <T>(items: readonly T[]) => fc.subarray([...items]).chain((xs) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }));
const yearRange = (lo: number, hi: number) => fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi })).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);
const inRange = ([lo, hi]: readonly [number, number]) => fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
// The extremes themselves, not only what a random double happens to hit.
const edge = (r: readonly [number, number]) => fc.oneof(fc.constantFrom(r[0], r[1]), inRange(r));
const view = fc.record({ lon: edge(VIEW_LIMITS.lon), lat: edge(VIEW_LIMITS.lat), zoom: edge(VIEW_LIMITS.zoom) });
const origin = fc.constantFrom('https://example.org', 'http://127.0.0.1:4173', 'https://news.example.com:8443');

/** Any state the page can be in, given what the data knows (or with nothing known yet). */
function stateArb(k: KnownValues): fc.Arbitrary<ViewState> {
  return fc.record({
    lang: fc.constantFrom(...LANGS),
    metric: fc.constantFrom(...METRICS),
    industry: subset([...(k.industries ?? new Set(['pharma', 'x-1']))]),
    years: fc.option(k.years ? yearRange(k.years[0], k.years[1]) : yearRange(0, 9999), { nil: null }),
    origin: fc.option(fc.constantFrom(...(k.origins ?? new Set(['beijing', '110101']))), { nil: null }),
    dest: fc.option(fc.constantFrom(...(k.dests ?? new Set([130000, 139999]))), { nil: null }),
    tier: subset(TIERS),
    category: subset(CATEGORIES),
    focus: fc.option(fc.constantFrom(...(k.focus ?? new Set(['P999', '000000']))), { nil: null }),
    view: fc.option(view, { nil: null }),
    lock: fc.boolean(),
    theme: fc.option(fc.constantFrom(...THEMES), { nil: null }),
    embed: fc.boolean(),
    controls: fc.boolean(),
    legend: fc.boolean(),
    parentOrigin: fc.option(origin, { nil: null }),
    embedId: fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), { nil: null }),
    story: fc.option(fc.integer({ min: 1, max: k.storySteps ?? 99 }), { nil: null }),
    custom: fc.boolean(),
    animate: fc.boolean(),
    renderer: fc.constantFrom(null, ...RENDERERS),
    level: fc.constantFrom(...LEVELS),
    matrix: fc.boolean(),
    compare: fc.option(k.years ? yearRange(k.years[0], k.years[1]) : yearRange(0, 9999), { nil: null }),
    multiples: fc.constantFrom(null, ...MULTIPLES),
    net: fc.boolean(),
    intake: fc.option(fc.constantFrom(...(k.series ?? new Set(['hebei-bt-capital', 'a1']))), { nil: null }),
    intakeYear: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: null }),
    coverage: fc.boolean(),
  });
}

/** The state as the URL can hold it: the camera at the URL's precision. */
const canonical = (s: ViewState): ViewState => ({ ...s, view: s.view && roundView(s.view) });

describe('URL round-trip (property)', () => {
  for (const [name, k] of [['with the data known', known], ['before the data has loaded', {}]] as const) {
    it(`every written query parses back to the same state, without notices (${name})`, () => {
      fc.assert(fc.property(stateArb(k), (s) => {
        const q = queryString(s);
        const { state, notices } = parseState(q, k, s.lang === 'zh' ? 'en' : 'zh');
        expect(notices).toEqual([]);
        expect(state).toEqual(canonical(s));
        // And what the page writes for that state is the same address.
        expect(queryString(state)).toBe(q);
      }), { numRuns: 2000 });
    });
  }

  it('a parsed address, written again, is stable (whatever was typed)', () => {
    const typed = fc.record({
      years: fc.oneof(fc.stringMatching(/^\d{4}(-\d{4})?$/), fc.constant('0000-9999')),
      view: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: 0, max: 24, noNaN: true }))
        .map((xs) => xs.map((x) => x.toFixed(6)).join(',')),
      story: fc.integer({ min: 0, max: 99 }).map(String),
    });
    fc.assert(fc.property(typed, fc.boolean(), (raw, withKnown) => {
      const k = withKnown ? known : {};
      const once = parseState(new URLSearchParams(raw), k).state;
      const q = serialiseState(once);
      const twice = parseState(q, k);
      expect(twice.notices).toEqual([]);
      expect(twice.state).toEqual(once);
    }), { numRuns: 1000 });
  });
});

describe('URL values that are adjusted say so', () => {
  it('writes years with four digits, so that early years read back (0999, 0000)', () => {
    const { state } = parseState('?years=0999-2016');
    expect(state.years).toEqual([999, 2016]);
    expect(queryString(state)).toBe('?lang=zh&years=0999-2016');
    expect(parseState(queryString(state)).notices).toEqual([]);
    expect(queryString(parseState('?years=0000').state)).toBe('?lang=zh&years=0000');
  });

  it('clamps years to the data, with a notice', () => {
    const { state, notices } = parseState('?years=0000-9999', known);
    expect(state.years).toEqual([2013, 2025]);
    expect(notices).toEqual([{ param: 'years', value: '0000-9999', reason: 'adjusted', to: '2013-2025' }]);
    expect(parseState('?years=2010-2016', known).notices).toEqual([{ param: 'years', value: '2010-2016', reason: 'adjusted', to: '2013-2016' }]);
    // Entirely outside the data: refused, as before.
    expect(parseState('?years=1990-1991', known).notices).toEqual([expect.objectContaining({ reason: 'unknown-value' })]);
  });

  it('clamps a camera outside the map\'s limits, with a notice; plain rounding needs none', () => {
    const { state, notices } = parseState('?view=180,85,22', known);
    expect(state.view).toEqual({ lon: 126.1, lat: 45.7, zoom: 12 });
    expect(notices).toEqual([{ param: 'view', value: '180,85,22', reason: 'adjusted', to: '126.1,45.7,12' }]);
    expect(parseState('?view=-180,-85,0').state.view).toEqual({ lon: 108.9, lat: 33.8, zoom: 4.5 });
    // A view computed in a parent page (116.07000000000001) is fine: rounded, no notice.
    expect(parseState('?view=116.07000000000001,39.5,8').state.view).toEqual({ lon: 116.07, lat: 39.5, zoom: 8 });
    const fine = parseState('?view=116.123456,39.5,7.125');
    expect(fine.notices).toEqual([]);
    expect(fine.state.view).toEqual({ lon: 116.1235, lat: 39.5, zoom: 7.13 });
    for (const v of ['1e308,39,7', '116,39', '500,39,5', '116,39,25', 'NaN,39,7', '116,39,7,1']) {
      expect(parseState(`?view=${v}`).notices).toEqual([expect.objectContaining({ param: 'view', reason: 'malformed' })]);
    }
  });

  it('clamps a story step beyond the last, with a notice', () => {
    const { state, notices } = parseState('?story=99', known);
    expect(state.story).toBe(9);
    expect(notices).toEqual([{ param: 'story', value: '99', reason: 'adjusted', to: '9' }]);
    expect(parseState('?story=9', known).notices).toEqual([]);
  });
});
