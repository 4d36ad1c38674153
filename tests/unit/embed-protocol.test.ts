import { describe, expect, it } from 'vitest';
import { isOutgoing, parseIncoming, SOURCE, urlFields } from '../../src/embed/protocol.ts';
import { applyRaw, parseState } from '../../src/state/url.ts';
import { defaultState, type ViewState } from '../../src/state/viewState.ts';

const ORIGIN = 'https://partner.example';
const msg = (state: unknown, extra: Record<string, unknown> = {}) => ({ target: SOURCE, type: 'setState', state, ...extra });

describe('parseIncoming: well-formed setState', () => {
  it('returns the state for a message from any origin when parentOrigin is not set', () => {
    expect(parseIncoming(msg({ industry: 'pharma,automotive' }), ORIGIN, null)).toEqual({ industry: 'pharma,automotive' });
    expect(parseIncoming(msg({ industry: ['pharma'], lock: true, dest: 130600, focus: null }), 'null', null)).toEqual({ industry: ['pharma'], lock: true, dest: 130600, focus: null });
  });

  it('returns a fresh null-prototype object', () => {
    const input = { industry: 'pharma' };
    const out = parseIncoming(msg(input), ORIGIN, null)!;
    expect(out).not.toBe(input);
    expect(Object.getPrototypeOf(out)).toBeNull();
  });

  it('accepts only the configured parent origin when parentOrigin is set', () => {
    expect(parseIncoming(msg({ metric: 'firms' }), ORIGIN, ORIGIN)).toEqual({ metric: 'firms' });
    expect(parseIncoming(msg({ metric: 'firms' }), 'https://evil.example', ORIGIN)).toBeNull();
    expect(parseIncoming(msg({ metric: 'firms' }), 'https://partner.example:8443', ORIGIN)).toBeNull();
    expect(parseIncoming(msg({ metric: 'firms' }), 'null', ORIGIN)).toBeNull();
  });

  it('drops the fields fixed by the iframe address, keeps unknown names for the URL parser to report', () => {
    expect(parseIncoming(msg({ embed: '0', parentOrigin: 'https://evil.example', custom: true, legend: 0 }), ORIGIN, null)).toEqual({ legend: 0 });
    const out = parseIncoming(msg({ industries: 'pharma' }), ORIGIN, null)!;
    expect(applyRaw(defaultState(), out).notices).toEqual([{ param: 'industries', value: 'pharma', reason: 'unknown-param' }]);
  });

  it('an empty state is a valid (no-op) message', () => {
    expect(parseIncoming(msg({}), ORIGIN, null)).toEqual({});
  });
});

