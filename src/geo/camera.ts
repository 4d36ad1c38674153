/**
 * The camera's maths with MapLibre's semantics, pure: Web Mercator, a 512-px world at zoom 0, a
 * camera as centre (lon/lat) + zoom. So `view=` addresses and the story's cameras mean the same
 * in every renderer. The 2D renderer draws with it; the story fits bounds with it.
 *
 * Screen points are CSS px from the map's top-left corner; "world px" are Web Mercator × 512 (the
 * world at zoom 0). A `ZoomTransform` maps world px to the screen as d3-zoom's does:
 * screen = world · k + (x, y), k = 2^zoom.
 */
import { mercatorX, mercatorY, unmercator } from './arcs.ts';
import type { Bounds } from './region.ts';
import type { CameraView } from '../state/viewState.ts';

/** The world's size in px at zoom 0 (MapLibre's tile size). */
export const WORLD = 512;

export interface Size {
  width: number;
  height: number;
}

export interface ZoomTransform {
  k: number;
  x: number;
  y: number;
}

export interface CameraLimits {
  maxBounds: Bounds;
  minZoom: number;
  maxZoom: number;
}

/** lon/lat → world px. */
export const worldX = (lon: number): number => mercatorX(lon) * WORLD;
export const worldY = (lat: number): number => mercatorY(lat) * WORLD;

export function toTransform(cam: CameraView, size: Size): ZoomTransform {
  const k = 2 ** cam.zoom;
  return { k, x: size.width / 2 - worldX(cam.lon) * k, y: size.height / 2 - worldY(cam.lat) * k };
}

export function fromTransform(t: ZoomTransform, size: Size): CameraView {
  const [lon, lat] = unmercator((size.width / 2 - t.x) / t.k / WORLD, (size.height / 2 - t.y) / t.k / WORLD);
  return { lon, lat, zoom: Math.log2(t.k) };
}

/** lon/lat → screen px under the camera. */
export function project(cam: CameraView, size: Size, lon: number, lat: number): [number, number] {
  const t = toTransform(cam, size);
  return [worldX(lon) * t.k + t.x, worldY(lat) * t.k + t.y];
}

/** Screen px → lon/lat under the camera. */
export function unproject(cam: CameraView, size: Size, x: number, y: number): [number, number] {
  const t = toTransform(cam, size);
  return unmercator((x - t.x) / t.k / WORLD, (y - t.y) / t.k / WORLD);
}

/** Padding in CSS px, the same on every side or per side. */
export type Padding = number | { top: number; right: number; bottom: number; left: number };

/** The camera that shows `bounds` inside the map less `padding` (MapLibre's fitBounds / cameraForBounds). */
export function fitBounds(bounds: Bounds, size: Size, padding: Padding = 0, maxZoom = Infinity): CameraView {
  const p = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
  const [[w, s], [e, n]] = bounds;
  const x0 = worldX(w), x1 = worldX(e), y0 = worldY(n), y1 = worldY(s);
  const innerW = Math.max(1, size.width - p.left - p.right);
  const innerH = Math.max(1, size.height - p.top - p.bottom);
  const zoom = Math.min(maxZoom, Math.log2(Math.min(innerW / (x1 - x0), innerH / (y1 - y0))));
  const k = 2 ** zoom;
  // The box's centre sits at the centre of the padded area; the camera's at the map's centre.
  const cx = (x0 + x1) / 2 + (size.width / 2 - (p.left + innerW / 2)) / k;
  const cy = (y0 + y1) / 2 + (size.height / 2 - (p.top + innerH / 2)) / k;
  const [lon, lat] = unmercator(cx / WORLD, cy / WORLD);
  return { lon, lat, zoom };
}

/**
 * Keep a transform inside the limits as MapLibre does: zoom within [minZoom, maxZoom] and high
 * enough that the view fits inside `maxBounds`, and the view inside `maxBounds`.
 */
