/**
 * The embed message API over `window.postMessage` — pure, no DOM.
 *
 * Outgoing (map → parent page), all with `source: 'jjj-transfer-map'`:
 *   ready   { height, query, state }   once, when the map has first drawn
 *   resize  { height }                 the document height, whenever it changes
 *   state   { query, state }           after each change of the view state
 *   select  { kind, id, … }            a place, platform or arc was chosen
 * Incoming (parent → map):
 *   { target: 'jjj-transfer-map', type: 'setState', state: { industry: 'pharma', … } }
 *
 * `state` objects use the URL's fields and string values (lists as comma strings), so a parent
 * can send back what it received. Incoming `state` may give lists as arrays too.
 */
import { PARAMS, serialiseState } from '../state/url.ts';
import type { ViewState } from '../state/viewState.ts';
import type { SelectableHit } from '../selectors/hit.ts';
import { endName, type Names } from '../i18n/names.ts';

export const SOURCE = 'jjj-transfer-map';
export const PROTOCOL_VERSION = 1;

/** The URL state as a complete, round-trippable record of strings (`''` = not set). */
export type UrlFields = Record<(typeof PARAMS)[number], string>;

export type SelectMessage =
  | { source: typeof SOURCE; type: 'select'; kind: 'platform'; id: string; name_zh: string; name_en: string; tier: string; adcode: number; lon: number; lat: number }
  | { source: typeof SOURCE; type: 'select'; kind: 'place'; id: string; role: 'origin' | 'destination'; name_zh: string; name_en: string; lon: number; lat: number }
  | { source: typeof SOURCE; type: 'select'; kind: 'arc'; id: string; origin: string; destination: string; industry: string; value: number; flowIds: string[] };

export type OutgoingMessage =
  | { source: typeof SOURCE; type: 'ready'; version: number; height: number; query: string; state: UrlFields }
  | { source: typeof SOURCE; type: 'resize'; height: number }
  | { source: typeof SOURCE; type: 'state'; query: string; state: UrlFields }
  | SelectMessage;

/** A value the URL parser accepts: a scalar, or a list of ids. */
export type IncomingValue = string | number | boolean | null | Array<string | number>;
/** The `state` of an incoming `{ target: SOURCE, type: 'setState', state }` message. */
export type SetStatePayload = Record<string, IncomingValue>;

/** Fields fixed by the iframe's own address: a parent cannot switch them by message (dropped). */
export const FIXED_FIELDS: ReadonlySet<string> = new Set(['embed', 'parentOrigin', 'embedId', 'custom']);

/** Limits: anything bigger is not a message we sent for, and is ignored as a whole. */
const MAX_KEYS = 32;
const MAX_STRING = 1000;
const MAX_LIST = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

function scalarOk(v: unknown): v is string | number | boolean | null {
  if (v === null || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && v.length <= MAX_STRING;
}

/**
 * The `state` of a well-formed `setState` message from an allowed origin, or null.
 *
 * Null (the message is ignored) for: a wrong origin when `parentOrigin` is set; anything but a
 * plain object with `target: 'jjj-transfer-map'`, `type: 'setState'` and a plain-object `state`;
 * prototype keys (`__proto__`, `constructor`, `prototype`); more than 32 fields; values other
 * than strings (≤ 1000 chars), finite numbers, booleans, null or lists (≤ 64 strings/numbers).
 * The result is a fresh null-prototype object. Fixed fields (`embed`, `parentOrigin`, `custom`)
 * are dropped; other unknown names are kept so that the URL parser reports them, as for a link.
 * Pure: never throws, reads own data properties only (no getters run).
 */
export function parseIncoming(data: unknown, origin: string, parentOrigin: string | null): SetStatePayload | null {
  try {
    if (parentOrigin !== null && origin !== parentOrigin) return null;
    if (!isPlainObject(data)) return null;
    if (own(data, 'target') !== SOURCE || own(data, 'type') !== 'setState') return null;
    const state = own(data, 'state');
    if (!isPlainObject(state)) return null;
    const keys = Reflect.ownKeys(state);
    if (keys.length > MAX_KEYS) return null;
    const out = Object.create(null) as SetStatePayload;
    for (const key of keys) {
      if (typeof key !== 'string' || FORBIDDEN_KEYS.has(key) || key.length > 64) return null;
      const d = Object.getOwnPropertyDescriptor(state, key);
      if (!d || !('value' in d)) return null;
      const v: unknown = d.value;
      let value: IncomingValue;
      if (Array.isArray(v)) {
        if (v.length > MAX_LIST || Object.getPrototypeOf(v) !== Array.prototype) return null;
        const items: Array<string | number> = [];
        for (let i = 0; i < v.length; i++) {
          const item = Object.getOwnPropertyDescriptor(v, i);
          const x: unknown = item && 'value' in item ? item.value : undefined;
          if (!((typeof x === 'string' && x.length <= MAX_STRING) || (typeof x === 'number' && Number.isFinite(x)))) return null;
          items.push(x);
        }
        value = items;
      } else if (scalarOk(v)) value = v;
      else return null;
      if (!FIXED_FIELDS.has(key)) out[key] = value;
    }
    return out;
  } catch {
    // A Proxy or another exotic object that throws when inspected.
    return null;
  }
}

/** An own data property (never a getter or an inherited value). */
function own(o: object, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? (d.value as unknown) : undefined;
}

/** Every URL field as a string (`''` when unset, `'1'`/`'0'` for switches), for `state` messages. */
export function urlFields(s: ViewState): UrlFields {
  const written = serialiseState(s);
  const out = {} as UrlFields;
  for (const p of PARAMS) {
    // Switches (every boolean field of the state) are written both ways, so '0' can switch one off.
    const b: unknown = (s as unknown as Record<string, unknown>)[p];
    out[p] = typeof b === 'boolean' ? (b ? '1' : '0') : (written.get(p) ?? '');
  }
  out.metric = s.metric;
  return out;
}

/** The selection as plain, cloneable data (names in both languages). */
export function selectMessage(hit: SelectableHit, names: Names): SelectMessage {
  if (hit.kind === 'platform') {
    const p = hit.platform;
    return { source: SOURCE, type: 'select', kind: 'platform', id: p.id, name_zh: p.nameZh, name_en: p.nameEn, tier: p.tier, adcode: p.adcode, lon: p.lon, lat: p.lat };
  }
  if (hit.kind === 'place') {
    const pl = hit.place;
    return {
      source: SOURCE, type: 'select', kind: 'place', id: pl.key, role: pl.role,
      name_zh: endName(names, pl.key, pl.place.adcode, 'zh'), name_en: endName(names, pl.key, pl.place.adcode, 'en'),
      lon: pl.place.lon, lat: pl.place.lat,
    };
  }
  const a = hit.arc;
  return {
    source: SOURCE, type: 'select', kind: 'arc', id: a.id, origin: a.originKey, destination: a.destinationKey,
    industry: a.industry, value: a.value, flowIds: a.flows.map((f) => f.id),
  };
}

/** True for a message this map sent (for parent pages and embed.js). */
export function isOutgoing(data: unknown): data is OutgoingMessage {
  return isPlainObject(data) && data.source === SOURCE && typeof data.type === 'string';
}
