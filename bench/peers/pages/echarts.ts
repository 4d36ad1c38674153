/**
 * (c) Apache ECharts 6: a `lines` series on a `geo` component, our boundaries registered with
 * `echarts.registerMap` (counties + neighbouring provinces/countries, our palette), tree-shaken
 * `echarts/core` imports, canvas renderer, `large: true` from 5,000 lines (flat typed-array data).
 * The geo component uses the same Web Mercator projection and starts at the same view as the
 * MapLibre pages; the scripted move is driven with `geoRoam` actions, what ECharts' own roam
 * dispatches. Progressive rendering is off so that every frame is complete, as on the other pages.
 */
import { init, registerMap, use } from 'echarts/core';
import { LinesChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { mercator, unmercator } from '../../../src/geo/arcs.ts';
import { palettes } from '../../../src/scales/palette.ts';
import { CAMERA, caption, expose, FLOW_ALPHA, FLOW_COLOR, flowWidth, keepEvenYears, lerp, load, params, timed, VIEWPORT, type SyntheticFlow } from '../common.ts';

use([LinesChart, GeoComponent, CanvasRenderer]);

const p = params();
const pal = palettes.light;
const WORLD = 512;

function seriesData(flows: SyntheticFlow[], large: boolean) {
  if (large) {
    const a = new Float32Array(flows.length * 5);
    flows.forEach((f, i) => a.set([2, f.origin[0], f.origin[1], f.destination[0], f.destination[1]], i * 5));
    return a;
  }
  return flows.map((f) => ({ coords: [f.origin, f.destination], lineStyle: { width: flowWidth(f.value) } }));
}

expose(p, async () => {
  const l = await load(p);
  const b = l.boundaries;
  const features = [
    ...b.context.features.map((f, i) => ({ ...f, properties: { name: `ctx-${i}` } })),
    ...b.counties.features.map((f) => ({ ...f, properties: { name: String(f.properties.adcode) } })),
  ];
  registerMap('jjj', { type: 'FeatureCollection', features } as never);
  const regions = [
    ...b.context.features.map((_, i) => ({ name: `ctx-${i}`, itemStyle: { areaColor: pal.context, borderColor: pal.contextLine } })),
    ...b.counties.features.filter((f) => /^1[12]/.test(String(f.properties.adcode))).map((f) => ({ name: String(f.properties.adcode), itemStyle: { areaColor: pal.municipality } })),
  ];
  // The MapLibre pages' start view, as lon/lat corners.
  const scale = WORLD * 2 ** CAMERA.start.zoom;
  const [cx, cy] = mercator(...CAMERA.start.center);
  const [lonL, latT] = unmercator(cx - VIEWPORT.width / 2 / scale, cy - VIEWPORT.height / 2 / scale);
  const [lonR, latB] = unmercator(cx + VIEWPORT.width / 2 / scale, cy + VIEWPORT.height / 2 / scale);

  const el = document.getElementById('map')!;
  const chart = init(el, undefined, { renderer: 'canvas', width: VIEWPORT.width, height: VIEWPORT.height });
  const canvas = () => el.querySelector('canvas')!;
  /** After ECharts reports a finished render: a one-pixel read of its (CPU) canvas. */
  const finished = () =>
    new Promise<number>((r) =>
      chart.on('finished', function once() {
        chart.off('finished', once);
        canvas().getContext('2d')!.getImageData(0, 0, 1, 1);
        r(performance.now());
      }),
    );
  caption('SYNTHETIC flows (benchmark data)');
  const large = l.flows.length >= 5000;
  const first = finished();
  chart.setOption({
    animation: false,
    backgroundColor: pal.sea,
    geo: {
      map: 'jjj',
      roam: true,
      silent: true,
      projection: {
        project: (pt: number[]) => {
          const [x, y] = mercator(pt[0]!, pt[1]!);
          return [x * WORLD, y * WORLD];
        },
        unproject: (pt: number[]) => unmercator(pt[0]! / WORLD, pt[1]! / WORLD),
      },
      boundingCoords: [
        [lonL, latT],
        [lonR, latB],
      ],
      left: 0,
      top: 0,
      width: VIEWPORT.width,
      height: VIEWPORT.height,
      label: { show: false },
      itemStyle: { areaColor: pal.region, borderColor: pal.countyLine, borderWidth: 0.6 },
      regions,
    },
    series: [
      {
        id: 'flows',
        type: 'lines',
        coordinateSystem: 'geo',
        large,
        progressive: 0,
        silent: true,
        lineStyle: { color: FLOW_COLOR, opacity: FLOW_ALPHA, width: 1, curveness: 0.22 },
        data: seriesData(l.flows, large) as never,
      },
    ],
  });

  // Per frame: pan the target centre to the middle, then zoom about the middle by the zoom step.
  const roam = timed((center: [number, number], dz: number) => {
    const px = chart.convertToPixel({ geoIndex: 0 }, center) as number[];
    chart.dispatchAction({ type: 'geoRoam', componentType: 'geo', geoIndex: 0, dx: VIEWPORT.width / 2 - px[0]!, dy: VIEWPORT.height / 2 - px[1]!, zoom: 2 ** dz, originX: VIEWPORT.width / 2, originY: VIEWPORT.height / 2 });
  });

  return {
    info: { page: 'echarts', drawn: l.flows.length, generateMs: l.generateMs, ownJs: 'geoRoam dispatch per frame (ECharts re-lays out the lines synchronously)' },
    ready: first,
    runMove: (end) =>
      new Promise<void>((resolve) => {
        const s = mercator(...CAMERA.start.center);
        const e = mercator(...CAMERA.end.center);
        let t0 = -1;
        let z = CAMERA.start.zoom;
        const step = (now: number) => {
          if (t0 < 0) t0 = now;
          const k = Math.min(1, (now - t0) / CAMERA.durationMs);
          const zk = lerp(CAMERA.start.zoom, CAMERA.end.zoom, k);
          roam(unmercator(lerp(s[0], e[0], k), lerp(s[1], e[1], k)), zk - z);
          z = zk;
          if (k < 1) requestAnimationFrame(step);
          else {
            end();
            void finished().then(() => resolve());
          }
        };
        requestAnimationFrame(step);
      }),
    applyFilter: async () => {
      const kept = l.flows.filter(keepEvenYears);
      const done = finished();
      chart.setOption({ series: [{ id: 'flows', large: kept.length >= 5000, data: seriesData(kept, kept.length >= 5000) as never }] });
      await done;
      return kept.length;
    },
  };
});
