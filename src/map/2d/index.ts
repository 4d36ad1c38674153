/**
 * The 2D renderer: the map on Canvas 2D, no WebGL (for browsers without a GPU or on a software
 * rasteriser, where it is several times cheaper per frame than MapLibre). Implements the seam
 * (../renderer.ts). MapLibre is never imported here: main.ts loads this module with a dynamic
 * import when ../choose.ts picks '2d'.
 *
 * Frames: the basemap's paths are projected once (./geometry.ts) and cached as Path2D per layer;
 * the basemap is drawn (a transform and a fill or stroke per layer) once per camera into a canvas
 * of its own and copied; on it go the arcs, batched by colour as hairline strands or tapered
 * ribbons (./arcs.ts, ./canvas.ts), the circles (./circles.ts) and the placed labels
 * (./labels.ts). During a gesture, while a full frame costs more than `fullFrameBudgetMs`, the
 * last complete frame is copied once and drawn moved and scaled (one drawImage a frame), and
 * redrawn in full when the motion pauses or the bitmap has moved too far (`gestureFrames`).
 * Pan/zoom input: ./gestures.ts.
 */
import type { CameraView, Lang, Theme } from '../../state/viewState.ts';
import type { ViewModel } from '../../selectors/view.ts';
import type { Hit, Renderer, RendererOptions, ScreenPoint } from '../renderer.ts';
import type { PackedArcs } from '../arcPack.ts';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM, REGION_BOUNDS, REGION_PADDING, type Bounds } from '../../geo/region.ts';
import { fitBounds, fromTransform, toTransform, WORLD, type CameraLimits, type Size, type ZoomTransform } from '../../geo/camera.ts';
import { buildPickIndex, pickArc, type PickIndex } from '../../geo/pick.ts';
import { packView } from '../packView.ts';
import { mapArcs } from '../../selectors/mapArcs.ts';
import { areaAtLocal, ORIGIN, projectBoundaries, type ProjectedBasemap } from './geometry.ts';
import { arcBatches, type ArcBatch } from './arcs.ts';
import { arcStates, unpickable } from '../../selectors/highlight.ts';
import { dottedArcs } from '../dottedArcs.ts';
import { circleAt, circles, intakeCircles, shownPlatforms, type Circle } from './circles.ts';
import { seaColor } from './basemap.ts';
import { placeLabels, type PlacedLabel } from './labels.ts';
import { canvasMeasure, drawBasemap, drawFrame, frameParts, layerPaths, type LayerPaths } from './canvas.ts';
import { attachGestures } from './gestures.ts';
import { mountControls } from './controls.ts';

export interface Renderer2dOptions {
  /**
   * During a gesture: 'auto' moves the last frame as a bitmap when a full frame took longer than
   * `fullFrameBudgetMs` (redrawn in full when the motion pauses), 'full' always draws in full.
   */
  gestureFrames?: 'auto' | 'full' | 'bitmap';
  fullFrameBudgetMs?: number;
  /** Called after every frame drawn with its cost in ms and whether it was complete (benchmark). */
  onFrame?(ms: number, full: boolean): void;
  /** Benchmark probe: finish each part of a frame before the next (see canvas.ts `frameParts`). */
  probe?: boolean;
}

/** The canvas's accessible name, as MapLibre's canvas has one. */
const MAP_LABEL = { zh: '地图', en: 'Map' } as const;

/** How long the motion must pause before a full redraw, ms. */
const SETTLE_MS = 120;
/** During a gesture the last frame is moved as a bitmap while it is scaled by at most ±this many zoom levels … */
const MAX_BITMAP_ZOOM = 0.5;
/** … and moved by at most this share of the view; beyond, a full frame is drawn. */
const MAX_BITMAP_PAN = 0.35;

export interface Renderer2d extends Renderer {
  /** For the benchmark and tests: the transform (world px → screen) and the last frame's cost. */
  readonly debug: {
    transform(): ZoomTransform;
    lastFrameMs(): number;
    parts(): Record<string, number>;
    fullFrames(): number;
    /** One step of a gesture (no camera end): for the benchmark's scripted move. */
    moveBy(t: ZoomTransform): void;
  };
}

