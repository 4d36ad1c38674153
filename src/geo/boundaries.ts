/**
 * The boundary file (public/geo/jjj.topo.json, built by `npm run geo`) decoded into the GeoJSON
 * collections the map draws. Pure: give it the parsed topology.
 */
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type LonLat = [number, number];
export type AreaGeometry = Polygon | MultiPolygon;

/**
 * Properties of a prefecture-level or county-level unit, or one of the region's 3 provinces
 * (written by scripts/lib/geo-build.ts, read here).
 */
export interface UnitProps {
  adcode: number;
  name_zh: string;
  name_en: string;
  /** Prefecture adcode for counties, province adcode for prefectures, 0 for provinces. */
  parent: number;
  /** Label point [lon, lat], 3 decimals: the source's, or ours where it fell outside the simplified shape. */
  label: LonLat;
}

export interface ContextProps {
  name_zh: string;
  name_en: string;
  kind: 'province' | 'country';
  adcode?: number;
  /** Where the name is drawn (one label per unit, not one per island); none = unlabelled. */
  label?: LonLat;
}

export type UnitLevel = 'province' | 'prefecture' | 'county';

export interface LabelProps {
  adcode: number;
  level: UnitLevel | 'context';
  name_zh: string;
  name_en: string;
}

export interface Boundaries {
  counties: FeatureCollection<AreaGeometry, UnitProps>;
  prefectures: FeatureCollection<AreaGeometry, UnitProps>;
  region: FeatureCollection<AreaGeometry, UnitProps>;
  context: FeatureCollection<AreaGeometry, ContextProps>;
  labels: FeatureCollection<Point, LabelProps>;
}

const OBJECTS = ['counties', 'prefectures', 'region', 'neighbours', 'countries'] as const;

/** Throws a readable error when the file is not the topology we build. */
export function decodeBoundaries(topo: Topology): Boundaries {
  for (const k of OBJECTS) {
    if (!topo?.objects?.[k]) throw new Error(`boundary file has no "${k}" object`);
  }
  const fc = <P>(k: (typeof OBJECTS)[number]) =>
    feature(topo, topo.objects[k] as GeometryCollection) as unknown as FeatureCollection<AreaGeometry, P>;
  const counties = fc<UnitProps>('counties');
  const prefectures = fc<UnitProps>('prefectures');
  const region = fc<UnitProps>('region');
  const neighbours = fc<ContextProps>('neighbours');
  const countries = fc<ContextProps>('countries');
  const context: FeatureCollection<AreaGeometry, ContextProps> = {
    type: 'FeatureCollection',
    features: [...countries.features, ...neighbours.features],
  };
  return { counties, prefectures, region, context, labels: labelPoints(prefectures, counties, context) };
}

/** One point feature per prefecture and county at its label point. */
export function labelPoints(
  prefectures: FeatureCollection<AreaGeometry, UnitProps>,
  counties: FeatureCollection<AreaGeometry, UnitProps>,
  context?: FeatureCollection<AreaGeometry, ContextProps>,
): FeatureCollection<Point, LabelProps> {
  const contextPoints = (context?.features ?? []).flatMap((f): Array<Feature<Point, LabelProps>> =>
    f.properties.label
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: f.properties.label }, properties: { adcode: f.properties.adcode ?? 0, level: 'context', name_zh: f.properties.name_zh, name_en: f.properties.name_en } }]
      : [],
  );
  const point = (f: Feature<AreaGeometry, UnitProps>, level: UnitLevel): Feature<Point, LabelProps> => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: f.properties.label },
    properties: { adcode: f.properties.adcode, level, name_zh: f.properties.name_zh, name_en: f.properties.name_en },
  });
  return {
    type: 'FeatureCollection',
    features: [...contextPoints, ...prefectures.features.map((f) => point(f, 'prefecture')), ...counties.features.map((f) => point(f, 'county'))],
  };
}

/** Lookup of every unit (province, prefecture, county) by adcode. */
export function unitIndex(b: Boundaries): Map<number, { level: UnitLevel; props: UnitProps }> {
  const m = new Map<number, { level: UnitLevel; props: UnitProps }>();
  for (const f of b.counties.features) m.set(f.properties.adcode, { level: 'county', props: f.properties });
  for (const f of b.region.features) m.set(f.properties.adcode, { level: 'province', props: f.properties });
  // Beijing and Tianjin are both province and prefecture: the prefecture entry wins.
  for (const f of b.prefectures.features) m.set(f.properties.adcode, { level: 'prefecture', props: f.properties });
  return m;
}
