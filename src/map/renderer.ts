/**
 * The renderer seam: the one small interface the rest of the app talks to. A renderer draws
 * the view model (selectors/view.ts) on a map and answers questions about what is under a
 * point; it knows nothing about filters, the URL, tooltips or the details card. Interaction
 * (hover, click, keyboard selection) lives on the app side (ui/interaction.ts) and uses
 * `pick`, `areaAt` and `highlight`.
 *
 * Two implementations: ./webgl (MapLibre + a custom WebGL arc layer) and ./2d (d3-geo on
 * Canvas 2D, no GPU needed). Code outside map/ may import this file's types (`import type`),
 * never map/'s code; main.ts chooses and creates the renderer (./choose.ts).
 */
import type { Hit } from '../selectors/hit.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { Boundaries } from '../geo/boundaries.ts';
import type { Bounds } from '../geo/region.ts';
import type { CameraView, Lang, RendererKind, Theme } from '../state/viewState.ts';

export type { RendererKind } from '../state/viewState.ts';

/** Why a renderer was chosen (./choose.ts; said in the attribution). */
export type RendererReason = 'forced' | 'webgl' | 'no-webgl' | 'software-gl';

export interface RendererChoice {
  kind: RendererKind;
  reason: RendererReason;
}

/** A point in CSS pixels from the map container's top-left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

export type { Hit };

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Cooperative gestures' hints, in the page's language. */
export interface GestureMessages {
  /** "Use Ctrl + scroll to zoom the map" */
  wheel: string;
  /** "Use ⌘ + scroll to zoom the map" */
  wheelMac: string;
  /** "Use two fingers to move the map" */
  touch: string;
}

/** One row of a picture's legend: a swatch and its words. */
export interface ImageLegendItem {
  label: string;
  /** Swatch colour ('#rrggbb'). */
  color: string;
  /** 'line': an industry's colour; 'dashed': an arc drawn dashed; 'taper': an arc width (`size` = its width, px); 'circle': a platform tier (`size` = radius). */
  shape: 'line' | 'dashed' | 'taper' | 'circle';
  size?: number;
  /** Circle outline colour. */
  stroke?: string;
}

/** A titled group of legend rows (industries, widths, platform tiers). */
export interface ImageLegendSection {
  title: string;
  items: ImageLegendItem[];
}

/** What goes around the map in a downloaded picture (ui/download.ts builds it from the view model). */
export interface ImageFrame {
  /** Above the map: a title and lines under it (date, filters in words). */
  header?: { title?: string; lines?: string[] };
  /** Below the map: the legend, then attribution lines. */
  footer?: { legend?: ImageLegendSection[]; lines?: string[] };
}

/** How one small map is drawn: its size in CSS px, the screen's pixel ratio and the theme. */
export interface SmallMapFrame {
  width: number;
  height: number;
  dpr: number;
  theme: Theme;
}

/**
 * Draws small maps on plain Canvas 2D canvases (the small multiples, issue 18): the whole region,
 * the basemap drawn once per size and theme and copied, a view's arcs (records without a figure
 * dotted) and place circles on it with the view's scales. Never a WebGL context per map.
 */
export interface SmallMapPainter {
  paint(canvas: HTMLCanvasElement, view: Pick<ViewModel, 'arcs' | 'places' | 'scales' | 'unmeasuredArcs'>, frame: SmallMapFrame): void;
}

export interface RendererOptions {
  container: HTMLElement;
  boundaries: Boundaries;
  theme: Theme;
  lang: Lang;
  /** Start camera; null = the whole region (REGION_BOUNDS). */
  camera: CameraView | null;
  reducedMotion: boolean;
  /** Attribution lines (boundaries, context, fonts …), already in `lang`. */
  attribution: string[];
  /** Resolve a relative asset path against the page (fonts). */
  asset(path: string): string;
  /** One line on which renderer draws and why, in `lang` (shown with the attribution). */
  rendererNote?: string;
  /** Shown over the map while a lost WebGL context is restored (WebGL only). */
  lostMessage?(): string;
}

export interface Renderer {
  readonly kind: RendererKind;
  /** The element that takes pointer events and keyboard focus (the map's canvas). */
  readonly surface: HTMLElement;
  /** Draw a view model: its arcs, place totals, shown platforms and scales. */
  setView(view: ViewModel): void;
  /** Light the arcs touching `key` (an adcode or platform id), or the one arc `arcId`, and fade the rest; null clears. */
  highlight(key: string | null, arcId?: string | null): void;
  /** Can it draw flowing dashes? (WebGL: yes; 2D: no, every tick would be a full software frame.) */
  readonly canAnimate: boolean;
  /** Flowing dashes on the arcs (ignored where `canAnimate` is false). */
  setAnimated(on: boolean): void;
  setTheme(theme: Theme): void;
  /** Label language and the attribution lines in that language. */
  setLang(lang: Lang, attribution: string[]): void;
  getCamera(): CameraView;
  /** Move the camera (null = the whole region); `fly` animates, otherwise it jumps. */
  setCamera(camera: CameraView | null, options?: { fly?: boolean }): void;
  /** The camera that fits `bounds` inside the map less `padding` (CSS px), zoom within the limits; null if it cannot. */
  cameraFor(bounds: Bounds, padding: Padding): CameraView | null;
  /** How far the camera may pan (the story loosens it while its bottom sheet is open). */
  setMaxBounds(bounds: Bounds): void;
  /** Called when a camera move (by the user or setCamera) has ended. */
  onCameraEnd(listener: (camera: CameraView) => void): () => void;
  /** Platform, place circle or arc under a point (faded arcs are skipped). */
  pick(p: ScreenPoint): Hit | null;
  /** The prefecture (adcode) under a point, if any. */
  areaAt(p: ScreenPoint): number | null;
  /** In an embed: one-finger/plain-wheel gestures scroll the page; the message says how to move the map. Null turns it off. */
  setCooperativeGestures(message: GestureMessages | null): void;
  /** Resolves after the next complete frame (the container's aria-busy is "false" then). */
  idle(): Promise<void>;
  /** The map as drawn now, at device pixels (for the PNG download). */
  snapshot(): Promise<HTMLCanvasElement>;
  /**
   * The current view as an SVG document (camera, size, theme, language, highlight and view model
   * as drawn), vector, text as text, framed by `frame`. The writer (./svg.ts) loads on first use.
   */
  svg(frame: ImageFrame): Promise<string>;
  /** The same, at once (printing cannot wait: `beforeprint` is synchronous). */
  copy(): HTMLCanvasElement;
  /** The small maps' painter (./smallMaps.ts, shared by both renderers), loaded on first use. */
  smallMaps(): Promise<SmallMapPainter>;
  destroy(): void;
}
