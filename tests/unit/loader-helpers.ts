/** Shared by tests/unit/loader-*.test.ts: the real boundaries, gazetteer, name index and load options. */
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.ts';
import { gazetteerFromLayers, type UnitCollection } from '../../src/data/gazetteer.ts';
import { decodeBoundaries, type Boundaries } from '../../src/geo/boundaries.ts';
import { placeIndex, type PlaceIndex } from '../../src/loader/places.ts';
import { parsePlaceAliases } from '../../src/data/placeAliases.ts';
import { bytesSource, loadBytes, type LoadOptions, type Loaded } from '../../src/loader/pipeline.ts';
import { readTopology } from '../../scripts/synthetic.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { zh } from '../../src/i18n/zh.ts';
import { en } from '../../src/i18n/en.ts';

let cache: { boundaries: Boundaries; places: PlaceIndex; options: Omit<LoadOptions, 'file' | 'measure' | 'defaultYear'> } | null = null;

export function world() {
  if (!cache) {
    const boundaries = decodeBoundaries(readTopology());
    const gazetteer = gazetteerFromLayers({
      counties: boundaries.counties as unknown as UnitCollection,
      prefectures: boundaries.prefectures as unknown as UnitCollection,
      provinces: boundaries.region as unknown as UnitCollection,
    });
    const published = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
    const places = placeIndex(boundaries, { aliases: parsePlaceAliases(readFileSync('data/names/place-aliases.csv', 'utf8')), platforms: published.platforms });
    // Fixed, so that the tests do not change with the calendar.
    const industryLabels = Object.fromEntries(INDUSTRIES.map((id) => [id, [zh[`industry.${id}`], en[`industry.${id}`]]]));
    const industryTables = { names: readFileSync('data/names/industry-names.csv', 'utf8'), codes: readFileSync('data/names/industry-gbt4754.csv', 'utf8') };
    cache = { boundaries, places, options: { gazetteer, places, currentYear: 2026, platforms: published.platforms, industryLabels, industryTables } };
  }
  return cache;
}

export function published(): Dataset {
  return JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
}

export function load(input: string | Uint8Array, o: Partial<LoadOptions> = {}, chunkSize?: number): Promise<Loaded> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return loadBytes(bytesSource(bytes), { ...world().options, file: 'test.csv', measure: 'projects', defaultYear: null, ...o }, chunkSize ? { chunkSize } : {});
}
