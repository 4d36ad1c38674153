/**
 * Boundary pipeline, pure part: raw GeoJSON in, one simplified, quantised TopoJSON out.
 *
 * Counties and the neighbouring provinces go into ONE topology before simplifying, so shared
 * borders are simplified once and stay shared: no gaps or slivers between neighbours at any
 * zoom. Prefectures and the three region units are merged from the simplified county arcs
 * (topojson-client `mergeArcs`), so their outlines coincide exactly with the counties'.
 */
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile } from 'topojson-simplify';
import { feature, mergeArcs, quantize } from 'topojson-client';
import bboxClip from '@turf/bbox-clip';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Objects, Topology, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon } from 'topojson-specification';

import type { ContextProps, LonLat, UnitProps } from '../../src/geo/boundaries.ts';

export type { LonLat };
type Area = Polygon | MultiPolygon;

export interface RawInputs {
  counties: FeatureCollection<Area>;
  prefectures: FeatureCollection<Area>;
  provinces: FeatureCollection<Area>;
  /** world-atlas countries-10m topology */
  world: Topology;
  /** adcode → English name (from names-en.csv) */
  namesEn: ReadonlyMap<number, string>;
}

export interface GeoBuildOptions {
  /** [west, south, east, north]: context geometry is clipped to this box. */
  clip: [number, number, number, number];
  /** Adcodes of the neighbouring provinces drawn as grey context. */
  neighbours: readonly number[];
  /** ISO 3166 numeric ids of neighbouring countries drawn as context. */
  countries: Readonly<Record<string, { name_zh: string; name_en: string; label?: LonLat }>>;
  /** Quantisation of the output topology (points per axis). */
  quantization: number;
  /** Share of the simplifiable vertices kept (0–1; topojson-simplify quantile). */
  keep: number;
  /**
   * Label points set by us instead of the source's. Beijing's source label point lies at the
   * municipality's geometric centre (between Huairou and Shunyi); we put it at the city centre
   * (Tiananmen, rounded), where readers look for "北京" and where flows "from Beijing, district not
   * named" start. Our own choice: documented in README.
   */
  labelOverrides: Readonly<Record<number, LonLat>>;
}

export const defaultGeoOptions: GeoBuildOptions = {
  clip: [108.5, 33.5, 126.5, 46],
  neighbours: [140000, 150000, 210000, 370000, 410000],
  countries: {
    '496': { name_zh: '蒙古国', name_en: 'Mongolia', label: [110.6, 44.9] },
    '408': { name_zh: '朝鲜', name_en: 'North Korea', label: [125.9, 39.7] },
    '410': { name_zh: '韩国', name_en: 'South Korea' },
  },
  quantization: 1e5,
  keep: 0.6,
  labelOverrides: { 110000: [116.397, 39.908] },
};

