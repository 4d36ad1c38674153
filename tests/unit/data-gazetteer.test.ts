import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, Polygon } from 'geojson';
import { ROOT } from '../../scripts/build-data.ts';
import { gazetteerFromLayers } from '../../src/data/gazetteer.ts';
import type { UnitCollection, UnitProperties } from '../../src/data/gazetteer.ts';
import { layersFromRaw } from '../../src/data/geo-raw-adapter.ts';
import { gazetteer } from '../fixtures/data/helpers.ts';

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

const unit = (adcode: number, parent: number, geometry: Polygon | null, name_en = ''): Feature<Polygon | null, UnitProperties> => ({
  type: 'Feature',
  geometry,
  properties: { adcode, name_zh: `单位${adcode}`, name_en, parent, label: [adcode / 1e5, 1] },
});

const fc = (...features: Feature<Polygon | null, UnitProperties>[]): UnitCollection => ({ type: 'FeatureCollection', features });

describe('gazetteerFromLayers (synthetic squares)', () => {
  const g = gazetteerFromLayers({
    provinces: fc(unit(110000, 0, square(0, 0, 10), 'Beijing'), unit(130000, 0, null, 'Hebei')),
    prefectures: fc(unit(110000, 110000, square(0, 0, 10), 'Beijing'), unit(130200, 130000, square(20, 0, 10))),
    counties: fc(unit(110105, 110000, square(0, 0, 2)), unit(130209, 130200, square(20, 0, 2))),
  });

  it('knows every level, and only those', () => {
    for (const a of [110000, 130000, 130200, 110105, 130209]) expect(g.has(a)).toBe(true);
    expect(g.has(130299)).toBe(false);
  });

  it('links counties to prefectures and provinces; Beijing is both province and prefecture', () => {
    expect(g.prefectureOf(130209)).toBe(130200);
    expect(g.prefectureOf(130200)).toBe(130200);
    expect(g.prefectureOf(110105)).toBe(110000);
    expect(g.prefectureOf(110000)).toBe(110000);
    expect(g.prefectureOf(130000)).toBeUndefined();
    expect(g.provinceOf(130209)).toBe(130000);
    expect(g.provinceOf(110105)).toBe(110000);
    expect(g.provinceOf(110000)).toBe(110000);
    expect(g.provinceOf(999999)).toBeUndefined();
  });

  it('tests points against the unit polygon; a province without one uses its prefectures', () => {
    expect(g.contains(130209, [21, 1])).toBe(true);
    expect(g.contains(130209, [25, 5])).toBe(false);
    expect(g.contains(130200, [25, 5])).toBe(true);
    expect(g.contains(130000, [25, 5])).toBe(true);
    expect(g.contains(130000, [5, 5])).toBe(false);
    expect(g.contains(110000, [5, 5])).toBe(true);
    expect(g.contains(999999, [5, 5])).toBe(false);
    expect(g.contains(110000, [Number.NaN, 5])).toBe(false);
  });

  it('gives labels and names, English falling back to Chinese', () => {
    expect(g.label(130209)).toEqual([1.30209, 1]);
    expect(g.name(110000, 'en')).toBe('Beijing');
    expect(g.name(130209)).toBe('单位130209');
    expect(g.name(130209, 'en')).toBe('单位130209');
    expect(g.name(1)).toBeUndefined();
  });

  it('refuses a feature without adcode or label', () => {
    const broken = { ...unit(1, 0, null), properties: { adcode: 1 } } as unknown as Feature<Polygon | null, UnitProperties>;
    expect(() => gazetteerFromLayers({ counties: fc(broken), prefectures: fc() })).toThrow(/label/);
  });
});

describe('the project gazetteer', () => {
  const g = gazetteer();

  it('covers the region: 3 provinces, 13 prefecture-level units, 199 counties', () => {
    expect([110000, 120000, 130000].every((a) => g.has(a))).toBe(true);
    expect(g.prefectureOf(130209)).toBe(130200);
    expect(g.provinceOf(120116)).toBe(120000);
    expect(g.contains(130209, [118.46, 39.27])).toBe(true);
    expect(g.contains(130000, [118.46, 39.27])).toBe(true);
    expect(g.contains(110000, [118.46, 39.27])).toBe(false);
    expect(g.name(130209)).toBe('曹妃甸区');
  });

  it('agrees with the raw-input fallback on hierarchy and labels', () => {
    const dir = resolve(ROOT, 'data/geo-raw');
    if (!existsSync(resolve(dir, 'jjj_counties.geojson'))) return;
    const raw = (f: string) => JSON.parse(readFileSync(resolve(dir, f), 'utf8'));
    const layers = layersFromRaw({
      counties: raw('jjj_counties.geojson'),
      prefectures: raw('jjj_prefectures.geojson'),
      provinces: raw('china_provinces.geojson'),
    });
    const fallback = gazetteerFromLayers(layers);
    const adcodes = layers.counties.features.map((f) => f.properties.adcode);
    expect(adcodes).toHaveLength(199);
    for (const a of [...adcodes, 110000, 120000, 130000, 130100, 131100]) {
      expect(g.has(a), String(a)).toBe(true);
      expect(g.prefectureOf(a), String(a)).toBe(fallback.prefectureOf(a));
      expect(g.provinceOf(a), String(a)).toBe(fallback.provinceOf(a));
      expect(g.name(a), String(a)).toBe(fallback.name(a));
      expect(g.label(a), String(a)).toBeDefined();
    }
  });
});
