/**
 * The offline basemap as data: a MapLibre style object built from our own boundary GeoJSON.
 * Pure, so tests can inspect it without a browser. Sources are filled in later by the caller
 * (`setData`) or passed in directly.
 */
import type { StyleSpecification, LayerSpecification, SourceSpecification, ExpressionSpecification } from 'maplibre-gl';
import type { Boundaries } from '../../geo/boundaries.ts';
import { palettes } from '../../scales/palette.ts';
import type { Lang, Theme } from '../../state/viewState.ts';

export const FONT = ['Noto Sans Regular'];

export interface BasemapOptions {
  theme: Theme;
  lang: Lang;
  /** Absolute glyphs URL template ending in `{fontstack}/{range}.pbf`, served by our origin. */
  glyphs: string;
  /** Boundary data; empty collections when omitted (fill in with `setData`). */
  boundaries?: Boundaries;
  /**
   * Optional online raster basemap (XYZ template). Off by default: the product makes no request
   * outside its own origin unless a deployer sets this.
   */
  rasterTiles?: { url: string; attribution: string; tileSize?: number };
  /** Attribution of the boundary data, shown in the map's attribution control. */
  attribution: string;
}

const empty = { type: 'FeatureCollection', features: [] } as const;

/** Label text for a language: `name_zh` or `name_en`. */
export function nameField(lang: Lang): ExpressionSpecification {
  return ['get', lang === 'zh' ? 'name_zh' : 'name_en'];
}

export function basemapStyle(o: BasemapOptions): StyleSpecification {
  const p = palettes[o.theme];
  const geo = (data: unknown, attribution?: string): SourceSpecification => ({
    type: 'geojson',
    data: (data ?? empty) as never,
    ...(attribution ? { attribution } : {}),
  });
  const b = o.boundaries;
  const sources: Record<string, SourceSpecification> = {
    context: geo(b?.context),
    region: geo(b?.region, o.attribution),
    prefectures: geo(b?.prefectures),
    counties: geo(b?.counties),
    labels: geo(b?.labels),
  };
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': p.sea } }];
  if (o.rasterTiles) {
    sources.raster = { type: 'raster', tiles: [o.rasterTiles.url], tileSize: o.rasterTiles.tileSize ?? 256, attribution: o.rasterTiles.attribution };
    layers.push({ id: 'raster', type: 'raster', source: 'raster', paint: { 'raster-opacity': 0.6 } });
  }
  const name = nameField(o.lang);
  layers.push(
    { id: 'context-fill', type: 'fill', source: 'context', paint: { 'fill-color': p.context, 'fill-opacity': o.rasterTiles ? 0.5 : 1 } },
    { id: 'context-line', type: 'line', source: 'context', paint: { 'line-color': p.contextLine, 'line-width': 0.8 } },
    {
      id: 'prefecture-fill',
      type: 'fill',
      source: 'prefectures',
      paint: {
        'fill-color': ['match', ['get', 'adcode'], [110000, 120000], p.municipality, p.region],
        'fill-opacity': o.rasterTiles ? 0.6 : 1,
      },
    },
    {
      id: 'county-line',
      type: 'line',
      source: 'counties',
      minzoom: 7,
      paint: { 'line-color': p.countyLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.3, 10, 0.9], 'line-opacity': ['interpolate', ['linear'], ['zoom'], 7, 0, 7.6, 1] },
    },
    {
      id: 'prefecture-line',
      type: 'line',
      source: 'prefectures',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.prefectureLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 9, 1.4] },
    },
    {
      id: 'province-line',
      type: 'line',
      source: 'region',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': p.provinceLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 1.1, 9, 2.2] },
    },
    {
      id: 'context-label',
      type: 'symbol',
      source: 'labels',
      maxzoom: 8,
      filter: ['==', ['get', 'level'], 'context'],
      layout: { 'text-field': name, 'text-font': FONT, 'text-size': 13, 'text-letter-spacing': 0.12 },
      paint: { 'text-color': p.contextText, 'text-halo-color': p.context, 'text-halo-width': 1 },
    },
    {
      id: 'county-label',
      type: 'symbol',
      source: 'labels',
      minzoom: 8,
      filter: ['==', ['get', 'level'], 'county'],
      layout: { 'text-field': name, 'text-font': FONT, 'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10, 11, 13], 'text-padding': 3 },
      paint: { 'text-color': p.countyText, 'text-halo-color': p.textHalo, 'text-halo-width': 1.2 },
    },
    {
      id: 'prefecture-label',
      type: 'symbol',
      source: 'labels',
      filter: ['==', ['get', 'level'], 'prefecture'],
      layout: {
        'text-field': name,
        'text-font': FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 5, 11, 8, 15, 10, 17],
        'text-letter-spacing': o.lang === 'zh' ? 0.15 : 0.02,
        'text-padding': 4,
      },
      paint: { 'text-color': p.text, 'text-halo-color': p.textHalo, 'text-halo-width': 1.6, 'text-opacity': ['interpolate', ['linear'], ['zoom'], 8.5, 1, 9.5, 0.55] },
    },
  );
  return { version: 8, name: 'jjj-transfer-map basemap', glyphs: o.glyphs, sources, layers };
}

/** Paint properties of every layer of a style, to restyle a live map (theme switch) in place. */
export function paintProperties(style: StyleSpecification): Array<[layer: string, property: string, value: unknown]> {
  return style.layers.flatMap((l) => Object.entries((l as { paint?: Record<string, unknown> }).paint ?? {}).map(([k, v]) => [l.id, k, v] as [string, string, unknown]));
}