const num = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${what}: expected a number, got ${String(v)}`);
  return v;
};

const round = (v: number, d: number): number => Math.round(v * 10 ** d) / 10 ** d;

function nameEn(names: ReadonlyMap<number, string>, adcode: number, zh: string): string {
  const en = names.get(adcode);
  if (!en) throw new Error(`names-en.csv: no English name for ${adcode} ${zh}`);
  return en;
}

/**
 * The source's label point when it lies inside the (simplified) unit, else the pole of
 * inaccessibility of its largest polygon (polylabel), rounded to 3 decimals.
 */
export function labelInside(source: LonLat, geometry: Area): LonLat {
  if (booleanPointInPolygon(source, geometry)) return source;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const largest = polys.reduce((a, b) => (ringArea(b[0] ?? []) > ringArea(a[0] ?? []) ? b : a));
  const [x, y] = polylabel(largest as [number, number][][], 0.001);
  return [round(x!, 3), round(y!, 3)];
}

function ringArea(ring: number[][]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(s / 2);
}

function clipArea<P extends object>(f: Feature<Area, P>, box: GeoBuildOptions['clip']): Feature<Area, P> | null {
  const clipped = bboxClip(f as Feature<Area>, box) as unknown as Feature<Area, P>;
  const g = clipped.geometry;
  const rings = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = rings.filter((poly) => poly.length > 0 && (poly[0]?.length ?? 0) >= 4);
  if (kept.length === 0) return null;
  return { type: 'Feature', properties: f.properties, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/** Run the whole pipeline; returns the output topology (serialise with `stringifyTopology`). */
export function buildGeo(raw: RawInputs, opts: GeoBuildOptions = defaultGeoOptions): Topology {
  const counties: Feature<Area, UnitProps>[] = raw.counties.features.map((f) => {
    const p = f.properties as Record<string, unknown>;
    const adcode = num(p.district_adcode, 'district_adcode');
    const zh = String(p.district_name);
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        adcode,
        name_zh: zh,
        name_en: nameEn(raw.namesEn, adcode, zh),
        parent: num(p.city_adcode, 'city_adcode'),
        label: [round(num(p.lon, 'lon'), 3), round(num(p.lat, 'lat'), 3)],
      },
    };
  });

  const neighbours = raw.provinces.features
    .filter((f) => opts.neighbours.includes(Number((f.properties as Record<string, unknown>).province_adcode)))
    .map((f): Feature<Area, ContextProps> | null => {
      const p = f.properties as Record<string, unknown>;
      const adcode = num(p.province_adcode, 'province_adcode');
      const zh = String(p.province_name);
      const label: LonLat = [round(num(p.lon, 'lon'), 3), round(num(p.lat, 'lat'), 3)];
      const props: ContextProps = { adcode, name_zh: zh, name_en: nameEn(raw.namesEn, adcode, zh), kind: 'province', label };
      return clipArea({ type: 'Feature', geometry: f.geometry, properties: props }, opts.clip);
    })
    .filter((f): f is Feature<Area, ContextProps> => f !== null);

  const worldCountries = feature(raw.world, raw.world.objects.countries as GeometryCollection) as FeatureCollection<Area, { name: string }>;
  const countries = worldCountries.features
    .filter((f) => String(f.id) in opts.countries)
    .map((f) => {
      const names = opts.countries[String(f.id)]!;
      return clipArea<ContextProps>({ type: 'Feature', geometry: f.geometry, properties: { ...names, kind: 'country' } }, opts.clip);
    })
    .filter((f): f is Feature<Area, ContextProps> => f !== null);

  // One topology for everything that shares borders; countries come from another source and
  // are kept in their own object (they share no vertices with the 天地图 data anyway).
  const input = {
    counties: { type: 'FeatureCollection', features: counties } as FeatureCollection,
    neighbours: { type: 'FeatureCollection', features: neighbours } as FeatureCollection,
    countries: { type: 'FeatureCollection', features: countries } as FeatureCollection,
  };
  let topo = topology(input, opts.quantization) as unknown as Topology;
  const grid = topo.transform!;
  // biome-ignore lint/complexity/noBannedTypes: topojson-simplify's own type parameter
  const pre = presimplify(topo as Topology<Objects<{}>>);
  // presimplify turns the arcs into absolute coordinates and drops the transform; the points it
  // keeps are still on the quantisation grid, so encoding them back on the same grid is lossless
  // (without it the file carried 17-digit floats: 496 KB, 131 KB gzipped).
  // biome-ignore lint/complexity/noBannedTypes: topojson-simplify's own type parameter
  topo = quantize(simplify(pre, quantile(pre, opts.keep)) as unknown as Topology<Objects<{}>>, grid) as unknown as Topology;

  const countyGeoms = (topo.objects.counties as GeometryCollection<UnitProps>).geometries as Array<(TopoPolygon | TopoMultiPolygon) & { properties: UnitProps }>;

  const prefectureLabel = new Map<number, { zh: string; province: number; label: LonLat }>();
  for (const f of raw.prefectures.features) {
    const p = f.properties as Record<string, unknown>;
    prefectureLabel.set(num(p.city_adcode, 'city_adcode'), {
      zh: String(p.city_name),
      province: num(p.province_adcode, 'province_adcode'),
      label: opts.labelOverrides[num(p.city_adcode, 'city_adcode')] ?? [round(num(p.lon, 'lon'), 3), round(num(p.lat, 'lat'), 3)],
    });
  }
  const provinceLabel = new Map<number, { zh: string; label: LonLat }>();
  for (const f of raw.provinces.features) {
    const p = f.properties as Record<string, unknown>;
    provinceLabel.set(num(p.province_adcode, 'province_adcode'), { zh: String(p.province_name), label: [round(num(p.lon, 'lon'), 3), round(num(p.lat, 'lat'), 3)] });
  }

  const groupBy = <K>(key: (g: (typeof countyGeoms)[number]) => K) => {
    const m = new Map<K, typeof countyGeoms>();
    for (const g of countyGeoms) {
      const k = key(g);
      const list = m.get(k);
      if (list) list.push(g);
      else m.set(k, [g]);
    }
    return [...m.entries()].sort((a, b) => Number(a[0]) - Number(b[0]));
  };

  const prefectures = groupBy((g) => g.properties.parent).map(([adcode, geoms]) => {
    const info = prefectureLabel.get(adcode);
    if (!info) throw new Error(`prefecture ${adcode} missing from the prefectures file`);
    const props: UnitProps = { adcode, name_zh: info.zh, name_en: nameEn(raw.namesEn, adcode, info.zh), parent: info.province, label: info.label };
    return { ...mergeArcs(topo, geoms), properties: props };
  });

  const provinceOf = (prefecture: number) => prefectureLabel.get(prefecture)?.province ?? 0;
  const regionProvinces = groupBy((g) => provinceOf(g.properties.parent)).map(([adcode, geoms]) => {
    const info = provinceLabel.get(adcode);
    if (!info) throw new Error(`province ${adcode} missing from the provinces file`);
    const props: UnitProps = { adcode, name_zh: info.zh, name_en: nameEn(raw.namesEn, adcode, info.zh), parent: 0, label: info.label };
    return { ...mergeArcs(topo, geoms), properties: props };
  });

  topo.objects.prefectures = { type: 'GeometryCollection', geometries: prefectures } as GeometryCollection;
  // Labels must fall inside the simplified shapes they name.
  for (const key of ['counties', 'prefectures'] as const) {
    const collection = feature(topo, topo.objects[key] as GeometryCollection<UnitProps>) as unknown as FeatureCollection<Area, UnitProps>;
    const geoms = (topo.objects[key] as GeometryCollection<UnitProps>).geometries;
    collection.features.forEach((f, i) => {
      (geoms[i]!.properties as UnitProps).label = labelInside(f.properties.label, f.geometry);
    });
  }
  topo.objects.region = { type: 'GeometryCollection', geometries: regionProvinces } as GeometryCollection;
  delete topo.bbox;
  return topo;
}

/**
 * Deterministic serialisation: fixed object order, no whitespace. Arc coordinates are
 * delta-encoded integers after quantisation, so the output is byte-for-byte reproducible.
 */
export function stringifyTopology(topo: Topology): string {
  const order = ['counties', 'prefectures', 'region', 'neighbours', 'countries'];
  const objects: Record<string, unknown> = {};
  for (const k of order) if (topo.objects[k]) objects[k] = topo.objects[k];
  return JSON.stringify({ type: 'Topology', transform: topo.transform, objects, arcs: topo.arcs }) + '\n';
}
