/**
 * The MapLibre pages' shared basemap: this project's own `createMap` + `basemapStyle` over the
 * same boundary file, so every MapLibre-based page draws the identical map under its flows.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { createMap } from '../../../src/map/webgl/createMap.ts';
import type { Boundaries } from '../../../src/geo/boundaries.ts';
import { CAMERA, forceFinish } from '../common.ts';

export async function createBasemap(boundaries: Boundaries): Promise<MapLibreMap> {
  const container = document.getElementById('map')!;
  const map = createMap({
    container,
    theme: 'light',
    lang: 'zh',
    glyphs: `${new URL('fonts/', document.baseURI).href}{fontstack}/{range}.pbf`,
    boundaries,
    view: { lon: CAMERA.start.center[0], lat: CAMERA.start.center[1], zoom: CAMERA.start.zoom },
    attribution: 'Boundaries: jjj.topo.json',
    customAttribution: ['SYNTHETIC flows (benchmark)'],
    reducedMotion: true,
  });
  if (!map.loaded()) await new Promise<void>((r) => map.once('load', () => r()));
  // For probing by hand in DevTools / scripts; the driver does not use it.
  (window as unknown as { __benchMap?: MapLibreMap }).__benchMap = map;
  return map;
}

export function mapGl(map: MapLibreMap): WebGL2RenderingContext {
  return map.getCanvas().getContext('webgl2')!;
}

/**
 * The next complete map frame: MapLibre's `idle` (everything loaded and drawn), then a one-pixel
 * read in the same task so the software GPU has really finished that frame.
 */
export function mapFrame(map: MapLibreMap): Promise<number> {
  return new Promise((resolve) => {
    map.once('idle', () => {
      forceFinish(mapGl(map));
      resolve(performance.now());
    });
    map.triggerRepaint();
  });
}

/** The scripted move on a MapLibre map; resolves at the complete frame after `moveend`. */
export async function easeMove(map: MapLibreMap, motionEnd: () => void = () => {}): Promise<void> {
  await new Promise<void>((resolve) => {
    map.once('moveend', () => {
      motionEnd();
      resolve();
    });
    map.easeTo({ center: CAMERA.end.center, zoom: CAMERA.end.zoom, duration: CAMERA.durationMs, easing: (t) => t, essential: true });
  });
  await mapFrame(map);
}

/** Put the camera back to the start (between runs in one page; the driver uses fresh pages). */
export function resetCamera(map: MapLibreMap): void {
  map.jumpTo({ center: CAMERA.start.center, zoom: CAMERA.start.zoom });
}
