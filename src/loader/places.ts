/**
 * The loader's place index: the shared resolver (src/data/placeNames.ts — one set of rules for
 * the loader, the build's validator and a place search box) built from the boundary file's
 * layers, the alias table (data/names/place-aliases.csv) and the published platforms.
 */
import { matchKey } from '../data/text.ts';
import type { PlaceAlias } from '../data/placeAliases.ts';
import { placeResolver, shortKey, type Level, type PlaceResolver, type PlaceUnit, type PlatformName } from '../data/placeNames.ts';
import type { Adcode } from '../data/types.ts';

export { MAX_NAME, type PlaceMatch, type PlaceNote } from '../data/placeNames.ts';

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

export type PlaceIndex = PlaceResolver;

export interface PlaceExtras {
  aliases?: readonly PlaceAlias[];
  platforms?: readonly PlatformName[];
}

/** Case, width, spaces, apostrophes and hyphens do not count: "Qian'an" = "qianan" = "Ｑｉａｎ ａｎ". */
export const normalizeName = matchKey;
/** The name without its administrative suffix, when at least two characters are left. */
export const shortName = shortKey;

export function unitsOf(layers: UnitLayers): PlaceUnit[] {
  const out: PlaceUnit[] = [];
  const add = (p: UnitInfo, level: Level) => out.push({ adcode: p.adcode, nameZh: p.name_zh, nameEn: p.name_en, parent: level === 'province' ? p.adcode : p.parent, level });
  for (const f of layers.region.features) add(f.properties, 'province');
  for (const f of layers.prefectures.features) add(f.properties, 'prefecture');
  for (const f of layers.counties.features) add(f.properties, 'county');
  return out;
}

export function placeIndex(layers: UnitLayers, extras: PlaceExtras = {}): PlaceIndex {
  return placeResolver({ units: unitsOf(layers), aliases: extras.aliases ?? [], platforms: extras.platforms ?? [] });
}
