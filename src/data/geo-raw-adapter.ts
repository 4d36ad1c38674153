/**
 * TEMPORARY adapter, used only by scripts/build-data.ts when public/geo/jjj.topo.json has not
 * been built: turns the raw boundary inputs in data/geo-raw/ (properties district_adcode,
 * city_adcode, province_adcode, district_name, city_name, lon, lat) into the GazetteerLayers
 * shape of the boundary build. Delete this file once the TopoJSON is always present.
 */
import type { FeatureCollection } from 'geojson';
import type { AreaGeometry, GazetteerLayers, UnitCollection } from './gazetteer.ts';

interface RawProperties {
  province_adcode?: number;
  province_name?: string;
  city_adcode?: number;
  city_name?: string;
  district_adcode?: number;
  district_name?: string;
  lon?: number;
  lat?: number;
}

export interface RawLayers {
  counties: FeatureCollection<AreaGeometry | null, RawProperties>;
  prefectures: FeatureCollection<AreaGeometry | null, RawProperties>;
  /** china_provinces.geojson; only Beijing, Tianjin and Hebei are kept. */
  provinces?: FeatureCollection<AreaGeometry | null, RawProperties>;
  /** English names by adcode (data/geo-raw/names-en.csv). */
  namesEn?: ReadonlyMap<number, string>;
}

const REGION = new Set([110000, 120000, 130000]);

export function layersFromRaw(raw: RawLayers): GazetteerLayers {
  const convert = (
    fc: FeatureCollection<AreaGeometry | null, RawProperties>,
    pick: (p: RawProperties) => { adcode?: number; name?: string; parent?: number },
  ): UnitCollection => ({
    type: 'FeatureCollection',
    features: fc.features.flatMap((f) => {
      const p = f.properties ?? {};
      const { adcode, name, parent } = pick(p);
      if (adcode === undefined || p.lon === undefined || p.lat === undefined) return [];
      return [
        {
          type: 'Feature' as const,
          geometry: f.geometry,
          properties: {
            adcode,
            name_zh: name ?? '',
            name_en: raw.namesEn?.get(adcode) ?? '',
            parent: parent ?? 0,
            label: [p.lon, p.lat] as [number, number],
          },
        },
      ];
    }),
  });
  const layers: GazetteerLayers = {
    counties: convert(raw.counties, (p) => ({ adcode: p.district_adcode, name: p.district_name, parent: p.city_adcode })),
    prefectures: convert(raw.prefectures, (p) => ({ adcode: p.city_adcode, name: p.city_name, parent: p.province_adcode })),
  };
  if (raw.provinces) {
    const provinces = convert(raw.provinces, (p) => ({ adcode: p.province_adcode, name: p.province_name, parent: 0 }));
    provinces.features = provinces.features.filter((f) => REGION.has(f.properties.adcode));
    layers.provinces = provinces;
  }
  return layers;
}
