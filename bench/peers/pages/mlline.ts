/**
 * (e) REJECTED technique, kept for the record: the flows as a MapLibre `line` layer of Bézier
 * LineStrings (GeoJSON source). Same curves as our layer (src/geo/arcs.ts), 24 segments each;
 * MapLibre tiles them in its worker and redraws them as ordinary line geometry.
 */
import type { GeoJSONSource } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import { arcPoints, fanCurvatures, mercator, unmercator } from '../../../src/geo/arcs.ts';
import { caption, expose, FLOW_ALPHA, FLOW_COLOR, flowWidth, keepEvenYears, load, params, type SyntheticFlow } from '../common.ts';
import { createBasemap, easeMove, mapFrame } from './basemap.ts';

const p = params();

function lines(flows: SyntheticFlow[]): FeatureCollection<LineString, { w: number }> {
  const curv = fanCurvatures(flows, (d) => [d.originAdcode, d.destinationAdcode]);
  return {
    type: 'FeatureCollection',
    features: flows.map((d, i): Feature<LineString, { w: number }> => ({
      type: 'Feature',
      properties: { w: flowWidth(d.value) },
      geometry: { type: 'LineString', coordinates: arcPoints(mercator(...d.origin), mercator(...d.destination), curv[i]!, 24).map(([x, y]) => unmercator(x, y)) },
    })),
  };
}

expose(p, async () => {
  const l = await load(p);
  const map = await createBasemap(l.boundaries);
  caption('SYNTHETIC flows (benchmark data)');
  map.addSource('flows', { type: 'geojson', data: lines(l.flows) });
  map.addLayer({ id: 'flows', type: 'line', source: 'flows', paint: { 'line-color': FLOW_COLOR, 'line-opacity': FLOW_ALPHA, 'line-width': ['get', 'w'] } }, 'context-label');
  return {
    info: { page: 'maplibre-line', drawn: l.flows.length, generateMs: l.generateMs, ownJs: 'none per frame (MapLibre redraws its tiles)' },
    ready: mapFrame(map),
    runMove: (end) => easeMove(map, end),
    applyFilter: async () => {
      const kept = l.flows.filter(keepEvenYears);
      (map.getSource('flows') as GeoJSONSource).setData(lines(kept));
      await mapFrame(map);
      return kept.length;
    },
  };
});
