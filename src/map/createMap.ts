/**
 * MapLibre at the edge: creates the map with the offline basemap, keeps `aria-busy` on the map
 * element true until the map is idle, and reports when WebGL is missing instead of throwing.
 */
import { Map as MapLibreMap, AttributionControl, NavigationControl, setWorkerUrl, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { basemapStyle, type BasemapOptions } from './style.ts';
import type { CameraView } from '../state/viewState.ts';

setWorkerUrl(workerUrl);

/** The region with a margin: Zhangjiakou's west edge to Qinhuangdao's coast. */
export const REGION_BOUNDS: [[number, number], [number, number]] = [[113.4, 36.0], [119.9, 42.7]];
const MAX_BOUNDS: LngLatBoundsLike = [[108.9, 33.8], [126.1, 45.7]];

export const LOCAL_IDEOGRAPH_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', sans-serif";

export function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

export interface CreateMapOptions extends BasemapOptions {
  container: HTMLElement;
  view: CameraView | null;
  /** Extra attribution strings (data sources, fonts). */
  customAttribution: string[];
  reducedMotion: boolean;
}

/**
 * Marks `el` busy until the map's next `idle`. Call after any change that redraws the map; tests
 * and embedders wait for `aria-busy="false"`.
 */
export function trackBusy(map: MapLibreMap, el: HTMLElement, { continuous = false }: { continuous?: boolean } = {}): void {
  el.setAttribute('aria-busy', 'true');
  // An animated layer keeps the map rendering, so it never becomes idle: the next frame is done.
  map.once(continuous ? 'render' : 'idle', () => el.setAttribute('aria-busy', 'false'));
  map.triggerRepaint();
}

export function createMap(o: CreateMapOptions): MapLibreMap {
  o.container.setAttribute('aria-busy', 'true');
  const map = new MapLibreMap({
    container: o.container,
    style: basemapStyle(o),
    ...(o.view ? { center: [o.view.lon, o.view.lat] as [number, number], zoom: o.view.zoom } : { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: 24 } }),
    maxBounds: MAX_BOUNDS,
    minZoom: 4.5,
    maxZoom: 12,
    attributionControl: false,
    localIdeographFontFamily: LOCAL_IDEOGRAPH_FONTS,
    fadeDuration: o.reducedMotion ? 0 : 300,
    dragRotate: true,
    pitchWithRotate: true,
    cooperativeGestures: false,
  });
  map.addControl(new NavigationControl({ showCompass: true, visualizePitch: true }), 'top-right');
  map.addControl(new AttributionControl({ compact: true, customAttribution: o.customAttribution }), 'bottom-right');
  // On a phone the attribution starts folded behind its (i) button instead of covering the map.
  if (o.container.clientWidth < 640) {
    map.once('load', () => o.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'));
  }
  map.once('idle', () => o.container.setAttribute('aria-busy', 'false'));
  return map;
}