export function clampTransform(t: ZoomTransform, size: Size, o: CameraLimits): ZoomTransform {
  const [[w, s], [e, n]] = o.maxBounds;
  const x0 = worldX(w), x1 = worldX(e), y0 = worldY(n), y1 = worldY(s);
  const fitK = Math.max(size.width / (x1 - x0), size.height / (y1 - y0));
  const k = Math.min(2 ** o.maxZoom, Math.max(2 ** o.minZoom, fitK, t.k));
  // Keep the screen point under the old centre where it was when k changed (zoom about the centre).
  const cx = (size.width / 2 - t.x) / t.k;
  const cy = (size.height / 2 - t.y) / t.k;
  const hw = size.width / 2 / k;
  const hh = size.height / 2 / k;
  const clamp = (v: number, lo: number, hi: number) => (lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v)));
  const X = clamp(cx, x0 + hw, x1 - hw);
  const Y = clamp(cy, y0 + hh, y1 - hh);
  return { k, x: size.width / 2 - X * k, y: size.height / 2 - Y * k };
}

export function clampCamera(cam: CameraView, size: Size, o: CameraLimits): CameraView {
  return fromTransform(clampTransform(toTransform(cam, size), size, o), size);
}

/** Zoom by `dz` levels about the screen point `p`, the point under it staying put. */
export function zoomAbout(t: ZoomTransform, dz: number, p: readonly [number, number]): ZoomTransform {
  const k = t.k * 2 ** dz;
  return { k, x: p[0] - ((p[0] - t.x) / t.k) * k, y: p[1] - ((p[1] - t.y) / t.k) * k };
}

/** A box on the map's screen, CSS px from its top-left corner. */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The largest part of `free` (the map less what else covers it, e.g. the legend) that `cover`
 * (the details card) leaves: the strip left or right of it (a desktop card at the side), or above
 * or below it (a phone's card across the top; `beside` false); null when none is `least` px across.
 */
export function freeStrip(size: Size, cover: ScreenBox, free: ScreenBox = { left: 0, top: 0, right: size.width, bottom: size.height }, least = 48): (ScreenBox & { beside: boolean }) | null {
  const strips = [
    { ...free, right: Math.min(free.right, cover.left), beside: true },
    { ...free, left: Math.max(free.left, cover.right), beside: true },
    { ...free, bottom: Math.min(free.bottom, cover.top), beside: false },
    { ...free, top: Math.max(free.top, cover.bottom), beside: false },
  ].filter((b) => b.right - b.left >= least && b.bottom - b.top >= least);
  const area = (b: ScreenBox) => (b.right - b.left) * (b.bottom - b.top);
  return strips.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** The camera, at the same zoom, under which `at` (lon/lat) is at the screen point `to`. */
export function placeAt(cam: CameraView, size: Size, at: readonly [number, number], to: readonly [number, number]): CameraView {
  const [x, y] = project(cam, size, at[0], at[1]);
  const t = toTransform(cam, size);
  return fromTransform({ ...t, x: t.x + (to[0] - x), y: t.y + (to[1] - y) }, size);
}

/**
 * The camera, at the same zoom, that moves `at` out from under `cover` into the middle (across
 * it) of the free strip beside it (`freeStrip`); null when `at` is already clear of the cover by
 * `margin` px, or when no strip is wide enough to help.
 */
export function panBeside(cam: CameraView, size: Size, at: readonly [number, number], cover: ScreenBox, o: { margin?: number; free?: ScreenBox } = {}): CameraView | null {
  const margin = o.margin ?? 24;
  const [x, y] = project(cam, size, at[0], at[1]);
  const under = x > cover.left - margin && x < cover.right + margin && y > cover.top - margin && y < cover.bottom + margin;
  if (!under) return null;
  const s = freeStrip(size, cover, o.free, 2 * margin);
  if (!s) return null;
  // Across the strip to its middle; along it, only as far as needed to be inside it.
  const to: [number, number] = s.beside ? [(s.left + s.right) / 2, Math.min(Math.max(y, s.top + margin), s.bottom - margin)] : [Math.min(Math.max(x, s.left + margin), s.right - margin), (s.top + s.bottom) / 2];
  return placeAt(cam, size, at, to);
}
