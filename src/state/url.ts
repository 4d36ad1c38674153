/**
 * URL query string ⇄ ViewState. Pure and round-tripping: `parseState(serialiseState(s)).state`
 * equals `s`. Bad values never throw: each is dropped with a notice and the rest still applies.
 * postMessage `setState` goes through the same parser (`parseStateObject`).
 */
import {
  CATEGORIES, LANGS, METRICS, LEVELS, MULTIPLES, RENDERERS, THEMES, TIERS, defaultState,
  type CameraView, type CategoryId, type Lang, type TierId, type ViewState,
} from './viewState.ts';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM } from '../geo/region.ts';

export type NoticeReason = 'unknown-param' | 'malformed' | 'unknown-value' | 'adjusted';

export interface Notice {
  param: string;
  /** The offending value, truncated; never rendered as HTML. */
  value: string;
  reason: NoticeReason;
  /** For `adjusted`: the value used instead (as the URL now writes it). */
  to?: string;
}

/**
 * The camera a link may ask for: the map's own limits (geo/region.ts: max bounds, min and max
 * zoom). A view outside them is clamped here, with an `adjusted` notice, instead of being moved
 * silently by the map.
 */
export const VIEW_LIMITS = {
  lon: [MAX_BOUNDS[0][0], MAX_BOUNDS[1][0]], lat: [MAX_BOUNDS[0][1], MAX_BOUNDS[1][1]], zoom: [MIN_ZOOM, MAX_ZOOM],
} as const satisfies Record<string, readonly [number, number]>;

/** What the data knows; optional so the parser also works before the data has loaded. */
export interface KnownValues {
  industries?: ReadonlySet<string>;
  origins?: ReadonlySet<string>;
  dests?: ReadonlySet<number>;
  focus?: ReadonlySet<string>;
  years?: readonly [number, number];
  /** Number of steps in the guided story; a larger `story=` is clamped to it (with a notice). */
  storySteps?: number;
  /** Series ids of aggregates.csv (the intake layer's `intake=`). */
  series?: ReadonlySet<string>;
}

export interface ParseResult {
  state: ViewState;
  notices: Notice[];
}

const MAX_VALUE = 200;
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const BOOL: Record<string, boolean> = { '1': true, '0': false, true: true, false: false };
/** The order parameters are written in; also the list of known parameters. */
export const PARAMS = [
  'lang', 'metric', 'industry', 'years', 'origin', 'dest', 'tier', 'category', 'focus', 'view',
  'lock', 'theme', 'embed', 'controls', 'legend', 'parentOrigin', 'embedId', 'story', 'custom', 'animate', 'renderer',
  'level', 'matrix', 'compare', 'multiples', 'net',
  'intake', 'intakeYear', 'coverage',
] as const;
export type Param = (typeof PARAMS)[number];

const clip = (v: string) => (v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) + '…' : v);

function oneOf<T extends string>(list: readonly T[], v: string): T | undefined {
  return (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A comma list (or array) of ids, each checked; bad ones produce a notice and are dropped. */
function idList(raw: string | readonly unknown[], param: string, ok: (id: string) => boolean, notices: Notice[]): string[] {
  const items = typeof raw === 'string' ? raw.split(',') : raw.map((x) => (typeof x === 'string' ? x : String(x)));
  const out: string[] = [];
  for (const item of items.map((s) => s.trim()).filter(Boolean)) {
    if (!ID.test(item) && !/^P\d{2,3}$/.test(item)) notices.push({ param, value: clip(item), reason: 'malformed' });
    else if (!ok(item)) notices.push({ param, value: clip(item), reason: 'unknown-value' });
    else if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** Years as the URL writes them: four digits (`0999`), so that the parser reads them back. */
const year = (y: number) => String(y).padStart(4, '0');
export const formatYears = (y: readonly [number, number]): string => (y[0] === y[1] ? year(y[0]) : `${year(y[0])}-${year(y[1])}`);

/** A year range; with the data's years known, clamped to them (`adjusted`) or refused when outside. */
function parseYears(v: string, known: KnownValues): [number, number] | 'malformed' | 'unknown-value' {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(v.trim());
  if (!m) return 'malformed';
  const a = Number(m[1]);
  const b = Number(m[2] ?? m[1]);
  if (a > b) return 'malformed';
  if (!known.years) return [a, b];
  const [lo, hi] = known.years;
  if (b < lo || a > hi) return 'unknown-value';
  return [Math.max(a, lo), Math.min(b, hi)];
}

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));

/**
 * `lon,lat,zoom`: malformed when not three numbers or off the globe; clamped to VIEW_LIMITS and
 * rounded as the URL writes it (so that a written view reads back the same).
 */
function parseView(v: string): { view: CameraView; clamped: boolean } | undefined {
  const parts = v.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d{1,3}(\.\d+)?$/.test(p.trim()))) return undefined;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90 || zoom < 0 || zoom > 24) return undefined;
  const c = { lon: clamp(lon, VIEW_LIMITS.lon), lat: clamp(lat, VIEW_LIMITS.lat), zoom: clamp(zoom, VIEW_LIMITS.zoom) };
  return { view: roundView(c), clamped: c.lon !== lon || c.lat !== lat || c.zoom !== zoom };
}

