/**
 * Place names → adcodes: the one set of rules for the loader, the build's validator and a place
 * search box. Pure and browser-safe (no DOM, no geometry); build it once from the boundary
 * file's units, the alias table (data/names/place-aliases.csv, ./placeAliases.ts) and the platforms.
 *
 * A cell is read as (first rule that applies):
 *
 * 1. a 6-digit adcode, or a 12-digit statistical code (its first 6 digits); an adcode retired
 *    since 2009 gives today's unit with a note;
 * 2. one name: a unit's Chinese or English name with or without its suffix (沧州, 沧州市,
 *    Cangzhou City, Huanghua Shi), a historic name (崇文区 → 东城区, with a note), a zone
 *    (雄安新区, 北京经济技术开发区 → its district, with a note) or a platform's own name;
 * 3. a hierarchy written in one cell, large to small or (with commas) small to large, with or
 *    without suffixes and separators: 河北省沧州市黄骅市, 河北沧州黄骅, 沧州市-黄骅市, 北京 朝阳,
 *    "Huanghua, Cangzhou, Hebei". Each part must lie in the one before it.
 *
 * Among the readings of a name, today's unit names come first, then zones and platforms, then
 * historic names, then names without their suffix; within a tier the higher level wins (承德 is
 * the prefecture, not 承德县). A name that still fits several places is refused with the
 * candidates ("Wei County": 魏县 130434 and 威县 130533), never guessed.
 */
import type { Adcode } from './types.ts';
import { clean, matchKey, quote } from './text.ts';
import type { PlaceAlias } from './placeAliases.ts';

export type Level = 'province' | 'prefecture' | 'county';

export interface PlaceUnit {
  adcode: Adcode;
  nameZh: string;
  nameEn: string;
  /** The prefecture of a county, the province of a prefecture; the province itself for a province. */
  parent: Adcode;
  level: Level;
}

/** A published platform, found by its own names. */
export interface PlatformName {
  id: string;
  nameZh: string;
  nameEn: string;
  adcode: Adcode;
}

/** Why a name was read as another unit (historic names, zones, platforms): shown to the user. */
export interface PlaceNote {
  zh: string;
  en: string;
}

export type PlaceMatch =
  | { ok: true; adcode: Adcode; platformId: string | null; note: PlaceNote | null }
  | { ok: false; kind: 'unknown' | 'ambiguous' | 'invalid'; reason: string; candidates: Adcode[] };

export interface PlaceResolver {
  resolve(cell: string): PlaceMatch;
  name(adcode: Adcode, lang: 'zh' | 'en'): string | undefined;
  /** Every unit, for a searchable list of places. */
  units(): readonly PlaceUnit[];
}

export interface ResolverInput {
  units: readonly PlaceUnit[];
  aliases?: readonly PlaceAlias[];
  platforms?: readonly PlatformName[];
}

/** Unit properties as the boundary file has them (its `region`, `prefectures`, `counties` layers). */
export interface UnitProperties {
  adcode: Adcode;
  name_zh: string;
  name_en: string;
  /** Prefecture for counties, province for prefectures; ignored for provinces. */
  parent: number;
}

export interface UnitLayers {
  region: { features: ReadonlyArray<{ properties: UnitProperties }> };
  prefectures: { features: ReadonlyArray<{ properties: UnitProperties }> };
  counties: { features: ReadonlyArray<{ properties: UnitProperties }> };
}

/** The boundary file's layers → the resolver's units. */
export function unitsFromLayers(layers: UnitLayers): PlaceUnit[] {
  const out: PlaceUnit[] = [];
  const add = (p: UnitProperties, level: Level) => out.push({ adcode: p.adcode, nameZh: p.name_zh, nameEn: p.name_en, parent: level === 'province' ? p.adcode : p.parent, level });
  for (const f of layers.region.features) add(f.properties, 'province');
  for (const f of layers.prefectures.features) add(f.properties, 'prefecture');
  for (const f of layers.counties.features) add(f.properties, 'county');
  return out;
}

/** Why an adcode is refused: one outside the region (Shanghai's 310115, say) is said to be. */
export function unknownAdcode(code: string): string {
  return /^1[123]/.test(code) ? `unknown adcode ${code}` : `unknown adcode ${code}: not in Beijing, Tianjin or Hebei (adcodes there start with 11, 12 or 13)`;
}

/** Longest place name accepted, in characters. */
export const MAX_NAME = 200;

const RANK: Record<Level, number> = { province: 0, prefecture: 1, county: 2 };

/** Tiers of a reading (lower wins). */
const enum Tier {
  Unit = 0,
  Zone = 1,
  Historic = 2,
  UnitShort = 3,
  HistoricShort = 4,
}

