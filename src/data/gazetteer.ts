/**
 * Gazetteer: what validation needs to know about administrative units, independent of any
 * geometry format. Built here from GeoJSON layers (or the project's TopoJSON boundary file).
 * Pure and browser-safe.
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Adcode, LonLat } from './types.ts';

export interface Gazetteer {
  /** Is `adcode` a known province, prefecture or county of the region? */
  has(adcode: Adcode): boolean;
  /** The prefecture containing `adcode` (itself for a prefecture, and for Beijing/Tianjin). */
  prefectureOf(adcode: Adcode): Adcode | undefined;
  /** The province containing `adcode` (itself for a province). */
  provinceOf(adcode: Adcode): Adcode | undefined;
  /** Does the unit's polygon contain `point` (boundary included)? False for unknown adcodes. */
  contains(adcode: Adcode, point: LonLat): boolean;
  /** The unit's label point. */
  label(adcode: Adcode): LonLat | undefined;
  name(adcode: Adcode, lang?: 'zh' | 'en'): string | undefined;
}

export type AreaGeometry = Polygon | MultiPolygon;

/** Feature properties of the boundary build (public/geo/jjj.topo.json). */
export interface UnitProperties {
  adcode: number;
  name_zh: string;
  name_en: string;
  /** Prefecture adcode for counties, province adcode for prefectures; ignored for provinces. */
  parent: number;
  label: LonLat | [number, number];
}

export type UnitCollection = FeatureCollection<AreaGeometry | null, UnitProperties>;

export interface GazetteerLayers {
  counties: UnitCollection;
  prefectures: UnitCollection;
  /** Optional: a province without a polygon contains what its prefectures contain. */
  provinces?: UnitCollection;
}

type Level = 'province' | 'prefecture' | 'county';

interface Unit {
  adcode: Adcode;
  parent: Adcode;
  nameZh: string;
  nameEn: string;
  label: LonLat;
  /** Geometries to test, with their bounding boxes; several when a code has more than one level. */
  shapes: Shape[];
  levels: Set<Level>;
}

interface Shape {
  geometry: AreaGeometry;
  bbox: [number, number, number, number];
}

/** Builds a gazetteer from GeoJSON layers. Throws when a feature lacks an adcode or label. */
export function gazetteerFromLayers(layers: GazetteerLayers): Gazetteer {
  const units = new Map<Adcode, Unit>();
  const add = (f: Feature<AreaGeometry | null, UnitProperties>, level: Level): void => {
    const p = f.properties;
    if (!p || !Number.isInteger(p.adcode)) throw new Error(`${level} feature without an integer adcode`);
    if (!Array.isArray(p.label) || p.label.length < 2) throw new Error(`${level} ${p.adcode} has no label point`);
    let unit = units.get(p.adcode);
    if (!unit) {
      unit = {
        adcode: p.adcode,
        parent: level === 'province' ? p.adcode : p.parent,
        nameZh: p.name_zh,
        nameEn: p.name_en,
        label: [p.label[0], p.label[1]] as LonLat,
        shapes: [],
        levels: new Set(),
      };
      units.set(p.adcode, unit);
    } else if (level !== 'province') {
      // Beijing/Tianjin: the prefecture entry carries the parent link and label.
      unit.parent = p.parent;
      unit.label = [p.label[0], p.label[1]] as LonLat;
    }
    unit.levels.add(level);
    if (f.geometry) unit.shapes.push({ geometry: f.geometry, bbox: bboxOf(f.geometry) });
  };
  for (const f of layers.provinces?.features ?? []) add(f, 'province');
  for (const f of layers.prefectures.features) add(f, 'prefecture');
  for (const f of layers.counties.features) add(f, 'county');

  const children = new Map<Adcode, Adcode[]>();
  for (const u of units.values()) {
    if (u.parent === u.adcode) continue;
    const list = children.get(u.parent) ?? [];
    list.push(u.adcode);
    children.set(u.parent, list);
  }

  const prefectureOf = (adcode: Adcode): Adcode | undefined => {
    const u = units.get(adcode);
    if (!u) return undefined;
    if (u.levels.has('prefecture')) return u.adcode;
    if (u.levels.has('county')) return u.parent;
    return undefined;
  };

  const contains = (adcode: Adcode, point: LonLat, depth = 0): boolean => {
    const u = units.get(adcode);
    if (!u || depth > 3 || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return false;
    if (u.shapes.length > 0) return u.shapes.some((s) => shapeContains(s, point));
    return (children.get(adcode) ?? []).some((c) => contains(c, point, depth + 1));
  };

  return {
    has: (adcode) => units.has(adcode),
    prefectureOf,
    provinceOf(adcode) {
      const u = units.get(adcode);
      if (!u) return undefined;
      if (u.levels.has('province')) return u.adcode;
      const pref = prefectureOf(adcode);
      if (pref === undefined) return undefined;
      const p = units.get(pref);
      return p?.levels.has('province') ? p.adcode : p?.parent;
    },
    contains: (adcode, point) => contains(adcode, point),
    label: (adcode) => units.get(adcode)?.label,
    name(adcode, lang = 'zh') {
      const u = units.get(adcode);
      if (!u) return undefined;
      return lang === 'en' ? u.nameEn || u.nameZh : u.nameZh;
    },
  };
}

/**
 * Builds a gazetteer from the boundary build's TopoJSON: objects `counties`, `prefectures` and
 * `provinces` (or `region`, the name the boundary build uses for the three provinces).
 */
export function gazetteerFromTopology(topology: Topology): Gazetteer {
  const layer = (name: string): UnitCollection | undefined => {
    const object = topology.objects[name];
    if (!object) return undefined;
    return feature(topology, object as GeometryCollection) as unknown as UnitCollection;
  };
  const counties = layer('counties');
  const prefectures = layer('prefectures');
  if (!counties || !prefectures) throw new Error('topology has no "counties" or "prefectures" object');
  const provinces = layer('provinces') ?? layer('region');
  return gazetteerFromLayers(provinces ? { counties, prefectures, provinces } : { counties, prefectures });
}

function shapeContains(shape: Shape, [lon, lat]: LonLat): boolean {
  const [x0, y0, x1, y1] = shape.bbox;
  if (lon < x0 || lon > x1 || lat < y0 || lat > y1) return false;
  return booleanPointInPolygon([lon, lat], shape.geometry);
}

function bboxOf(geometry: AreaGeometry): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const visit = (ring: Position[]): void => {
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  };
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) for (const ring of polygon) visit(ring);
  return [x0, y0, x1, y1];
}