/** `beijing`, `tianjin`, or an adcode of the region (a planner's file may start flows in Hebei). */
function parseOrigin(v: string): string | undefined {
  return v === 'beijing' || v === 'tianjin' || /^1[123]\d{4}$/.test(v) ? v : undefined;
}

/** Input to the parser: URL params or a plain object (postMessage), values strings or arrays. */
export type RawState = Iterable<[string, string]> | Record<string, unknown>;

function entries(raw: RawState): Array<[string, unknown]> {
  if (raw instanceof URLSearchParams) return [...raw.entries()];
  if (typeof raw === 'object' && raw !== null && Symbol.iterator in raw) return [...(raw as Iterable<[string, string]>)];
  return Object.entries(raw as Record<string, unknown>);
}

/**
 * Apply raw values on top of `base` (defaults for a URL, the current state for `setState`).
 * Only the parameters present are changed.
 */
export function applyRaw(base: ViewState, raw: RawState, known: KnownValues = {}): ParseResult {
  const s: ViewState = { ...base, industry: [...base.industry], tier: [...base.tier], category: [...base.category] };
  const notices: Notice[] = [];
  const bad = (param: string, value: unknown, reason: NoticeReason = 'malformed') =>
    notices.push({ param, value: clip(typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)), reason });
  const adjusted = (param: string, value: string, to: string) => notices.push({ param, value: clip(value), reason: 'adjusted', to });

  for (const [key, value] of entries(raw)) {
    if (!(PARAMS as readonly string[]).includes(key)) {
      bad(key, value, 'unknown-param');
      continue;
    }
    const param = key as Param;
    const isList = Array.isArray(value);
    if (!isList && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean' && value !== null) {
      bad(param, value);
      continue;
    }
    const v = isList ? '' : value === null ? '' : String(value).trim();
    switch (param) {
      case 'lang': { const l = oneOf(LANGS, v); if (l) s.lang = l; else bad(param, v); break; }
      case 'metric': { const m = oneOf(METRICS, v); if (m) s.metric = m; else bad(param, v); break; }
      case 'renderer': { if (v === '' || v === 'auto') s.renderer = null; else { const r = oneOf(RENDERERS, v); if (r) s.renderer = r; else bad(param, v); } break; }
      case 'level': { if (v === '') s.level = 'fine'; else { const l = oneOf(LEVELS, v); if (l) s.level = l; else bad(param, v); } break; }
      case 'multiples': { if (v === '' || v === 'none') s.multiples = null; else { const m = oneOf(MULTIPLES, v); if (m) s.multiples = m; else bad(param, v); } break; }
      case 'theme': { if (v === '' || v === 'auto') s.theme = null; else { const t = oneOf(THEMES, v); if (t) s.theme = t; else bad(param, v); } break; }
      case 'industry':
        s.industry = idList(isList ? (value as unknown[]) : v, param, (id) => !known.industries || known.industries.has(id), notices);
        break;
      case 'tier':
        s.tier = idList(isList ? (value as unknown[]) : v, param, (id) => (TIERS as readonly string[]).includes(id), notices) as TierId[];
        break;
      case 'category':
        s.category = idList(isList ? (value as unknown[]) : v, param, (id) => (CATEGORIES as readonly string[]).includes(id), notices) as CategoryId[];
        break;
      case 'years': {
        if (v === '' || v === 'all') { s.years = null; break; }
        const y = parseYears(v, known);
        if (typeof y === 'string') { bad(param, v, y); break; }
        s.years = y;
        if (!sameYears(v, y)) adjusted(param, v, formatYears(y));
        break;
      }
      case 'compare': {
        if (v === '') { s.compare = null; break; }
        const y = parseYears(v, known);
        if (typeof y === 'string') { bad(param, v, y); break; }
        s.compare = y;
        if (!sameYears(v, y)) adjusted(param, v, formatYears(y));
        break;
      }
      case 'origin': {
        if (v === '') { s.origin = null; break; }
        const o = parseOrigin(v);
        if (!o) bad(param, v);
        else if (known.origins && !known.origins.has(o)) bad(param, v, 'unknown-value');
        else s.origin = o;
        break;
      }
      case 'dest': {
        if (v === '') { s.dest = null; break; }
        if (!/^\d{6}$/.test(v)) bad(param, v);
        else if (known.dests && !known.dests.has(Number(v))) bad(param, v, 'unknown-value');
        else s.dest = Number(v);
        break;
      }
      case 'focus': {
        if (v === '') { s.focus = null; break; }
        if (!/^(\d{6}|P\d{2,3})$/.test(v)) bad(param, v);
        else if (known.focus && !known.focus.has(v)) bad(param, v, 'unknown-value');
        else s.focus = v;
        break;
      }
      case 'view': {
        if (v === '') { s.view = null; break; }
        const cam = parseView(v);
        if (!cam) { bad(param, v); break; }
        s.view = cam.view;
        // Rounding to the URL's precision is not worth a notice; moving the camera is.
        if (cam.clamped) adjusted(param, v, formatView(cam.view));
        break;
      }
      case 'parentOrigin': {
        if (v === '') { s.parentOrigin = null; break; }
        try {
          const u = new URL(v);
          if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === v.replace(/\/$/, '')) s.parentOrigin = u.origin;
          else bad(param, v);
        } catch { bad(param, v); }
        break;
      }
      case 'embedId': {
        if (v === '') { s.embedId = null; break; }
        if (/^[A-Za-z0-9_-]{1,64}$/.test(v)) s.embedId = v; else bad(param, v);
        break;
      }
      case 'story': {
        if (v === '' || v === '0') { s.story = null; break; }
        if (!/^\d{1,2}$/.test(v)) { bad(param, v); break; }
        const n = Number(v);
        s.story = known.storySteps ? Math.min(n, known.storySteps) : n;
        if (s.story !== n) adjusted(param, v, String(s.story));
        break;
      }
      case 'intake': {
        if (v === '') { s.intake = null; break; }
        if (!ID.test(v)) bad(param, v);
        else if (known.series && !known.series.has(v)) bad(param, v, 'unknown-value');
        else s.intake = v;
        break;
      }
      case 'intakeYear': {
        if (v === '' || v === 'latest') { s.intakeYear = null; break; }
        if (!/^\d{4}$/.test(v)) bad(param, v); else s.intakeYear = Number(v);
        break;
      }
      case 'lock': case 'embed': case 'controls': case 'legend': case 'custom': case 'animate': case 'matrix': case 'coverage': case 'net': {
        const b = BOOL[v];
        if (b === undefined) bad(param, v); else s[param] = b;
        break;
      }
    }
  }
  return { state: s, notices };
}