interface Reading {
  adcodes: readonly Adcode[];
  tier: Tier;
  /** Rank of the level (0 province … 3 zone/platform). */
  rank: number;
  platformId: string | null;
  note: PlaceNote | null;
  /** For a short name: the suffix the full name has (市, 区, 县 …), to check a written suffix against. */
  suffix: string | null;
}

const ZH_SUFFIX = /(?:(?:满族蒙古族|满族|回族|蒙古族)?自治县|新区|市|区|县|省)$/u;
const EN_SUFFIX = /(?:(?:manchuandmongol|manchu|hui|mongol)?autonomouscounty|newarea|municipality|prefecture|province|district|county|city)$/u;

/** A suffix written after a short name, and the Chinese suffix it stands for. */
const WRITTEN_SUFFIX: ReadonlyArray<[string, string]> = [
  ['自治县', '县'],
  ['新区', '新区'],
  ['市', '市'],
  ['区', '区'],
  ['县', '县'],
  ['省', '省'],
  ['autonomouscounty', '县'],
  ['newarea', '新区'],
  ['municipality', '市'],
  ['province', '省'],
  ['district', '区'],
  ['county', '县'],
  ['city', '市'],
  ['sheng', '省'],
  ['shi', '市'],
  ['qu', '区'],
  ['xian', '县'],
];

/** Words that may precede or sit between the parts of an address and say nothing. */
const FILLERS = ['中华人民共和国', '中国', 'china', 'prc', '市辖区'];

/** The key without its administrative suffix, when at least two characters are left. */
export function shortKey(key: string): string | null {
  const isZh = /[\u3400-\u9fff]/u.test(key);
  const stripped = key.replace(isZh ? ZH_SUFFIX : EN_SUFFIX, '');
  if (stripped === key) return null;
  return Array.from(stripped).length >= 2 ? stripped : null;
}

/** The Chinese suffix of a Chinese name (市, 区, 县, 省, 新区). */
function zhSuffix(nameZh: string): string | null {
  const m = /(新区|市|区|县|省)$/u.exec(nameZh);
  return m ? m[1]! : null;
}

