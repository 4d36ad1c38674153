/**
 * (f) REJECTED technique, kept for the record: a d3 SVG overlay above the MapLibre basemap, every
 * path re-projected (map.project) and rewritten on every `move` event. Same curves as our layer:
 * the Bézier is built in screen pixels with `arcPath` (src/geo/arcs.ts).
 */
import { select } from 'd3-selection';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { arcPath, fanCurvatures } from '../../../src/geo/arcs.ts';
import { caption, expose, FLOW_ALPHA, FLOW_COLOR, flowWidth, keepEvenYears, load, params, timed, VIEWPORT, type SyntheticFlow } from '../common.ts';
import { createBasemap, easeMove, mapFrame } from './basemap.ts';

const p = params();

interface Arc {
  d: SyntheticFlow;
  curvature: number;
}

/** After the next paint: a rAF, then a task after it (the frame has been produced). */
const painted = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));

expose(p, async () => {
  const l = await load(p);
  const map: MapLibreMap = await createBasemap(l.boundaries);
  caption('SYNTHETIC flows (benchmark data)');
  const svg = select(map.getContainer())
    .append('svg')
    .attr('width', VIEWPORT.width)
    .attr('height', VIEWPORT.height)
    .style('position', 'absolute')
    .style('inset', '0')
    .style('pointer-events', 'none');
  const g = svg.append('g').attr('fill', 'none').attr('stroke', FLOW_COLOR).attr('stroke-opacity', FLOW_ALPHA).attr('stroke-linecap', 'round');
  let arcs: Arc[] = [];
  const toArcs = (flows: SyntheticFlow[]) => {
    const curv = fanCurvatures(flows, (d) => [d.originAdcode, d.destinationAdcode]);
    return flows.map((d, i) => ({ d, curvature: curv[i]! }));
  };
  const path = (a: Arc) => {
    const s = map.project(a.d.origin);
    const t = map.project(a.d.destination);
    return arcPath([s.x, s.y], [t.x, t.y], a.curvature)!;
  };
  const join = () =>
    g
      .selectAll<SVGPathElement, Arc>('path')
      .data(arcs)
      .join('path')
      .attr('stroke-width', (a) => flowWidth(a.d.value))
      .attr('d', path);
  // Own per-frame JS: re-project and rewrite every path on `move`.
  const reproject = timed(() => {
    g.selectAll<SVGPathElement, Arc>('path').attr('d', path);
  });
  arcs = toArcs(l.flows);
  join();
  map.on('move', reproject);
  const ready = (async () => {
    await mapFrame(map);
    return painted();
  })();
  return {
    info: { page: 'svg-d3', drawn: arcs.length, generateMs: l.generateMs, ownJs: 're-projection of every path on each move event' },
    ready,
    runMove: async (end) => {
      await easeMove(map, end);
      await painted();
    },
    applyFilter: async () => {
      arcs = toArcs(l.flows.filter(keepEvenYears));
      join();
      await painted();
      return arcs.length;
    },
  };
});
