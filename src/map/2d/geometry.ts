/**
 * The boundaries projected once into Web Mercator world px (the 512-px world at zoom 0, minus an
 * origin near the region so that Float32 path coordinates keep sub-pixel precision at zoom 12).
 * Drawing writes rings into any Canvas-like path sink — a Path2D (cached per layer, drawn with a
 * transform) or d3-path's `path()` (SVG path data) — so canvas and SVG share one code path.
 */
import type { Feature } from 'geojson';
import type { AreaGeometry, Boundaries } from '../../geo/boundaries.ts';
import { worldX, worldY, type ZoomTransform } from '../../geo/camera.ts';

/** The subset of CanvasRenderingContext2D / Path2D / d3-path that the 2D map draws with. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
}

/** Local coordinates = world px − ORIGIN (≈ the region's centre). */
export const ORIGIN: readonly [number, number] = [worldX(116.5), worldY(39.5)];

/** One area: its rings as flat [x0, y0, x1, y1, …] in local px, and their box. */
export interface ProjectedArea {
  id: number;
  rings: Float64Array[];
  box: [number, number, number, number];
}

export function projectArea(id: number, g: AreaGeometry): ProjectedArea {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings: Float64Array[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      const r = new Float64Array(ring.length * 2);
      ring.forEach(([lon, lat], i) => {
        const x = worldX(lon!) - ORIGIN[0];
        const y = worldY(lat!) - ORIGIN[1];
        r[2 * i] = x;
        r[2 * i + 1] = y;
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      });
      rings.push(r);
    }
  }
  return { id, rings, box };
}

/** Layers of the basemap, each a list of areas. */
export interface ProjectedBasemap {
  context: ProjectedArea[];
  municipalities: ProjectedArea[];
  prefectures: ProjectedArea[];
  region: ProjectedArea[];
  counties: ProjectedArea[];
}

const MUNICIPALITIES = new Set([110000, 120000]);

export function projectBoundaries(b: Boundaries): ProjectedBasemap {
  const areas = <P>(fs: Array<Feature<AreaGeometry, P>>, id: (p: P, i: number) => number) => fs.filter((f) => f.geometry).map((f, i) => projectArea(id(f.properties, i), f.geometry));
  const prefectures = areas(b.prefectures.features, (p) => p.adcode);
  return {
    context: areas(b.context.features, (p, i) => p.adcode ?? -1 - i),
    municipalities: prefectures.filter((a) => MUNICIPALITIES.has(a.id)),
    prefectures,
    region: areas(b.region.features, (p) => p.adcode),
    counties: areas(b.counties.features, (p) => p.adcode),
  };
}

/** The identity transform: local px as they are (for cached Path2D, drawn under a canvas transform). */
export const LOCAL: ZoomTransform = { k: 1, x: 0, y: 0 };

/**
 * Write the areas' rings into `sink`, mapped by `t` (screen = local · k + (x, y)). Points closer
 * than `minStep` screen px to the last one written are skipped (0 keeps every point). With
 * `clip`, areas whose box lies outside it (screen px) are left out.
 */
export function traceAreas(
  sink: PathSink,
  areas: readonly ProjectedArea[],
  t: ZoomTransform = LOCAL,
  { minStep = 0, clip }: { minStep?: number; clip?: [number, number, number, number] } = {},
): void {
  const m2 = minStep * minStep;
  for (const a of areas) {
    if (clip && (a.box[2] * t.k + t.x < clip[0] || a.box[0] * t.k + t.x > clip[2] || a.box[3] * t.k + t.y < clip[1] || a.box[1] * t.k + t.y > clip[3])) continue;
    for (const r of a.rings) {
      let px = r[0]! * t.k + t.x;
      let py = r[1]! * t.k + t.y;
      sink.moveTo(px, py);
      const n = r.length / 2;
      for (let i = 1; i < n; i++) {
        const x = r[2 * i]! * t.k + t.x;
        const y = r[2 * i + 1]! * t.k + t.y;
        if (m2 > 0 && i < n - 1 && (x - px) * (x - px) + (y - py) * (y - py) < m2) continue;
        sink.lineTo(x, y);
        px = x;
        py = y;
      }
      sink.closePath();
    }
  }
}

/** Is the local point inside the area (even–odd over all its rings, so holes count)? */
export function areaContains(a: ProjectedArea, x: number, y: number): boolean {
  if (x < a.box[0] || x > a.box[2] || y < a.box[1] || y > a.box[3]) return false;
  let inside = false;
  for (const r of a.rings) {
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = r[2 * i]!, yi = r[2 * i + 1]!, xj = r[2 * j]!, yj = r[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The first area containing the local point, or null. */
export function areaAtLocal(areas: readonly ProjectedArea[], x: number, y: number): ProjectedArea | null {
  for (const a of areas) if (areaContains(a, x, y)) return a;
  return null;
}

/** Screen transform of local px under a world-px zoom transform. */
export function localTransform(t: ZoomTransform): ZoomTransform {
  return { k: t.k, x: t.x + ORIGIN[0] * t.k, y: t.y + ORIGIN[1] * t.k };
}