export function placeResolver(input: ResolverInput): PlaceResolver {
  const units = new Map<Adcode, PlaceUnit>();
  for (const u of input.units) {
    const known = units.get(u.adcode);
    // Beijing and Tianjin are both a province and a prefecture: keep the higher level.
    if (!known || RANK[u.level] < RANK[known.level]) units.set(u.adcode, u);
  }
  const index = new Map<string, Reading[]>();
  let longest = 0;
  const put = (key: string | null, r: Reading) => {
    if (!key) return;
    const list = index.get(key) ?? [];
    if (list.some((x) => x.tier === r.tier && x.adcodes.join() === r.adcodes.join() && x.platformId === r.platformId)) return;
    list.push(r);
    index.set(key, list);
    longest = Math.max(longest, key.length);
  };

  for (const u of units.values()) {
    const base = { adcodes: [u.adcode], rank: RANK[u.level], platformId: null, note: null };
    for (const name of [u.nameZh, u.nameEn]) {
      if (!name) continue;
      const k = matchKey(name);
      const short = shortKey(k);
      // A name written without its suffix ("Huanghua") may be followed by one ("Huanghua Shi").
      put(k, { ...base, tier: Tier.Unit, suffix: short === null ? zhSuffix(u.nameZh) : null });
      put(short, { ...base, tier: Tier.UnitShort, suffix: zhSuffix(u.nameZh) });
    }
  }
  /** Is `inner` inside `outer` (or the same unit)? */
  const within = (inner: Adcode, outer: Adcode): boolean => {
    for (let a: Adcode | undefined = inner, depth = 0; a !== undefined && depth < 4; depth++) {
      if (a === outer) return true;
      const u = units.get(a);
      if (!u || u.parent === a) return false;
      a = u.parent;
    }
    return false;
  };

  const unitName = (a: Adcode) => units.get(a)?.nameZh ?? String(a);
  const unitNameEn = (a: Adcode) => units.get(a)?.nameEn || unitName(a);

  /** The units only: used to keep platform names from hiding a unit's name. */
  const unitReadable = (key: string) => parse(key, 'units').length > 0;

  const oldCodes = new Map<Adcode, PlaceAlias>();
  for (const a of input.aliases ?? []) {
    const adcodes = a.adcodes.filter((c) => units.has(c));
    if (adcodes.length === 0) continue;
    const deepest = Math.max(...adcodes.map((c) => RANK[units.get(c)!.level]));
    const note: PlaceNote = {
      zh: `${a.nameZh}：${a.noteZh}${adcodes.length === 1 ? `（${adcodes[0]} ${unitName(adcodes[0]!)}）` : ''}`,
      en: `${a.nameEn || a.nameZh}: ${a.noteEn}${adcodes.length === 1 ? ` (${adcodes[0]} ${unitNameEn(adcodes[0]!)})` : ''}`,
    };
    const historic = a.kind === 'historic';
    const r = { adcodes, rank: historic ? deepest : 3, platformId: a.platformId, note };
    for (const name of [a.nameZh, a.nameEn]) {
      if (!name) continue;
      const k = matchKey(name);
      const short = shortKey(k);
      put(k, { ...r, tier: historic ? Tier.Historic : Tier.Zone, suffix: historic && short === null ? zhSuffix(a.nameZh) : null });
      if (historic) put(short, { ...r, tier: Tier.HistoricShort, suffix: zhSuffix(a.nameZh) });
    }
    if (historic && a.oldAdcode !== null && !units.has(a.oldAdcode)) oldCodes.set(a.oldAdcode, { ...a, adcodes });
  }
  for (const p of input.platforms ?? []) {
    if (!units.has(p.adcode)) continue;
    const note: PlaceNote = {
      zh: `${p.nameZh}：平台 ${p.id}，在${unitName(p.adcode)}（${p.adcode}）`,
      en: `${p.nameEn || p.nameZh}: platform ${p.id}, in ${unitNameEn(p.adcode)} (${p.adcode})`,
    };
    for (const key of platformKeys(p)) {
      // A platform's name never hides a unit's ("固安（…分园）" gives the key 固安: that stays 固安县).
      if (unitReadable(key)) continue;
      put(key, { adcodes: [p.adcode], tier: Tier.Zone, rank: 3, platformId: p.id, note, suffix: null });
    }
  }

  interface Parse {
    readings: Reading[];
    tokens: number;
    tiers: number;
  }

  /**
   * Every way of reading `key` as a chain of names, each inside the one before (the last token's
   * readings that fit). Only the best parses are returned: fewest tokens, then lowest tiers.
   */
  function parse(key: string, only: 'units' | 'all'): Parse[] {
    const results: Parse[] = [];
    let budget = 2000; // steps: a pathological cell cannot take long
    const step = (pos: number, outer: Adcode | null, tokens: number, tiers: number) => {
      if (--budget < 0) return;
      if (pos === key.length) return;
      for (const filler of FILLERS) if (key.startsWith(filler, pos) && pos + filler.length < key.length) step(pos + filler.length, outer, tokens, tiers);
      const max = Math.min(key.length, pos + longest);
      for (let end = pos + 1; end <= max; end++) {
        const list = index.get(key.slice(pos, end));
        if (!list) continue;
        const suffixes: Array<[number, string | null]> = [[end, null]];
        for (const [written, zh] of WRITTEN_SUFFIX) if (key.startsWith(written, end)) suffixes.push([end + written.length, zh]);
        for (const [stop, zh] of suffixes) {
          let fit = list.filter((r) => (only === 'all' || r.tier === Tier.Unit || r.tier === Tier.UnitShort) && (zh === null || (r.suffix !== null && r.suffix === zh)));
          if (outer !== null) fit = fit.filter((r) => r.adcodes.every((a) => a !== outer && within(a, outer)) || (r.rank === 3 && r.adcodes.every((a) => within(a, outer))));
          if (fit.length === 0) continue;
          const tier = Math.min(...fit.map((r) => r.tier));
          const best = fit.filter((r) => r.tier === tier);
          if (stop === key.length) {
            results.push({ readings: best, tokens: tokens + 1, tiers: tiers + tier });
            continue;
          }
          // Inner parts: go on from each place this part can be.
          const seen = new Set<Adcode>();
          for (const r of best) {
            if (r.adcodes.length !== 1 || seen.has(r.adcodes[0]!)) continue;
            seen.add(r.adcodes[0]!);
            step(stop, r.adcodes[0]!, tokens + 1, tiers + tier);
          }
        }
      }
    };
    step(0, null, 0, 0);
    if (results.length === 0) return results;
    const fewest = Math.min(...results.map((r) => r.tokens));
    const short = results.filter((r) => r.tokens === fewest);
    const lowest = Math.min(...short.map((r) => r.tiers));
    return short.filter((r) => r.tiers === lowest);
  }

  const describe = (a: Adcode) => {
    const u = units.get(a);
    if (!u) return String(a);
    const parent = u.level === 'county' ? units.get(u.parent) : undefined;
    return `${a} ${u.nameZh}${parent ? ` (${parent.nameZh} ${parent.nameEn})` : ''}`;
  };

  const found = (r: Reading): PlaceMatch => ({ ok: true, adcode: r.adcodes[0]!, platformId: r.platformId, note: r.note });
  const ambiguous = (shown: string, adcodes: Adcode[]): PlaceMatch => ({
    ok: false,
    kind: 'ambiguous',
    reason: `${shown} fits several places: ${adcodes.map(describe).join('; ')}; give the adcode`,
    candidates: adcodes,
  });

  /** One place from the readings of the best parses, or why not. */
  const choose = (parses: Parse[], shown: string): PlaceMatch | null => {
    if (parses.length === 0) return null;
    const readings = parses.flatMap((p) => p.readings);
    const distinct = new Map<string, Reading>();
    for (const r of readings) {
      const k = `${r.adcodes.join(';')}|${r.platformId ?? ''}`;
      const known = distinct.get(k);
      // The same place by a unit's name and by an alias: the unit's reading (no note).
      if (!known || r.tier < known.tier) distinct.set(k, r);
    }
    let list = [...distinct.values()];
    if (list.length > 1) {
      const top = Math.min(...list.map((r) => r.rank));
      const best = list.filter((r) => r.rank === top);
      if (best.length === 1) list = best;
    }
    if (list.length === 1 && list[0]!.adcodes.length === 1) return found(list[0]!);
    const adcodes = [...new Set(list.flatMap((r) => r.adcodes))];
    if (adcodes.length === 1) return found({ ...list[0]!, adcodes });
    return ambiguous(shown, adcodes);
  };

  const resolveUncached = (raw: string): PlaceMatch => {
    const cell = clean(raw);
    const length = cell.length > MAX_NAME ? Array.from(cell).length : cell.length;
    if (length > MAX_NAME) return { ok: false, kind: 'invalid', reason: `place name of ${length} characters, at most ${MAX_NAME} allowed`, candidates: [] };
    const shown = quote(cell);
    const code = /^(\d{6})(\d{6})?$/.exec(cell);
    if (code) {
      const a = Number(code[1]);
      if (units.has(a)) return { ok: true, adcode: a, platformId: null, note: null };
      const old = oldCodes.get(a);
      if (old) {
        if (old.adcodes.length > 1) return ambiguous(`adcode ${a} (${old.nameZh}, ${old.noteEn})`, [...old.adcodes]);
        return { ok: true, adcode: old.adcodes[0]!, platformId: null, note: { zh: `${a} ${old.nameZh}：${old.noteZh}`, en: `${a} ${old.nameEn || old.nameZh}: ${old.noteEn}` } };
      }
      return { ok: false, kind: 'unknown', reason: unknownAdcode(code[1]!), candidates: [] };
    }
    const key = matchKey(cell);
    if (key === '') return { ok: false, kind: 'unknown', reason: `no place named ${shown}`, candidates: [] };
    const chosen = choose(parse(key, 'all'), shown);
    if (chosen) return chosen;
    // "Huanghua, Cangzhou, Hebei": small to large, written with commas.
    const parts = cell.split(/[,，、;；/|]/u).map(matchKey).filter((p) => p !== '');
    if (parts.length > 1) {
      const reversed = choose(parse(parts.reverse().join(''), 'all'), shown);
      if (reversed) return reversed;
    }
    return { ok: false, kind: 'unknown', reason: `no place named ${shown} in Beijing, Tianjin or Hebei (use the name on the map or a 6-digit adcode)`, candidates: [] };
  };

  const cache = new Map<string, PlaceMatch>();
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
      return lang === 'en' ? u.nameEn || u.nameZh : u.nameZh;
    },
    units: () => [...units.values()],
  };
}

/**
 * The keys a platform is found by: its Chinese and English names whole, and each part in
 * brackets or between slashes of three characters or more. (河北雄安新区 is also found as
 * 河北 + 雄安新区, the zone in data/names/place-aliases.csv.)
 */
export function platformKeys(p: Pick<PlatformName, 'nameZh' | 'nameEn'>): string[] {
  const keys = new Set<string>();
  for (const name of [p.nameZh, p.nameEn]) {
    if (!name) continue;
    const n = clean(name);
    keys.add(matchKey(n));
    const outside = n.replace(/[（(][^（）()]*[）)]/gu, '');
    for (const part of [outside, ...Array.from(n.matchAll(/[（(]([^（）()]*)[）)]/gu), (m) => m[1]!)]) {
      for (const piece of part.split(/[/／]/u)) {
        const k = matchKey(piece);
        if (Array.from(k).length >= 3) keys.add(k);
      }
    }
  }
  return [...keys];
}
