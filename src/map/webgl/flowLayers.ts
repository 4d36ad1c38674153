/**
 * The data layers on the map: flow arcs (WebGL custom layer), place-total circles and platform
 * circles (MapLibre circle layers), with highlighting and picking. Receives a ready view model;
 * knows nothing about filters or the URL.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Platform } from '../../data/types.ts';
import type { ViewModel } from '../../selectors/view.ts';
import type { Arc } from '../../selectors/arcs.ts';
import type { PlaceTotal } from '../../selectors/places.ts';
import { arcStates, unpickable } from '../../selectors/highlight.ts';
import { createArcLayer } from './arcLayer.ts';
import type { PackedArcs } from '../arcPack.ts';
import { packView } from '../packView.ts';
import { mapArcs } from '../../selectors/mapArcs.ts';
import { dottedArcs } from '../dottedArcs.ts';
import { DOT_ON, DOT_PERIOD } from '../packUnmeasured.ts';
import { intakeSymbols, type IntakeSymbol } from '../intakeSymbols.ts';
import type { Boundaries } from '../../geo/boundaries.ts';
import { buildPickIndex, pickArc, type PickIndex } from '../../geo/pick.ts';
import { mercator } from '../../geo/arcs.ts';
import { INTAKE_COLOR, TIER_STYLE } from '../../scales/tiers.ts';
import { placeMarks } from '../placeMarks.ts';
import type { Theme } from '../../state/viewState.ts';
import type { Hit } from '../../selectors/hit.ts';


export interface FlowLayersOptions {
  /** Insert the layers below this basemap layer (labels stay on top). */
  beforeId: string;
  theme: Theme;
  /** Label points (the intake layer's symbols sit on them). */
  labels: Boundaries['labels'];
}

export interface FlowLayers {
  update(view: ViewModel): void;
  /** Highlight arcs touching `key` (an adcode or platform id); null clears. */
  highlight(key: string | null, arcId?: string | null): void;
  /** What is under a screen point: platform, place circle, or the nearest arc. */
  pick(e: { point: { x: number; y: number }; lngLat: { lng: number; lat: number } }): Hit | null;
  setAnimated(on: boolean): void;
}

const fc = <P>(features: Array<{ coordinates: [number, number]; properties: P }>): FeatureCollection<Point, P> => ({
  type: 'FeatureCollection',
  features: features.map((f, i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: f.coordinates }, properties: f.properties })),
});

