/**
 * (b) flowmap.gl 9.4 (`FlowmapLayer` from @flowmap.gl/layers, local data provider from
 * @flowmap.gl/data) on deck.gl, overlaid on our MapLibre basemap.
 *   ?variant=nocluster  clustering off and no top-N cap (every origin–destination pair drawn)
 *   ?variant=default    the library's defaults (clustering on, adaptive, top 5,000 flows)
 * Only `darkMode: false` is set in both (our basemap is light). flowmap.gl always sums flows with
 * the same origin and destination, so it draws at most one line per pair.
 */
import { FlowmapLayer } from '@flowmap.gl/layers';
import { caption, expose, keepEvenYears, load, params, type SyntheticFlow } from '../common.ts';
import { createBasemap, easeMove, mapFrame } from './basemap.ts';
import { createOverlay } from './deckOverlay.ts';

const p = params();
const nocluster = p.variant === 'nocluster';

interface Loc {
  id: number;
  lat: number;
  lon: number;
}

expose(p, async () => {
  const l = await load(p);
  const map = await createBasemap(l.boundaries);
  caption('SYNTHETIC flows (benchmark data)');
  const locs = new Map<number, Loc>();
  for (const f of l.flows) {
    locs.set(f.originAdcode, { id: f.originAdcode, lon: f.origin[0], lat: f.origin[1] });
    locs.set(f.destinationAdcode, { id: f.destinationAdcode, lon: f.destination[0], lat: f.destination[1] });
  }
  const locations = [...locs.values()];
  const layer = (flows: SyntheticFlow[]) =>
    new FlowmapLayer<Loc, SyntheticFlow>({
      id: 'flowmap',
      data: { locations, flows },
      getLocationId: (x) => x.id,
      getLocationLat: (x) => x.lat,
      getLocationLon: (x) => x.lon,
      getFlowOriginId: (f) => f.originAdcode,
      getFlowDestId: (f) => f.destinationAdcode,
      getFlowMagnitude: (f) => f.value,
      darkMode: false,
      ...(nocluster ? { clusteringEnabled: false, maxTopFlowsDisplayNum: Infinity } : {}),
    });
  const o = createOverlay(map, [layer(l.flows)]);
  const drawn = () => {
    const fl = o.layers().find((x) => x.id === 'flowmap') as { state?: { layersData?: { lineAttributes?: { length: number } } } } | undefined;
    return fl?.state?.layersData?.lineAttributes?.length ?? -1;
  };
  const ready = Promise.all([mapFrame(map), o.frame()]).then((ts) => Math.max(...ts));
  return {
    info: {
      page: nocluster ? 'flowmap-nocluster' : 'flowmap-default',
      get drawn() {
        return drawn();
      },
      generateMs: l.generateMs,
      ownJs: 'none of ours (flowmap.gl re-selects flows on every viewport change)',
    },
    ready,
    runMove: async (end) => {
      const deckDone = new Promise<number>((res) => map.once('moveend', () => void o.frame().then(res)));
      await easeMove(map, end);
      await deckDone;
    },
    applyFilter: async () => {
      const done = o.frame();
      o.overlay.setProps({ layers: [layer(l.flows.filter(keepEvenYears))] });
      await done;
      return drawn();
    },
  };
});
