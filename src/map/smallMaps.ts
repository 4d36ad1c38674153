/**
 * The small maps of the small multiples (issue 18), drawn with the 2D renderer's code on plain
 * canvases — never one WebGL context per map: the basemap's Path2D per layer (./2d/canvas.ts
 * `layerPaths`, built once per boundary set), drawn once per size, pixel ratio and theme into an
 * offscreen canvas and copied into each map; on it the view's arcs (./packView.ts, batched as in
 * ./2d/arcs.ts; records without a figure dotted, ./packUnmeasured.ts) and place circles (./2d/circles.ts), with the view's scales shrunk with the map
 * (a map a third as wide draws its widths and radii at a little over half). No labels: the
 * panel's caption names the industry. Loaded by either renderer's `smallMaps()` on first use.
 */
import type { Boundaries } from '../geo/boundaries.ts';
import { REGION_BOUNDS } from '../geo/region.ts';
import { fitBounds, toTransform } from '../geo/camera.ts';
import type { SmallMapFrame, SmallMapPainter } from './renderer.ts';
import { packView } from './packView.ts';
import { packUnmeasured } from './packUnmeasured.ts';
import { projectBoundaries } from './2d/geometry.ts';
import { arcBatches } from './2d/arcs.ts';
import { circles } from './2d/circles.ts';
import { drawBasemap, drawFrame, layerPaths, type LayerPaths } from './2d/canvas.ts';

/** Space around the region in a small map, CSS px. */
const PADDING = 4;
/** The main map's widths and radii are for a map about this wide (CSS px). */
const FULL_WIDTH = 900;

/** How much a small map `width` px wide shrinks the scales' widths and radii (square root, at least 0.3). */
const sizeFactor = (width: number): number => Math.min(1, Math.max(0.3, Math.sqrt(width / FULL_WIDTH)));

const painters = new WeakMap<Boundaries, SmallMapPainter>();

export function smallMapPainter(boundaries: Boundaries): SmallMapPainter {
  let painter = painters.get(boundaries);
  if (painter) return painter;
  let paths: LayerPaths | null = null;
  const base = document.createElement('canvas');
  let baseKey = '';
  painter = {
    paint(canvas, view, f: SmallMapFrame) {
      paths ??= layerPaths(projectBoundaries(boundaries));
      const size = { width: f.width, height: f.height };
      const transform = toTransform(fitBounds(REGION_BOUNDS, size, PADDING), size);
      const w = Math.round(f.width * f.dpr);
      const h = Math.round(f.height * f.dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      const key = `${w}x${h},${f.dpr},${f.theme}`;
      if (key !== baseKey) {
        base.width = w;
        base.height = h;
        drawBasemap(base.getContext('2d', { alpha: false })!, { theme: f.theme, transform, width: f.width, height: f.height, dpr: f.dpr, paths });
        baseKey = key;
      }
      const k = sizeFactor(f.width);
      const arcs = packView(view);
      for (let i = 0; i < arcs.count; i++) arcs.width[i]! *= k;
      const dotted = packUnmeasured(view);
      const places = circles(view, [], transform, f.theme, null).places;
      for (const c of places) c.r *= k;
      const ctx = canvas.getContext('2d', { alpha: false })!;
      drawFrame(ctx, { theme: f.theme, transform, width: f.width, height: f.height, dpr: f.dpr, paths, arcs, batches: arcBatches(arcs, arcs.state), dotted, circles: { places, platforms: [] }, labels: [], base });
    },
  };
  painters.set(boundaries, painter);
  return painter;
}
