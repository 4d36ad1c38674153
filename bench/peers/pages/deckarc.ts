/** (d) A plain deck.gl `ArcLayer` overlaid on our MapLibre basemap. */
import { ArcLayer } from '@deck.gl/layers';
import { rgba } from '../../../src/map/arcPack.ts';
import { caption, expose, FLOW_ALPHA, FLOW_COLOR, flowWidth, keepEvenYears, load, params, type SyntheticFlow } from '../common.ts';
import { createBasemap, easeMove, mapFrame } from './basemap.ts';
import { createOverlay } from './deckOverlay.ts';

const p = params();
const [r, g, b, a] = rgba(FLOW_COLOR, FLOW_ALPHA);
const color: [number, number, number, number] = [r, g, b, Math.round(a * 255)];

const arcs = (data: SyntheticFlow[]) =>
  new ArcLayer<SyntheticFlow>({
    id: 'arcs',
    data,
    getSourcePosition: (d) => d.origin,
    getTargetPosition: (d) => d.destination,
    getSourceColor: color,
    getTargetColor: color,
    getWidth: (d) => flowWidth(d.value),
    widthUnits: 'pixels',
    // Flat arcs (tilted into the ground plane), like ours, seen from above.
    getHeight: 0.5,
    getTilt: 90,
  });

expose(p, async () => {
  const l = await load(p);
  const map = await createBasemap(l.boundaries);
  caption('SYNTHETIC flows (benchmark data)');
  const o = createOverlay(map, [arcs(l.flows)]);
  const ready = Promise.all([mapFrame(map), o.frame()]).then((ts) => Math.max(...ts));
  return {
    info: { page: 'deck-arc', drawn: l.flows.length, generateMs: l.generateMs, ownJs: 'none per frame (deck.gl redraws)' },
    ready,
    runMove: async (end) => {
      const deckDone = new Promise<number>((res) => map.once('moveend', () => void o.frame().then(res)));
      await easeMove(map, end);
      await deckDone;
    },
    applyFilter: async () => {
      const kept = l.flows.filter(keepEvenYears);
      const done = o.frame();
      o.overlay.setProps({ layers: [arcs(kept)] });
      await done;
      return kept.length;
    },
  };
});
