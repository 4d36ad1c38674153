/**
 * MapLibre at the edge: creates the map with the offline basemap, keeps `aria-busy` on the map
 * element true until the map is idle, and reports when WebGL is missing instead of throwing.
 */
import { Map as MapLibreMap, AttributionControl, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle, type BasemapOptions } from './style.ts';
import type { CameraView } from '../../state/viewState.ts';
import { LABEL_FONTS } from '../../scales/palette.ts';
import { MAX_BOUNDS, MAX_ZOOM, MIN_ZOOM, REGION_BOUNDS, REGION_PADDING } from '../../geo/region.ts';

setWorkerUrl(workerUrl);

export interface CreateMapOptions extends BasemapOptions {
  container: HTMLElement;
  view: CameraView | null;
  /** Extra attribution strings (data sources, fonts). */
  customAttribution: string[];
  reducedMotion: boolean;
}

export function createMap(o: CreateMapOptions): MapLibreMap {
  o.container.setAttribute('aria-busy', 'true');
  const map = new MapLibreMap({
    container: o.container,
    style: basemapStyle(o),
    ...(o.view ? { center: [o.view.lon, o.view.lat] as [number, number], zoom: o.view.zoom } : { bounds: REGION_BOUNDS, fitBoundsOptions: { padding: REGION_PADDING } }),
    maxBounds: MAX_BOUNDS,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    attributionControl: false,
    localIdeographFontFamily: LABEL_FONTS,
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