describe('parseIncoming: anything else is ignored (null)', () => {
  const cases: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'setState'],
    ['a JSON string of a valid message', JSON.stringify(msg({ industry: 'pharma' }))],
    ['a number', 42],
    ['an array', [SOURCE, 'setState', {}]],
    ['an array with the right properties', Object.assign([], { target: SOURCE, type: 'setState', state: {} })],
    ['a wrong target', { target: 'other-map', type: 'setState', state: {} }],
    ['our own outgoing shape', { source: SOURCE, type: 'setState', state: {} }],
    ['a wrong type', msg({}, { type: 'setstate' })],
    ['a ready message', { source: SOURCE, type: 'ready', height: 500 }],
    ['no state', { target: SOURCE, type: 'setState' }],
    ['state as a string', msg('industry=pharma')],
    ['state as an array', msg([['industry', 'pharma']])],
    ['state as URLSearchParams', msg(new URLSearchParams('industry=pharma'))],
    ['state as a Map', msg(new Map([['industry', 'pharma']]))],
    ['state as a Date', msg(new Date())],
    ['a class instance as the message', new (class { target = SOURCE; type = 'setState'; state = {}; })()],
    ['a nested object value', msg({ view: { lon: 116, lat: 39, zoom: 7 } })],
    ['a function value', msg({ industry: () => 'pharma' })],
    ['NaN', msg({ dest: Number.NaN })],
    ['Infinity', msg({ story: Number.POSITIVE_INFINITY })],
    ['a list with an object', msg({ industry: ['pharma', { toString: () => 'x' }] })],
    ['a list with null', msg({ industry: ['pharma', null] })],
    ['a nested list', msg({ industry: [['pharma']] })],
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of this case
    ['a sparse list', msg({ industry: [, 'pharma'] })],
    ['a symbol key', msg({ [Symbol('x')]: 'pharma' })],
  ];
  for (const [what, data] of cases) {
    it(what, () => expect(parseIncoming(data, ORIGIN, null)).toBeNull());
  }

  it('prototype-pollution keys, as JSON would deliver them', () => {
    for (const json of [
      `{"target":"${SOURCE}","type":"setState","state":{"__proto__":{"polluted":true}}}`,
      `{"target":"${SOURCE}","type":"setState","state":{"constructor":{"prototype":{"polluted":true}}}}`,
      `{"target":"${SOURCE}","type":"setState","state":{"prototype":"x","industry":"pharma"}}`,
      `{"target":"${SOURCE}","type":"setState","state":{"__proto__":"pharma"}}`,
    ]) {
      const data: unknown = JSON.parse(json);
      expect(parseIncoming(data, ORIGIN, null)).toBeNull();
      expect(parseIncoming(structuredClone(data), ORIGIN, null)).toBeNull();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a message whose own prototype carries the fields', () => {
    const inherited = Object.create({ target: SOURCE, type: 'setState', state: {} }) as object;
    expect(parseIncoming(inherited, ORIGIN, null)).toBeNull();
    const stateInherits = msg(Object.create({ industry: 'pharma' }));
    expect(parseIncoming(stateInherits, ORIGIN, null)).toBeNull();
  });

  it('getters are never run', () => {
    let ran = false;
    const data = { target: SOURCE, type: 'setState', get state() { ran = true; return { industry: 'pharma' }; } };
    expect(parseIncoming(data, ORIGIN, null)).toBeNull();
    const state = { get industry() { ran = true; return 'pharma'; } };
    expect(parseIncoming(msg(state), ORIGIN, null)).toBeNull();
    expect(ran).toBe(false);
  });

  it('a Proxy that throws on every trap', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom'); }, getPrototypeOf() { throw new Error('boom'); }, ownKeys() { throw new Error('boom'); }, getOwnPropertyDescriptor() { throw new Error('boom'); } });
    expect(parseIncoming(hostile, ORIGIN, null)).toBeNull();
    expect(parseIncoming(msg(hostile), ORIGIN, null)).toBeNull();
  });

  it('huge objects, strings and lists', () => {
    const many = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'x']));
    expect(parseIncoming(msg(many), ORIGIN, null)).toBeNull();
    expect(parseIncoming(msg({ industry: 'a'.repeat(1_000_001) }), ORIGIN, null)).toBeNull();
    expect(parseIncoming(msg({ industry: Array.from({ length: 100_000 }, () => 'pharma') }), ORIGIN, null)).toBeNull();
    expect(parseIncoming(msg({ ['k'.repeat(10_000)]: 'x' }), ORIGIN, null)).toBeNull();
    // Just inside the limits still works.
    expect(parseIncoming(msg({ industry: Array.from({ length: 64 }, () => 'pharma') }), ORIGIN, null)).not.toBeNull();
  });
});

describe('state messages round-trip through setState', () => {
  const known = { industries: new Set(['pharma', 'automotive']), dests: new Set([130600]), years: [2014, 2025] as const };
  const states: ViewState[] = [
    defaultState('en'),
    { ...defaultState('zh'), metric: 'investment', industry: ['pharma', 'automotive'], years: [2015, 2020], dest: 130600, tier: ['capital-2'], lock: true, theme: 'dark', view: { lon: 116.4, lat: 39.2, zoom: 7.25 }, story: 2 },
    { ...defaultState('zh'), embed: true, controls: false, legend: false, parentOrigin: 'https://partner.example' },
  ];
  for (const s of states) {
    it(`${JSON.stringify(urlFields(s)).slice(0, 60)}…`, () => {
      const fields = urlFields(s);
      // Every URL field is present, as a string.
      expect(Object.keys(fields).sort()).toEqual(Object.keys(urlFields(defaultState())).sort());
      expect(Object.values(fields).every((v) => typeof v === 'string')).toBe(true);
      // The fields parse back to the same state (as a URL, and as a setState on any other state).
      expect(parseState(new URLSearchParams(Object.entries(fields)), known).state).toEqual(s);
      const payload = parseIncoming(structuredClone(msg(fields)), ORIGIN, null)!;
      const from = { ...defaultState('en'), industry: ['pharma'], focus: 'P01', embed: s.embed, parentOrigin: s.parentOrigin, custom: s.custom };
      const { state, notices } = applyRaw(from, payload, known);
      expect(notices).toEqual([]);
      expect(state).toEqual(s);
    });
  }
});

it('every switch of the state is written as 1 or 0, so a parent can switch it off again', () => {
  const s = defaultState();
  const fields = urlFields(s) as Record<string, string>;
  for (const [k, v] of Object.entries(s)) if (typeof v === 'boolean') expect(fields[k]).toBe(v ? '1' : '0');
});

describe('isOutgoing', () => {
  it('recognises our messages only', () => {
    expect(isOutgoing({ source: SOURCE, type: 'resize', height: 10 })).toBe(true);
    expect(isOutgoing({ source: 'other', type: 'resize' })).toBe(false);
    expect(isOutgoing(msg({}))).toBe(false);
    expect(isOutgoing('x')).toBe(false);
  });
});
