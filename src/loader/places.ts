/**
 * Place names → adcodes, for the loader's simple form (origin, destination, value). A cell is
 * either a 6-digit adcode or a Chinese or English name as on the boundary file: "沧州", "沧州市",
 * "Cangzhou" and "Cangzhou City" all give 130900; districts and counties work too. A name that
 * fits several units ("Wei County": 魏县 and 威县) is reported with the candidates, never guessed.
 * Pure: build it from the boundary layers (in the browser or in the loader's worker).
 */
import type { Adcode } from '../data/types.ts';

export type Level = 'province' | 'prefecture' | 'county';

/** What the index needs about a unit (properties of the boundary file's features). */
export interface UnitInfo {
  adcode: Adcode;
  name_zh: string;
  name_en: string;
  /** Prefecture for counties, province for prefectures; ignored for provinces. */
  parent: number;
}

export interface UnitLayers {
  region: { features: ReadonlyArray<{ properties: UnitInfo }> };
  prefectures: { features: ReadonlyArray<{ properties: UnitInfo }> };
  counties: { features: ReadonlyArray<{ properties: UnitInfo }> };
}

export type PlaceMatch =
  | { ok: true; adcode: Adcode }
  | { ok: false; reason: string };

export interface PlaceIndex {
  /** An adcode for a cell, or why there is none (unknown, ambiguous, too long). */
  resolve(cell: string): PlaceMatch;
  /** Chinese or English name of a unit. */
  name(adcode: Adcode, lang: 'zh' | 'en'): string | undefined;
}

/** Longest place name accepted, in characters. */
export const MAX_NAME = 200;

const RANK: Record<Level, number> = { province: 0, prefecture: 1, county: 2 };

/** Case, width, spaces, apostrophes and hyphens do not count: "Qian'an" = "qianan" = "Ｑｉａｎ ａｎ". */
export function normalizeName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s'’‘`´\-‐–—.·•_]/gu, '');
}

const ZH_SUFFIX = /(?:(?:满族蒙古族|满族|回族|蒙古族)?自治县|新区|市|区|县|省)$/u;
const EN_SUFFIX = /(?:(?:manchuandmongol|manchu|hui|mongol)?autonomouscounty|newarea|municipality|prefecture|province|district|county|city)$/u;

/** The name without its administrative suffix, when at least two characters are left. */
export function shortName(normalized: string): string | null {
  const isZh = /[\u3400-\u9fff]/u.test(normalized);
  const stripped = normalized.replace(isZh ? ZH_SUFFIX : EN_SUFFIX, '');
  if (stripped === normalized) return null;
  return [...stripped].length >= 2 ? stripped : null;
}

interface Entry {
  adcode: Adcode;
  level: Level;
}

export function placeIndex(layers: UnitLayers): PlaceIndex {
  const units = new Map<Adcode, UnitInfo & { level: Level }>();
  const add = (p: UnitInfo, level: Level) => {
    const known = units.get(p.adcode);
    // Beijing and Tianjin are both a province and a prefecture: keep the higher level.
    if (!known || RANK[level] < RANK[known.level]) units.set(p.adcode, { ...p, level });
  };
  for (const f of layers.region.features) add(f.properties, 'province');
  for (const f of layers.prefectures.features) add(f.properties, 'prefecture');
  for (const f of layers.counties.features) add(f.properties, 'county');

  const exact = new Map<string, Entry[]>();
  const short = new Map<string, Entry[]>();
  const put = (map: Map<string, Entry[]>, key: string | null, e: Entry) => {
    if (!key) return;
    const list = map.get(key) ?? [];
    if (!list.some((x) => x.adcode === e.adcode)) list.push(e);
    map.set(key, list);
  };
  for (const u of units.values()) {
    const e = { adcode: u.adcode, level: u.level };
    for (const name of [u.name_zh, u.name_en]) {
      if (!name) continue;
      const n = normalizeName(name);
      put(exact, n, e);
      put(short, shortName(n), e);
    }
  }

  const describe = (a: Adcode) => {
    const u = units.get(a)!;
    const parent = u.level === 'county' ? units.get(u.parent) : undefined;
    return `${a} ${u.name_zh}${parent ? ` (${parent.name_zh} ${parent.name_en})` : ''}`;
  };

  /** One unit from a list of candidates: the only one, or the only one at the highest level. */
  const pick = (list: readonly Entry[] | undefined): readonly Entry[] | undefined => {
    if (!list || list.length === 0) return undefined;
    if (list.length === 1) return list;
    const top = Math.min(...list.map((e) => RANK[e.level]));
    const best = list.filter((e) => RANK[e.level] === top);
    return best.length === 1 ? best : list;
  };

  const cache = new Map<string, PlaceMatch>();
  const resolveUncached = (raw: string): PlaceMatch => {
    const cell = raw.trim();
    const length = [...cell].length;
    if (length > MAX_NAME) return { ok: false, reason: `place name of ${length} characters, at most ${MAX_NAME} allowed` };
    if (/^\d{6}$/.test(cell)) {
      const a = Number(cell);
      return units.has(a) ? { ok: true, adcode: a } : { ok: false, reason: `unknown adcode ${cell}` };
    }
    const n = normalizeName(cell);
    const s = shortName(n);
    // Exact names first ("Chengde County" is the county), then names without a suffix
    // ("Cangzhou City" → "cangzhou"; "承德" → the prefecture 承德市 rather than 承德县).
    const found = pick(exact.get(n)) ?? pick(short.get(n)) ?? (s ? pick(exact.get(s)) ?? pick(short.get(s)) : undefined);
    const shown = JSON.stringify(length > 40 ? `${[...cell].slice(0, 40).join('')}…` : cell);
    if (!found) return { ok: false, reason: `no place named ${shown} in Beijing, Tianjin or Hebei (use the name on the map or a 6-digit adcode)` };
    if (found.length > 1) {
      return { ok: false, reason: `${shown} fits several places: ${found.map((e) => describe(e.adcode)).join('; ')}; give the adcode` };
    }
    return { ok: true, adcode: found[0]!.adcode };
  };

  return {
    resolve(cell) {
      let m = cache.get(cell);
      if (!m) {
        m = resolveUncached(cell);
        if (cache.size < 100_000) cache.set(cell, m);
      }
      return m;
    },
    name(adcode, lang) {
      const u = units.get(adcode);
      if (!u) return undefined;
      return lang === 'en' ? u.name_en || u.name_zh : u.name_zh;
    },
  };
}
