/**
 * The loader's place index: the shared resolver (src/data/placeNames.ts — one set of rules for
 * the loader, the build's validator and a place search box) built from the boundary file's
 * layers, the alias table (data/names/place-aliases.csv) and the published platforms.
 */
import { matchKey } from '../data/text.ts';
import type { PlaceAlias } from '../data/placeAliases.ts';
import { placeResolver, shortKey, unitsFromLayers, type PlaceResolver, type PlatformName, type UnitLayers } from '../data/placeNames.ts';

export { MAX_NAME, type PlaceMatch, type PlaceNote } from '../data/placeNames.ts';

export type { UnitLayers, UnitProperties as UnitInfo } from '../data/placeNames.ts';

export type PlaceIndex = PlaceResolver;

export interface PlaceExtras {
  aliases?: readonly PlaceAlias[];
  platforms?: readonly PlatformName[];
}

/** Case, width, spaces, apostrophes and hyphens do not count: "Qian'an" = "qianan" = "Ｑｉａｎ ａｎ". */
export const normalizeName = matchKey;
/** The name without its administrative suffix, when at least two characters are left. */
export const shortName = shortKey;

/** The boundary file's layers → the resolver's units. */
export const unitsOf = unitsFromLayers;

export function placeIndex(layers: UnitLayers, extras: PlaceExtras = {}): PlaceIndex {
  return placeResolver({ units: unitsOf(layers), aliases: extras.aliases ?? [], platforms: extras.platforms ?? [] });
}
