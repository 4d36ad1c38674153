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
