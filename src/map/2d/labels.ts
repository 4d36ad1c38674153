/**
 * Place names in 2D: the label points of Boundaries (context, prefecture, county), styled as the
 * WebGL map's symbol layers (map/style.ts: sizes by zoom, colours, halos, zoom ranges) and placed
 * greedily by priority — prefectures, then counties, then neighbouring provinces/countries, as
 * MapLibre places its topmost layer first — so that no two boxes overlap. Pure: text widths come
 * from a `measure` function (canvas measureText in the page, an estimate elsewhere).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { LabelProps } from '../../geo/boundaries.ts';
import { worldX, worldY, type ZoomTransform } from '../../geo/camera.ts';
import { palettes } from '../../scales/palette.ts';
import type { Lang, Theme } from '../../state/viewState.ts';
import { interpolate } from './basemap.ts';

/**
 * System fonts for labels: Latin from Noto Sans where installed, Chinese from the system's CJK
 * fonts (map/createMap.ts LOCAL_IDEOGRAPH_FONTS, which the WebGL map uses for ideographs).
 */
export const LABEL_FONTS = "'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

export type Measure = (text: string, size: number, letterSpacingEm: number) => number;

/** Width estimate without a canvas: ideographs 1 em, other characters ≈ 0.56 em. */
export const estimateWidth: Measure = (text, size, ls) => {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff]/.test(ch) ? 1 : 0.56;
  return (em + ls * [...text].length) * size;
};

export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  size: number;
  /** Letter spacing, em. */
  letterSpacing: number;
  color: string;
  halo: string;
  haloWidth: number;
  opacity: number;
  level: LabelProps['level'];
  /** Box [x0, y0, x1, y1] including padding, screen px. */
  box: [number, number, number, number];
}

interface Rule {
  level: LabelProps['level'];
  minzoom: number;
  maxzoom: number;
  size: (z: number) => number;
  letterSpacing: (lang: Lang) => number;
  padding: number;
  color: (p: (typeof palettes)['light']) => string;
  halo: (p: (typeof palettes)['light']) => string;
  haloWidth: number;
  opacity: (z: number) => number;
}

/** In placement priority order (style.ts draws these bottom to top: context, county, prefecture). */
const RULES: Rule[] = [
  {
    level: 'prefecture', minzoom: 0, maxzoom: 99,
    size: (z) => interpolate(z, [[5, 11], [8, 15], [10, 17]]),
    letterSpacing: (lang) => (lang === 'zh' ? 0.15 : 0.02),
    padding: 4, color: (p) => p.text, halo: (p) => p.textHalo, haloWidth: 1.6,
    opacity: (z) => interpolate(z, [[8.5, 1], [9.5, 0.55]]),
  },
  {
    level: 'county', minzoom: 8, maxzoom: 99,
    size: (z) => interpolate(z, [[8, 10], [11, 13]]),
    letterSpacing: () => 0, padding: 3, color: (p) => p.countyText, halo: (p) => p.textHalo, haloWidth: 1.2, opacity: () => 1,
  },
  {
    level: 'context', minzoom: 0, maxzoom: 8,
    size: () => 13, letterSpacing: () => 0.12, padding: 2, color: (p) => p.contextText, halo: (p) => p.context, haloWidth: 1, opacity: () => 1,
  },
];

const overlaps = (a: readonly number[], b: readonly number[]) => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

/**
 * Labels to draw in a `width` × `height` view under `t` (world px → screen): by priority, each
 * kept only if its box (text plus padding) is on screen and overlaps no label kept before it.
 */
export function placeLabels(
  labels: FeatureCollection<Point, LabelProps>,
  t: ZoomTransform,
  size: { width: number; height: number },
  o: { theme: Theme; lang: Lang; measure?: Measure },
): PlacedLabel[] {
  const zoom = Math.log2(t.k);
  const pal = palettes[o.theme];
  const measure = o.measure ?? estimateWidth;
  const placed: PlacedLabel[] = [];
  // A coarse grid of kept boxes: each candidate is checked against its cells only.
  const CELL = 64;
  const grid = new Map<number, PlacedLabel[]>();
  const cells = (b: readonly number[], f: (k: number) => void) => {
    for (let gx = Math.floor(b[0]! / CELL); gx <= Math.floor(b[2]! / CELL); gx++) for (let gy = Math.floor(b[1]! / CELL); gy <= Math.floor(b[3]! / CELL); gy++) f(gx * 4096 + gy);
  };
  for (const rule of RULES) {
    if (zoom < rule.minzoom || zoom >= rule.maxzoom) continue;
    const sz = rule.size(zoom);
    const ls = rule.letterSpacing(o.lang);
    const opacity = rule.opacity(zoom);
    for (const f of labels.features) {
      if (f.properties.level !== rule.level) continue;
      const text = o.lang === 'zh' ? f.properties.name_zh : f.properties.name_en;
      if (!text) continue;
      const [lon, lat] = f.geometry.coordinates as [number, number];
      const x = worldX(lon) * t.k + t.x;
      const y = worldY(lat) * t.k + t.y;
      const w = measure(text, sz, ls);
      const h = sz * 1.2;
      const box: [number, number, number, number] = [x - w / 2 - rule.padding, y - h / 2 - rule.padding, x + w / 2 + rule.padding, y + h / 2 + rule.padding];
      if (box[2] < 0 || box[0] > size.width || box[3] < 0 || box[1] > size.height) continue;
      let free = true;
      cells(box, (k) => {
        if (free) for (const other of grid.get(k) ?? []) if (overlaps(box, other.box)) free = false;
      });
      if (!free) continue;
      const label: PlacedLabel = { text, x, y, size: sz, letterSpacing: ls, color: rule.color(pal), halo: rule.halo(pal), haloWidth: rule.haloWidth, opacity, level: rule.level, box };
      placed.push(label);
      cells(box, (k) => {
        const list = grid.get(k);
        if (list) list.push(label);
        else grid.set(k, [label]);
      });
    }
  }
  // Drawn bottom to top as the WebGL map's layers: context, county, prefecture.
  const rank = { context: 0, county: 1, prefecture: 2, province: 3 } as const;
  return placed.sort((a, b) => rank[a.level] - rank[b.level]);
}

/** The canvas/SVG font shorthand of a label. */
export const labelFont = (size: number) => `${size.toFixed(1)}px ${LABEL_FONTS}`;