export async function create2dRenderer(options: RendererOptions & Renderer2dOptions = {} as RendererOptions): Promise<Renderer2d> {
  const { container } = options;
  const gestureMode = options.gestureFrames ?? 'auto';
  const budget = options.fullFrameBudgetMs ?? 24;
  if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
  const canvas = document.createElement('canvas');
  canvas.className = 'map2d-canvas map-surface';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', MAP_LABEL[options.lang]);
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%', display: 'block', outline: 'none', touchAction: 'none' });
  // The canvas sits in a frame with the sea as background (shown before the first frame).
  const frameEl = document.createElement('div');
  frameEl.className = 'map2d-frame';
  Object.assign(frameEl.style, { position: 'absolute', inset: '0', overflow: 'hidden', background: seaColor(options.theme) });
  frameEl.append(canvas);
  container.append(frameEl);
  const ctx = canvas.getContext('2d', { alpha: false })!;
  const base = document.createElement('canvas');
  const baseCtx = base.getContext('2d', { alpha: false })!;
  let baseKey = '';
  /** A copy of the last complete frame, taken when a gesture first moves it as a bitmap. */
  const still = document.createElement('canvas');
  const stillCtx = still.getContext('2d', { alpha: false })!;
  let stillCopied = false;
  /** Where the last complete frame was drawn (moved as a bitmap during gestures). */
  let stillTransform: ZoomTransform | null = null;

  let theme: Theme = options.theme;
  let lang: Lang = options.lang;
  let size: Size = { width: Math.max(1, container.clientWidth), height: Math.max(1, container.clientHeight) };
  let dpr = window.devicePixelRatio || 1;
  let limits: CameraLimits = { maxBounds: MAX_BOUNDS, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM };
  const projected: ProjectedBasemap = projectBoundaries(options.boundaries);
  const paths: LayerPaths = layerPaths(projected);
  const measure = canvasMeasure(ctx);

  let view: ViewModel | null = null;
  let packed: PackedArcs = { count: 0, positions: new Float32Array(0), curvature: new Float32Array(0), width: new Float32Array(0), color: new Uint8Array(0), state: new Uint8Array(0) };
  let states: Uint8Array = new Uint8Array(0);
  let batches: ArcBatch[] = [];
  const dots = dottedArcs();
  let index: PickIndex | null = null;
  let focus: string | null = null;
  let hlKey: string | null = null;
  let hlArc: string | null = null;
  let drawnCircles: { places: Circle[]; platforms: Circle[]; intake?: Circle[] } = { places: [], platforms: [] };
  let labels: PlacedLabel[] = [];

  let frame = 0;
  let moving = false;
  let settleTimer = 0;
  let lastFullMs = 0;
  let lastFrameMs = 0;
  let fullFrames = 0;
  let waiters: Array<() => void> = [];
  const endListeners = new Set<(c: CameraView) => void>();

  const resizeCanvas = () => {
    canvas.width = Math.round(size.width * dpr);
    canvas.height = Math.round(size.height * dpr);
  };
  resizeCanvas();

  /** Is the last full frame still good to move as a bitmap to `t` (not scaled or panned too far)? */
  const movable = (t: ZoomTransform) => {
    if (!stillTransform) return false;
    const s = t.k / stillTransform.k;
    const dx = t.x - stillTransform.x * s;
    const dy = t.y - stillTransform.y * s;
    return Math.abs(Math.log2(s)) <= MAX_BITMAP_ZOOM && Math.abs(dx) <= size.width * MAX_BITMAP_PAN && Math.abs(dy) <= size.height * MAX_BITMAP_PAN;
  };

  const draw = (now: number) => {
    frame = 0;
    const t0 = performance.now();
    const t = gestures.transform();
    const fast = moving && (gestureMode === 'bitmap' || (gestureMode === 'auto' && lastFullMs > budget)) && movable(t);
    if (fast && stillTransform) {
      // The last full frame, moved and scaled inside the canvas (one drawImage); the sea where it
      // does not reach. Not by a CSS transform on the canvas: d3-zoom reads pointer positions
      // against the canvas's bounding box, which a transform moves, so each mousemove over a moved
      // bitmap was measured from the wrong origin and the camera ran off mid-drag.
      if (!stillCopied) {
        if (still.width !== canvas.width || still.height !== canvas.height) {
          still.width = canvas.width;
          still.height = canvas.height;
        }
        stillCtx.drawImage(canvas, 0, 0);
        stillCopied = true;
      }
      const s = t.k / stillTransform.k;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = seaColor(theme);
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(s, 0, 0, s, (t.x - stillTransform.x * s) * dpr, (t.y - stillTransform.y * s) * dpr);
      ctx.drawImage(still, 0, 0);
      ctx.setTransform(1, 0, 0, 1, 0, 0);
    } else {
      stillCopied = false;
      drawnCircles = view ? circles(view, shownPlatforms(view), t, theme, focus) : { places: [], platforms: [] };
      // The prefecture intake layer (issue 17): the WebGL layer's symbols, under the flows.
      if (view?.intake) drawnCircles.intake = intakeCircles(view, options.boundaries.labels, t);
      labels = placeLabels(options.boundaries.labels, t, size, { theme, lang, measure });
      // The basemap is drawn once per camera, theme and size into its own canvas: a filter or
      // highlight change redraws only what lies on it.
      const key = `${t.k},${t.x},${t.y},${theme},${canvas.width}x${canvas.height}`;
      if (key !== baseKey) {
        if (base.width !== canvas.width || base.height !== canvas.height) {
          base.width = canvas.width;
          base.height = canvas.height;
        }
        drawBasemap(baseCtx, { theme, transform: t, width: size.width, height: size.height, dpr, paths });
        baseKey = key;
      }
      drawFrame(ctx, { theme, transform: t, width: size.width, height: size.height, dpr, paths, arcs: packed, batches, dotted: dots.packed, circles: drawnCircles, labels, base, flush: options.probe ? () => ctx.getImageData(0, 0, 1, 1) : undefined });
      fullFrames++;
      stillTransform = t;
      // What a full frame costs, raster included: from this frame's start to the next frame.
      const start = now;
      requestAnimationFrame((next) => (lastFullMs = next - start));
    }
    lastFrameMs = performance.now() - t0;
    options.onFrame?.(lastFrameMs, !fast);
    // A moved bitmap is not a complete frame: the full one follows when the motion pauses.
    if (!frame && !fast) {
      container.setAttribute('aria-busy', 'false');
      const w = waiters;
      waiters = [];
      for (const f of w) f();
    }
  };
  const request = () => {
    container.setAttribute('aria-busy', 'true');
    if (!frame) frame = requestAnimationFrame(draw);
  };

  const limitsFor = (b: Bounds): CameraLimits => ({ ...limits, maxBounds: b });
  const startCamera = (cam: CameraView | null): ZoomTransform => toTransform(cam ?? fitBounds(REGION_BOUNDS, size, REGION_PADDING, MAX_ZOOM), size);

  const gestures = attachGestures(canvas, {
    size: () => size,
    limits,
    reducedMotion: options.reducedMotion,
    hint: (text) => controls.hint(text),
    onChange: (_t, isMoving) => {
      if (isMoving) {
        moving = true;
        clearTimeout(settleTimer);
        settleTimer = window.setTimeout(() => {
          moving = false;
          request();
        }, SETTLE_MS);
      }
      request();
    },
    onEnd: (t) => {
      const cam = fromTransform(t, size);
      for (const l of endListeners) l(cam);
    },
  });
  const controls = mountControls(container, { lang, attribution: options.attribution, note: options.rendererNote, zoomBy: (dz) => gestures.zoomBy(dz) });
  gestures.moveTo(startCamera(options.camera));

  const resizeObserver = new ResizeObserver(() => {
    const w = Math.max(1, container.clientWidth);
    const h = Math.max(1, container.clientHeight);
    const d = window.devicePixelRatio || 1;
    if (w === size.width && h === size.height && d === dpr) return;
    // Keep the centre where it was.
    const cam = fromTransform(gestures.transform(), size);
    size = { width: w, height: h };
    dpr = d;
    resizeCanvas();
    stillTransform = null;
    gestures.moveTo(toTransform(cam, size));
    request();
  });
  resizeObserver.observe(container);
  // A change of devicePixelRatio (browser zoom, a window moved to another screen) without a resize.
  let dprQuery: MediaQueryList | null = null;
  const onDpr = () => {
    const d = window.devicePixelRatio || 1;
    watchDpr();
    if (d === dpr) return;
    dpr = d;
    resizeCanvas();
    stillTransform = null;
    request();
  };
  const watchDpr = () => {
    dprQuery?.removeEventListener('change', onDpr);
    dprQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`) ?? null;
    dprQuery?.addEventListener('change', onDpr);
  };
  watchDpr();

  const restate = () => {
    states = view ? arcStates(mapArcs(view), hlKey, hlArc) : new Uint8Array(0);
    packed.state = states;
    batches = arcBatches(packed, states);
    dots.restate(hlKey, hlArc);
    stillTransform = null;
    request();
  };

  const renderer: Renderer2d = {
    kind: '2d',
    surface: canvas,
    setView(v) {
      view = v;
      packed = packView(v);
      dots.update(v);
      // Built on the first pick: a filter change draws first.
      index = null;
      restate();
    },
    highlight(key, arcId = null) {
      hlKey = key;
      hlArc = arcId;
      focus = key;
      restate();
    },
    // Flowing dashes only in the WebGL renderer: here every tick would be a full software frame
    // (20–60 ms at 10,000 arcs), the CPU kept busy for an effect. The arcs' taper shows direction,
    // and the legend offers no animation control (ui/mapView.ts reads `canAnimate`).
    canAnimate: false,
    setAnimated() {},
    setTheme(t) {
      theme = t;
      frameEl.style.background = seaColor(t);
      stillTransform = null;
      request();
    },
    setLang(l, attribution) {
      lang = l;
      canvas.setAttribute('aria-label', MAP_LABEL[l]);
      controls.setLang(l, attribution, options.rendererNote);
      stillTransform = null;
      request();
    },
    getCamera: () => fromTransform(gestures.transform(), size),
    setCamera(cam, o = {}) {
      gestures.moveTo(startCamera(cam), o);
    },
    cameraFor(bounds, padding) {
      return fitBounds(bounds, size, padding, limits.maxZoom);
    },
    setMaxBounds(b) {
      limits = limitsFor(b);
      gestures.setLimits(limits);
    },
    onCameraEnd(listener) {
      endListeners.add(listener);
      return () => endListeners.delete(listener);
    },
    pick(p: ScreenPoint): Hit | null {
      if (!view) return null;
      const plat = circleAt(drawnCircles.platforms, p.x, p.y);
      if (plat) return plat.hit;
      if (packed.count) {
        index ??= buildPickIndex(packed.positions, packed.curvature, packed.width);
        const t = gestures.transform();
        const m: [number, number] = [(p.x - t.x) / t.k / WORLD, (p.y - t.y) / t.k / WORLD];
        const i = pickArc(index, m, WORLD * t.k, 4, unpickable(states, hlKey));
        if (i >= 0) return { kind: 'arc', arc: mapArcs(view)[i]! };
      }
      if (dots.packed.count) {
        const t = gestures.transform();
        const u = dots.pick([(p.x - t.x) / t.k / WORLD, (p.y - t.y) / t.k / WORLD], WORLD * t.k);
        if (u) return u;
      }
      const place = circleAt(drawnCircles.places, p.x, p.y, 0);
      if (place) return place.hit;
      const intake = circleAt(drawnCircles.intake ?? [], p.x, p.y, 0);
      return intake ? intake.hit : null;
    },
    areaAt(p) {
      const t = gestures.transform();
      const a = areaAtLocal(projected.prefectures, (p.x - t.x) / t.k - ORIGIN[0], (p.y - t.y) / t.k - ORIGIN[1]);
      return a ? a.id : null;
    },
    setCooperativeGestures(message) {
      gestures.setCooperative(message);
    },
    idle() {
      if (!frame && !moving) return Promise.resolve();
      return new Promise<void>((r) => waiters.push(r));
    },
    async snapshot() {
      if (moving || frame) {
        moving = false;
        stillTransform = null;
        request();
      }
      await renderer.idle();
      return renderer.copy();
    },
    async svg(frame) {
      const { exportSvg } = await import('../svgExport.ts');
      return exportSvg({ boundaries: options.boundaries, projected, view, camera: renderer.getCamera(), width: size.width, height: size.height, theme, lang, highlight: { key: hlKey, arcId: hlArc }, ...frame });
    },
    smallMaps: () => import('../smallMaps.ts').then((m) => m.smallMapPainter(options.boundaries)),
    copy() {
      const out = document.createElement('canvas');
      out.width = canvas.width;
      out.height = canvas.height;
      out.getContext('2d')!.drawImage(canvas, 0, 0);
      return out;
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      clearTimeout(settleTimer);
      resizeObserver.disconnect();
      dprQuery?.removeEventListener('change', onDpr);
      gestures.destroy();
      controls.destroy();
      frameEl.remove();
      for (const f of waiters) f();
      waiters = [];
    },
    debug: {
      transform: () => gestures.transform(),
      lastFrameMs: () => lastFrameMs,
      parts: () => ({ ...frameParts }),
      fullFrames: () => fullFrames,
      moveBy: (t) => gestures.moveTo(t, { gesture: true }),
    },
  };
  request();
  return renderer;
}
