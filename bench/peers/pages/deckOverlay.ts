/**
 * deck.gl over our MapLibre basemap with `MapboxOverlay` in OVERLAID mode (interleaved mode
 * throws on MapLibre 6.17: it reads `map.transform`). Deck draws into its own canvas above the
 * map and follows the map's camera.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { forceFinish } from '../common.ts';

interface DeckInternals {
  layerManager?: { getLayers(): Array<Layer & { isLoaded: boolean; state: unknown }> };
}

export interface Overlay {
  overlay: MapboxOverlay;
  /** Resolves at the next deck frame drawn with every layer loaded (after a forced pixel read). */
  frame(): Promise<number>;
  layers(): Array<Layer & { isLoaded: boolean; state: unknown }>;
}

export function createOverlay(map: MapLibreMap, layers: Layer[]): Overlay {
  let waiters: Array<(t: number) => void> = [];
  let overlay: MapboxOverlay;
  const internals = () => (overlay as unknown as { _deck?: DeckInternals })._deck;
  const all = () => internals()?.layerManager?.getLayers() ?? [];
  overlay = new MapboxOverlay({
    interleaved: false,
    layers,
    onAfterRender: ({ gl }) => {
      if (!waiters.length) return;
      const ls = all();
      if (!ls.length || !ls.every((l) => l.isLoaded)) return;
      forceFinish(gl);
      const t = performance.now();
      const w = waiters;
      waiters = [];
      for (const f of w) f(t);
    },
  });
  const frame = () => new Promise<number>((r) => waiters.push(r));
  // Register before the overlay's first frame can happen.
  const first = frame();
  map.addControl(overlay);
  let firstUsed = false;
  return {
    overlay,
    frame: () => {
      if (!firstUsed) {
        firstUsed = true;
        return first;
      }
      return frame();
    },
    layers: all,
  };
}
