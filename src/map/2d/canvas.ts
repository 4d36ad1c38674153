/**
 * One frame on a Canvas 2D context: the basemap from Path2D cached per layer in local px (per
 * frame only a transform and a fill or stroke each), the arcs as a few batched fills in screen
 * px, then circles and labels. Device pixels: every transform is scaled by `dpr`.
 */
import type { PackedArcs } from '../arcPack.ts';
import type { ZoomTransform } from '../../geo/camera.ts';
import { traceAreas, localTransform, type ProjectedBasemap } from './geometry.ts';
import { basemapSteps, seaColor } from './basemap.ts';
import { THIN_STEPS, traceBatch, traceStrands, type ArcBatch } from './arcs.ts';
import { traceCircle, type Circle } from './circles.ts';
import { drawDotted } from './dotted.ts';
import { labelFont, type Measure, type PlacedLabel } from './labels.ts';
import type { Theme } from '../../state/viewState.ts';

export type LayerPaths = Record<keyof ProjectedBasemap, Path2D>;

/** Path2D per basemap layer, in local px (built once per boundary set). */
export function layerPaths(b: ProjectedBasemap): LayerPaths {
  const out = {} as LayerPaths;
  for (const k of Object.keys(b) as Array<keyof ProjectedBasemap>) {
    const p = new Path2D();
    traceAreas(p, b[k]);
    out[k] = p;
  }
  return out;
}

export interface FrameInput {
  theme: Theme;
  /** World px → screen (CSS px). */
  transform: ZoomTransform;
  width: number;
  height: number;
  dpr: number;
  paths: LayerPaths;
  arcs: PackedArcs;
  batches: readonly ArcBatch[];
  /** Records with no figure in the measure (../dottedArcs.ts), drawn dotted under the arcs. */
  dotted?: PackedArcs;
  circles: { places: readonly Circle[]; platforms: readonly Circle[]; intake?: readonly Circle[] };
  labels: readonly PlacedLabel[];
  /** Benchmark probe: make the canvas finish its work after each part, so `frameParts` holds raster time too. */
  flush?: () => void;
  /** The basemap already drawn for this transform, theme and size (copied instead of drawn again). */
  base?: CanvasImageSource;
}

/** Time spent in each part of the last frame, ms (for the benchmark). */
export const frameParts = { basemap: 0, arcs: 0, circles: 0, labels: 0 };

export function drawBasemap(ctx: CanvasRenderingContext2D, f: Pick<FrameInput, 'theme' | 'transform' | 'width' | 'height' | 'dpr' | 'paths'>): void {
  const { dpr } = f;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = seaColor(f.theme);
  ctx.fillRect(0, 0, f.width, f.height);
  const t = localTransform(f.transform);
  ctx.setTransform(dpr * t.k, 0, 0, dpr * t.k, dpr * t.x, dpr * t.y);
  ctx.lineJoin = 'round';
  for (const s of basemapSteps(f.theme, Math.log2(t.k))) {
    ctx.globalAlpha = s.opacity;
    if (s.kind === 'fill') {
      ctx.fillStyle = s.color;
      ctx.fill(f.paths[s.areas]);
    } else {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width / t.k;
      ctx.stroke(f.paths[s.areas]);
    }
  }
  ctx.globalAlpha = 1;
}

/**
 * Arcs up to this width (px at the source) are drawn as hairline strands, wider ones as filled
 * ribbons. Measured in headless Chromium's software canvas (10,000 random arcs on 1280×720,
 * .tmp probe, same run): a 1-px stroke of all arcs in one path ≈ 40 ms, three strands per arc
 * ≈ 140–200 ms, a filled ribbon per arc ≈ 400–580 ms, one 2-px stroke of them all ≈ 1.4–2.1 s
 * (a filled or wide-stroked path costs per scanline it covers; a hairline per pixel it touches).
 */
export const STRAND_MAX_WIDTH = 4;

export function drawArcs(ctx: CanvasRenderingContext2D, f: Pick<FrameInput, 'transform' | 'width' | 'height' | 'dpr' | 'arcs' | 'batches'>): void {
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
  const clip: [number, number, number, number] = [0, 0, f.width, f.height];
  for (const b of f.batches) {
    ctx.globalAlpha = b.alpha;
    ctx.fillStyle = b.color;
    ctx.strokeStyle = b.color;
    const thin = THIN_STEPS.map(() => new Path2D());
    if (traceStrands(thin, f.arcs, b, f.transform, clip, { maxWidth: STRAND_MAX_WIDTH, dpr: f.dpr }) > 0) {
      thin.forEach((p, k) => {
        ctx.lineWidth = THIN_STEPS[k]! / f.dpr;
        ctx.stroke(p);
      });
    }
    const wide = new Path2D();
    if (traceBatch(wide, f.arcs, b, f.transform, clip, { minWidth: STRAND_MAX_WIDTH }) > 0) ctx.fill(wide);
  }
  ctx.globalAlpha = 1;
}

export function drawCircles(ctx: CanvasRenderingContext2D, list: readonly Circle[], dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  for (const c of list) {
    ctx.beginPath();
    traceCircle(ctx, c);
    if (c.fill) {
      ctx.globalAlpha = c.fillOpacity;
      ctx.fillStyle = c.fill;
      ctx.fill();
    }
    ctx.globalAlpha = c.strokeOpacity;
    ctx.strokeStyle = c.stroke;
    ctx.lineWidth = c.strokeWidth;
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

export function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly PlacedLabel[], dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const l of labels) {
    ctx.font = labelFont(l.size);
    ctx.letterSpacing = `${(l.letterSpacing * l.size).toFixed(2)}px`;
    ctx.globalAlpha = l.opacity;
    ctx.strokeStyle = l.halo;
    ctx.lineWidth = l.haloWidth * 2;
    ctx.strokeText(l.text, l.x, l.y);
    ctx.fillStyle = l.color;
    ctx.fillText(l.text, l.x, l.y);
  }
  ctx.letterSpacing = '0px';
  ctx.globalAlpha = 1;
}

export function drawFrame(ctx: CanvasRenderingContext2D, f: FrameInput): void {
  let t0 = performance.now();
  const lap = (k: keyof typeof frameParts) => {
    f.flush?.();
    const t1 = performance.now();
    frameParts[k] = t1 - t0;
    t0 = t1;
  };
  if (f.base) {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.drawImage(f.base, 0, 0);
  } else drawBasemap(ctx, f);
  lap('basemap');
  if (f.circles.intake) drawCircles(ctx, f.circles.intake, f.dpr);
  if (f.dotted) drawDotted(ctx, f.dotted, f);
  drawArcs(ctx, f);
  lap('arcs');
  drawCircles(ctx, f.circles.places, f.dpr);
  drawCircles(ctx, f.circles.platforms, f.dpr);
  lap('circles');
  drawLabels(ctx, f.labels, f.dpr);
  lap('labels');
}

/** Text widths from the canvas, cached per font size, spacing and text. */
export function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  const cache = new Map<string, number>();
  return (text, size, ls) => {
    const key = `${size.toFixed(1)}|${ls}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.save();
      ctx.font = labelFont(size);
      ctx.letterSpacing = `${(ls * size).toFixed(2)}px`;
      w = ctx.measureText(text).width;
      ctx.restore();
      cache.set(key, w);
    }
    return w;
  };
}
