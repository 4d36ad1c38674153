/**
 * Place search (issue 18): districts, counties, prefectures, provinces and platforms found by
 * their Chinese or English name, Hanyu Pinyin with or without tones and spaces, or adcode.
 * Pure; built once from the same units, aliases and platforms as the loader's resolver
 * (src/data/placeNames.ts — one gazetteer, one set of rules): what the resolver reads as one
 * place comes first, what it finds ambiguous is listed with every candidate (never guessed),
 * then names that begin with, then contain, what was typed.
 *
 * Pinyin: the English names of units are Hanyu Pinyin ("Cangzhou", "Cang County"); their keys
 * are also written with the suffix in pinyin ("cangxian", "chaoyangqu"), and a query's tone
 * marks (cāngzhōu) and tone numbers (cang1zhou1) are dropped.
 */
import { shortKey, type PlaceResolver, type PlaceUnit, type PlatformName } from '../data/placeNames.ts';
import { matchKey } from '../data/text.ts';
import type { Adcode } from '../data/types.ts';

export type PlaceKind = 'province' | 'prefecture' | 'county' | 'platform';

export interface SearchEntry {
  /** What `focus=` takes: an adcode as text, or a platform id. */
  key: string;
  kind: PlaceKind;
  adcode: Adcode;
  nameZh: string;
  nameEn: string;
  /** The unit it lies in (a county's prefecture, a platform's district), for telling like names apart. */
  parentZh: string;
  parentEn: string;
  /** Match keys (./placeSearch.ts `searchKey`), best first. */
  keys: string[];
}

export interface SearchIndex {
  entries: readonly SearchEntry[];
  resolver: Pick<PlaceResolver, 'resolve'>;
  /** Entries by focus key, and units by adcode. */
  byKey: ReadonlyMap<string, SearchEntry>;
  unitOf: ReadonlyMap<Adcode, SearchEntry>;
}

export interface SearchResult {
  entry: SearchEntry;
  /** 0 the resolver's one reading, 1 one of several the resolver found, 2 a name or code that begins with the query, 3 contains it. */
  score: 0 | 1 | 2 | 3;
}

export interface SearchAnswer {
  results: SearchResult[];
  /**
   * The place Enter may take without choosing: the resolver's single reading, or the only
   * result. Null when several places fit equally (the user chooses).
   */
  best: SearchResult | null;
}

const KIND_RANK: Record<PlaceKind, number> = { province: 0, prefecture: 1, county: 2, platform: 3 };

/** English suffixes and their pinyin, so "cangxian" finds Cang County (沧县). */
const PINYIN_SUFFIX: ReadonlyArray<[RegExp, string]> = [
  [/autonomouscounty$/u, 'zizhixian'],
  [/newarea$/u, 'xinqu'],
  [/county$/u, 'xian'],
  [/district$/u, 'qu'],
  [/city$/u, 'shi'],
  [/municipality$/u, 'shi'],
  [/province$/u, 'sheng'],
];

/** The key a query or name is compared by: matchKey without tone marks or tone numbers. */
export function searchKey(s: string): string {
  const k = matchKey(s.normalize('NFD').replace(/[\u0300-\u036f]/gu, ''));
  // cang1zhou1 → cangzhou (digits after a letter); a code stays a code.
  return /[a-z]/u.test(k) ? k.replace(/(?<=[a-zü])[1-5]/gu, '').replace(/ü/gu, 'v') : k;
}

function keysOf(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const k = searchKey(name);
    keys.add(k);
    const short = shortKey(k);
    if (short) keys.add(short);
    for (const [re, py] of PINYIN_SUFFIX) if (re.test(k)) keys.add(k.replace(re, py));
  }
  return [...keys];
}

export interface SearchInput {
  units: readonly PlaceUnit[];
  platforms?: readonly PlatformName[];
  resolver: Pick<PlaceResolver, 'resolve'>;
}

export function buildSearchIndex(input: SearchInput): SearchIndex {
  const units = new Map<Adcode, PlaceUnit>();
  for (const u of input.units) {
    const known = units.get(u.adcode);
    if (!known || KIND_RANK[u.level] < KIND_RANK[known.level]) units.set(u.adcode, u);
  }
  const parentOf = (a: Adcode, self: boolean): PlaceUnit | undefined => {
    const u = units.get(a);
    if (!u) return undefined;
    if (!self) return u;
    return u.parent !== u.adcode ? units.get(u.parent) : undefined;
  };
  const entries: SearchEntry[] = [];
  for (const u of units.values()) {
    const p = parentOf(u.adcode, true);
    entries.push({ key: String(u.adcode), kind: u.level, adcode: u.adcode, nameZh: u.nameZh, nameEn: u.nameEn || u.nameZh, parentZh: p?.nameZh ?? '', parentEn: p?.nameEn ?? '', keys: keysOf([u.nameZh, u.nameEn]) });
  }
  for (const pl of input.platforms ?? []) {
    const p = parentOf(pl.adcode, false);
    entries.push({ key: pl.id, kind: 'platform', adcode: pl.adcode, nameZh: pl.nameZh, nameEn: pl.nameEn || pl.nameZh, parentZh: p?.nameZh ?? '', parentEn: p?.nameEn ?? '', keys: keysOf([pl.nameZh, pl.nameEn]) });
  }
  entries.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.adcode - b.adcode || (a.key < b.key ? -1 : 1));
  const byKey = new Map<string, SearchEntry>();
  const unitOf = new Map<Adcode, SearchEntry>();
  for (const e of entries) {
    byKey.set(e.key, e);
    if (e.kind !== 'platform') unitOf.set(e.adcode, e);
  }
  return { entries, resolver: input.resolver, byKey, unitOf };
}

/** Places for `query`, best first (at most `limit`). */
export function searchPlaces(index: SearchIndex, query: string, limit = 12): SearchAnswer {
  const q = searchKey(query);
  if (q === '') return { results: [], best: null };
  const { byKey, unitOf } = index;
  const scored = new Map<SearchEntry, SearchResult['score']>();
  const give = (e: SearchEntry | undefined, score: SearchResult['score']) => {
    if (e && (scored.get(e) ?? 9) > score) scored.set(e, score);
  };
  // The resolver's reading: the one set of rules the loader uses.
  let m = index.resolver.resolve(query);
  if (!m.ok && m.kind !== 'ambiguous' && q !== matchKey(query)) m = index.resolver.resolve(q);
  if (m.ok) give(m.platformId ? byKey.get(m.platformId) : unitOf.get(m.adcode), 0);
  else if (m.kind === 'ambiguous') for (const a of m.candidates) give(unitOf.get(a), 1);
  const isCode = /^\d+$/u.test(q);
  for (const e of index.entries) {
    if (isCode) {
      if (e.kind !== 'platform' && e.key.startsWith(q)) give(e, 2);
      continue;
    }
    let best: SearchResult['score'] | null = null;
    for (const k of e.keys) {
      if (k.startsWith(q)) {
        best = 2;
        break;
      }
      if (best === null && k.includes(q)) best = 3;
    }
    if (best !== null) give(e, best);
  }
  const results = [...scored].map(([entry, score]) => ({ entry, score }));
  results.sort((a, b) => a.score - b.score || KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind] || a.entry.adcode - b.entry.adcode || (a.entry.key < b.entry.key ? -1 : 1));
  const top = results[0];
  let best: SearchResult | null = null;
  if (top?.score === 0) best = top;
  else if (top && top.score !== 1 && results.length === 1) best = top;
  else if (top && top.score === 2 && results[1]?.score !== 2) best = top;
  return { results: results.slice(0, limit), best };
}
