/**
 * The basemap's layers in 2D, bottom to top, with the WebGL map's palette, widths and zoom ranges
 * (map/style.ts: `basemapStyle`): sea, neighbouring provinces and countries, prefecture fills
 * (the municipalities tinted), county outlines from zoom 7 (fading in to 7.6), prefecture and
 * province outlines widening with the zoom. Pure: a list of paint steps the canvas and the SVG
 * export both follow.
 */
import { palettes } from '../../scales/palette.ts';
import type { Theme } from '../../state/viewState.ts';
import type { ProjectedBasemap } from './geometry.ts';

export type BasemapLayerId = 'context-fill' | 'context-line' | 'prefecture-fill' | 'municipality-fill' | 'county-line' | 'prefecture-line' | 'province-line';

export interface BasemapStep {
  id: BasemapLayerId;
  /** Which projected areas it draws. */
  areas: keyof ProjectedBasemap;
  kind: 'fill' | 'stroke';
  color: string;
  /** Stroke width, CSS px. */
  width: number;
  opacity: number;
}

/** MapLibre's ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1, …]. */
export function interpolate(zoom: number, stops: ReadonlyArray<readonly [number, number]>): number {
  if (zoom <= stops[0]![0]) return stops[0]![1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i]!;
    if (zoom <= z1) {
      const [z0, v0] = stops[i - 1]!;
      return v0 + ((v1 - v0) * (zoom - z0)) / (z1 - z0);
    }
  }
  return stops[stops.length - 1]![1];
}

/** County outlines appear from this zoom (style.ts `county-line` minzoom). */
export const COUNTY_MINZOOM = 7;

export function seaColor(theme: Theme): string {
  return palettes[theme].sea;
}

export function basemapSteps(theme: Theme, zoom: number): BasemapStep[] {
  const p = palettes[theme];
  const steps: BasemapStep[] = [
    { id: 'context-fill', areas: 'context', kind: 'fill', color: p.context, width: 0, opacity: 1 },
    { id: 'context-line', areas: 'context', kind: 'stroke', color: p.contextLine, width: 0.8, opacity: 1 },
    { id: 'prefecture-fill', areas: 'prefectures', kind: 'fill', color: p.region, width: 0, opacity: 1 },
    { id: 'municipality-fill', areas: 'municipalities', kind: 'fill', color: p.municipality, width: 0, opacity: 1 },
  ];
  if (zoom >= COUNTY_MINZOOM) {
    steps.push({ id: 'county-line', areas: 'counties', kind: 'stroke', color: p.countyLine, width: interpolate(zoom, [[7, 0.3], [10, 0.9]]), opacity: interpolate(zoom, [[7, 0], [7.6, 1]]) });
  }
  steps.push(
    { id: 'prefecture-line', areas: 'prefectures', kind: 'stroke', color: p.prefectureLine, width: interpolate(zoom, [[5, 0.6], [9, 1.4]]), opacity: 1 },
    { id: 'province-line', areas: 'region', kind: 'stroke', color: p.provinceLine, width: interpolate(zoom, [[5, 1.1], [9, 2.2]]), opacity: 1 },
  );
  return steps.filter((s) => s.opacity > 0);
}