export function mountFlowLayers(map: MapLibreMap, o: FlowLayersOptions): FlowLayers {
  const arcLayer = createArcLayer();
  // Records with no figure in the measure: hairline dots under the measured arcs.
  const dotLayer = createArcLayer({ id: 'flow-arcs-unmeasured', taper: 1, dotted: { period: DOT_PERIOD, on: DOT_ON } });
  const dots = dottedArcs();
  let arcs: Arc[] = [];
  let places: PlaceTotal[] = [];
  let platformList: readonly Platform[] = [];
  /** The platforms last sent to the map's source. */
  let shownPlatforms: readonly Platform[] = [];
  let packed: PackedArcs | null = null;
  let index: PickIndex | null = null;
  let states = new Uint8Array(0);
  let selected: string | null = null;
  const halo = o.theme === 'dark' ? '#1b1f23' : '#ffffff';

  let symbols: IntakeSymbol[] = [];
  let intakeView: ViewModel['intake'] = null;
  map.addSource('intake', { type: 'geojson', data: fc([]) });
  map.addSource('places', { type: 'geojson', data: fc([]) });
  map.addSource('platforms', { type: 'geojson', data: fc([]) });
  // The prefecture intake layer (issue 17): under the flows, over the basemap.
  map.addLayer(
    {
      id: 'intake-symbols',
      type: 'circle',
      source: 'intake',
      paint: { 'circle-radius': ['get', 'r'], 'circle-color': INTAKE_COLOR, 'circle-opacity': 0.35, 'circle-stroke-color': INTAKE_COLOR, 'circle-stroke-width': 1.5 },
    },
    o.beforeId,
  );
  map.addLayer(dotLayer, o.beforeId);
  map.addLayer(arcLayer, o.beforeId);
  map.addLayer(
    {
      id: 'place-circles',
      type: 'circle',
      source: 'places',
      paint: {
        'circle-radius': ['get', 'radius'],
        'circle-color': ['get', 'fill'],
        'circle-opacity': ['case', ['boolean', ['feature-state', 'faded'], false], 0.05, ['get', 'opacity']],
        'circle-stroke-color': ['get', 'stroke'],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'focused'], false], 3, 1.5],
        'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'faded'], false], 0.25, 0.9],
      },
    },
    o.beforeId,
  );
  map.addLayer(
    {
      id: 'platform-circles',
      type: 'circle',
      source: 'platforms',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 6, ['get', 'radius'], 10, ['*', ['get', 'radius'], 1.6]],
        'circle-color': ['get', 'fill'],
        'circle-stroke-color': ['case', ['==', ['get', 'tier'], 'other'], ['get', 'stroke'], halo],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'focused'], false], 3, ['==', ['get', 'tier'], 'other'], 1.8, 1.2],
      },
    },
    o.beforeId,
  );

  const pxPerUnit = () => 512 * 2 ** map.getZoom();

  let focusedPlace: number | null = null;
  let focusedPlatform: number | null = null;
  const setFeatureFocus = (key: string | null) => {
    if (focusedPlace !== null) map.setFeatureState({ source: 'places', id: focusedPlace }, { focused: false });
    if (focusedPlatform !== null) map.setFeatureState({ source: 'platforms', id: focusedPlatform }, { focused: false });
    focusedPlace = focusedPlatform = null;
    if (key === null) return;
    const pi = places.findIndex((p) => p.key === key && p.role === 'destination');
    const pj = pi >= 0 ? pi : places.findIndex((p) => p.key === key);
    if (pj >= 0) map.setFeatureState({ source: 'places', id: (focusedPlace = pj) }, { focused: true });
    const qi = platformList.findIndex((p) => p.id === key);
    if (qi >= 0) map.setFeatureState({ source: 'platforms', id: (focusedPlatform = qi) }, { focused: true });
  };

  const api: FlowLayers = {
    update(view) {
      const platforms = view.shownPlatforms;
      // Feature states outlive setData: clear the focus ring on the old ids before they are reused.
      setFeatureFocus(null);
      arcs = mapArcs(view);
      const marks = placeMarks(view);
      places = marks.map((m) => m.total);
      platformList = platforms;
      packed = packView(view);
      arcLayer.setArcs(packed);
      dots.update(view);
      intakeView = view.intake;
      symbols = intakeSymbols(view, o.labels);
      (map.getSource('intake') as GeoJSONSource).setData(fc(symbols.map((s, i) => ({ coordinates: [s.lon, s.lat], properties: { i, r: s.r } }))));
      dotLayer.setArcs(dots.packed);
      index = buildPickIndex(packed.positions, packed.curvature, packed.width);
      states = new Uint8Array(arcs.length);
      const opacity = view.change ? 0.4 : 0.22;
      (map.getSource('places') as GeoJSONSource).setData(
        fc(marks.map((m) => ({ coordinates: [m.total.place.lon, m.total.place.lat], properties: { key: m.total.key, role: m.total.role, radius: m.radius, fill: m.fill ?? 'rgba(0,0,0,0)', stroke: m.stroke, opacity } }))),
      );
      // The platforms change only with the tier and category filters: re-sent (and re-tiled by
      // MapLibre's worker) only then. Feature ids stay the indices, so focus states carry over as before.
      if (platforms.length !== shownPlatforms.length || platforms.some((p, i) => p !== shownPlatforms[i])) {
        (map.getSource('platforms') as GeoJSONSource).setData(
          fc(platforms.map((p) => ({ coordinates: [p.lon, p.lat], properties: { id: p.id, tier: p.tier, ...TIER_STYLE[p.tier] } }))),
        );
        shownPlatforms = platforms;
      }
    },
    highlight(key, arcId = null) {
      if (!packed) return;
      states = arcStates(arcs, key, arcId);
      selected = key;
      arcLayer.setStates(states);
      dotLayer.setStates(dots.restate(key, arcId));
      setFeatureFocus(key);
    },
    pick(e) {
      const hits = map.queryRenderedFeatures([e.point.x, e.point.y], { layers: ['platform-circles', 'place-circles'] });
      const plat = hits.find((h) => h.layer.id === 'platform-circles');
      if (plat) {
        const p = platformList.find((x) => x.id === plat.properties.id);
        if (p) return { kind: 'platform', platform: p };
      }
      if (index) {
        const p = mercator(e.lngLat.lng, e.lngLat.lat);
        const i = pickArc(index, p, pxPerUnit(), 4, unpickable(states, selected));
        if (i >= 0) return { kind: 'arc', arc: arcs[i]! };
        const u = dots.pick(p, pxPerUnit());
        if (u) return u;
      }
      const place = hits.find((h) => h.layer.id === 'place-circles');
      if (place) {
        const p = places.find((x) => x.key === place.properties.key && x.role === place.properties.role);
        if (p) return { kind: 'place', place: p };
      }
      if (intakeView && symbols.length) {
        const s = map.queryRenderedFeatures([e.point.x, e.point.y], { layers: ['intake-symbols'] })[0];
        const sym = s ? symbols[Number(s.properties.i)] : undefined;
        if (sym) return { kind: 'intake', cell: sym.cell, layer: intakeView };
      }
      return null;
    },
    setAnimated(on) {
      arcLayer.setAnimated(on);
    },
  };
  return api;
}

