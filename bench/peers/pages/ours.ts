/**
 * (a) This project's renderer: `packArcs` + `createArcLayer` (MapLibre custom WebGL2 layer) on our
 * basemap. One arc per flow; with `?variant=top`, the largest 5,000 flows are drawn and the rest
 * are summarised in a caption (`topFlows`); with `?variant=app`, as the app draws them: one arc per
 * origin × destination × industry with the values summed, the largest 5,000 of those.
 */
import { createArcLayer, DEFAULT_MAX_BOW, segmentCounts } from '../../../src/map/webgl/arcLayer.ts';
import { packArcs, rgba } from '../../../src/map/arcPack.ts';
import { topFlows } from '../topFlows.ts';
import { caption, expose, FLOW_ALPHA, FLOW_COLOR, flowWidth, keepEvenYears, load, params, timed, TOP_N, type SyntheticFlow } from '../common.ts';
import { createBasemap, easeMove, mapFrame } from './basemap.ts';

const p = params();
const app = p.variant === 'app';
const top = p.variant === 'top' || app;

/** One flow per origin × destination × industry, values summed (what src/selectors does for the app). */
function perArc(flows: SyntheticFlow[]): SyntheticFlow[] {
  const arcs = new Map<string, SyntheticFlow>();
  for (const f of flows) {
    const k = `${f.originAdcode}>${f.destinationAdcode}>${f.industry}`;
    const a = arcs.get(k);
    if (a) a.value += f.value;
    else arcs.set(k, { ...f });
  }
  return [...arcs.values()];
}
/** Probe knob (not used by run.ts): `?segments=16` changes the arc tessellation. */
const segments = Number(new URLSearchParams(location.search).get('segments') ?? 0) || undefined;
const color = rgba(FLOW_COLOR, FLOW_ALPHA);
const fmt = new Intl.NumberFormat('en');

expose(p, async () => {
  const l = await load(p);
  const map = await createBasemap(l.boundaries);
  const layer = createArcLayer(segments ? { segments } : {});
  // Own per-frame JS: the layer's render() (uniforms and one draw call; segments re-chosen at rest).
  layer.render = timed(layer.render!.bind(layer));
  map.addLayer(layer, 'context-label');
  const note = caption('');
  const draw = (flows: SyntheticFlow[]) => {
    let shown = app ? perArc(flows) : flows;
    note.textContent = 'SYNTHETIC flows (benchmark data)';
    if (top) {
      const cut = topFlows(shown, TOP_N, (d) => d.value);
      shown = cut.shown;
      if (cut.rest.count) note.textContent += ` · largest ${fmt.format(shown.length)} drawn; ${fmt.format(cut.rest.count)} more flows (total ${fmt.format(cut.rest.total)}) summarised`;
    }
    // Smallest first, so the largest are drawn on top.
    const ordered = top ? shown.slice().reverse() : shown;
    // Summed values: scaled so the largest gets the other pages' widest line (the app scales to its largest arc too).
    const scale = app ? 1000 / Math.max(1, ...shown.map((d) => d.value)) : 1;
    layer.setArcs(
      packArcs(ordered, {
        source: (d) => d.origin,
        target: (d) => d.destination,
        width: (d) => flowWidth(d.value * scale),
        color: () => color,
        ends: (d) => [d.originAdcode, d.destinationAdcode],
      }),
    );
    return shown.length;
  };
  const drawn = draw(l.flows);
  // For bench/peers/probe.ts (what costs what in our layer); run.ts does not use it.
  (window as unknown as { __benchProbe?: unknown }).__benchProbe = { createArcLayer, segmentCounts, DEFAULT_MAX_BOW, packArcs, flows: l.flows, color, flowWidth };
  return {
    info: { page: app ? 'ours-app' : top ? 'ours-top5k' : 'ours', drawn, generateMs: l.generateMs, ownJs: 'arc layer render() per frame' },
    ready: mapFrame(map),
    runMove: (end) => easeMove(map, end),
    applyFilter: async () => {
      const n = draw(l.flows.filter(keepEvenYears));
      await mapFrame(map);
      return n;
    },
  };
});