/** Parse a query string (or URLSearchParams) into a complete state. */
export function parseState(search: string | URLSearchParams, known: KnownValues = {}, lang: Lang = 'zh'): ParseResult {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return applyRaw(defaultState(lang), params, known);
}

/** Rounded as the URL writes it (4 decimals for degrees, 2 for zoom; never `-0`). */
const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d || 0;
export const roundView = (c: CameraView): CameraView => ({ lon: round(c.lon, 4), lat: round(c.lat, 4), zoom: round(c.zoom, 2) });
export const formatView = (c: CameraView): string => { const r = roundView(c); return `${r.lon},${r.lat},${r.zoom}`; };

/** Whether the text asked for exactly these years (else the notice says which are used). */
const sameYears = (v: string, y: readonly [number, number]) => { const [a, b = a] = v.trim().split('-').map(Number); return a === y[0] && b === y[1]; };

/**
 * The state as query parameters. `lang` is always written (a link pasted into a browser with
 * another language keeps its language); the rest only where it differs from the defaults.
 */
export function serialiseState(s: ViewState): URLSearchParams {
  const d = defaultState();
  const p = new URLSearchParams();
  const put = (k: Param, v: string) => p.set(k, v);
  put('lang', s.lang);
  if (s.metric !== d.metric) put('metric', s.metric);
  if (s.industry.length) put('industry', s.industry.join(','));
  if (s.years) put('years', formatYears(s.years));
  if (s.origin) put('origin', s.origin);
  if (s.dest !== null) put('dest', String(s.dest));
  if (s.tier.length) put('tier', s.tier.join(','));
  if (s.category.length) put('category', s.category.join(','));
  if (s.focus) put('focus', s.focus);
  if (s.view) put('view', formatView(s.view));
  if (s.lock) put('lock', '1');
  if (s.theme) put('theme', s.theme);
  if (s.embed) put('embed', '1');
  if (!s.controls) put('controls', '0');
  if (!s.legend) put('legend', '0');
  if (s.parentOrigin) put('parentOrigin', s.parentOrigin);
  if (s.embedId) put('embedId', s.embedId);
  if (s.story !== null) put('story', String(s.story));
  if (s.custom) put('custom', '1');
  if (s.animate) put('animate', '1');
  if (s.renderer) put('renderer', s.renderer);
  if (s.level !== d.level) put('level', s.level);
  if (s.matrix) put('matrix', '1');
  if (s.compare) put('compare', formatYears(s.compare));
  if (s.multiples) put('multiples', s.multiples);
  if (s.net) put('net', '1');
  if (s.intake) put('intake', s.intake);
  if (s.intakeYear !== null) put('intakeYear', year(s.intakeYear));
  if (s.coverage) put('coverage', '1');
  return p;
}

/** `?lang=zh&industry=pharma,automotive`: commas left readable. */
export function queryString(s: ViewState): string {
  return `?${serialiseState(s).toString().replace(/%2C/gi, ',')}`;
}
