/**
 * (g) This project's 2D renderer (src/map/2d): d3-zoom + Canvas 2D, no WebGL. The same SYNTHETIC
 * flows as the other pages, one arc per flow (`?variant=top`: the largest 5,000; `?variant=app`:
 * one arc per origin × destination × industry, the largest 5,000), drawn through the renderer's
 * own `setView` with a view model built from the flows (colours by industry, as the app).
 * `?variant=full` draws every frame of the move in full (default: the renderer's gesture mode,
 * which moves the last frame as a bitmap when a full frame is slow and redraws when the motion
 * stops). `?variant=real` draws the real dataset (public/data/dataset.json) as the app does, for
 * screenshots and tests.
 */
import { create2dRenderer } from '../../../src/map/2d/index.ts';
import { toTransform } from '../../../src/geo/camera.ts';
import { mercator, unmercator } from '../../../src/geo/arcs.ts';
import { viewSelector, type ViewModel } from '../../../src/selectors/view.ts';
import { ANALYSIS } from '../../../src/selectors/analysis.ts';
import { defaultState, type CameraView } from '../../../src/state/viewState.ts';
import type { Dataset } from '../../../src/data/dataset.ts';
import type { Arc } from '../../../src/selectors/arcs.ts';
import { sqrtScale } from '../../../src/scales/width.ts';
import { topFlows } from '../topFlows.ts';
import { CAMERA, caption, expose, flowWidth, keepEvenYears, lerp, load, own, params, TOP_N, VIEWPORT, type SyntheticFlow } from '../common.ts';

const p = params();
const q = new URLSearchParams(location.search);
const app = p.variant === 'app';
const top = p.variant === 'top' || app;
const real = p.variant === 'real';

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

/** A view model of synthetic flows: arcs only (the other pages draw no circles). */
function syntheticView(flows: SyntheticFlow[]): { view: ViewModel; drawn: number } {
  let shown = app ? perArc(flows) : flows;
  if (top) shown = topFlows(shown, TOP_N, (d) => d.value).shown;
  const scale = app ? 1000 / Math.max(1, ...shown.map((d) => d.value)) : 1;
  const place = (lon: number, lat: number, adcode: number) => ({ adcode, prefecture: Math.floor(adcode / 100) * 100, lon, lat, pointSource: 'label' as const });
  const arcs = shown.map((f, i) => ({
    id: String(i),
    originKey: String(f.originAdcode),
    destinationKey: String(f.destinationAdcode),
    origin: place(f.origin[0], f.origin[1], f.originAdcode),
    destination: place(f.destination[0], f.destination[1], f.destinationAdcode),
    industry: f.industry,
    value: f.value * scale,
  })) as unknown as Arc[];
  const width = Object.assign((v: number) => flowWidth(v), { domain: (): [number, number] => [0, 1000], range: (): [number, number] => [0.6, 4] });
  const view = { arcs, places: [], platforms: new Map(), scales: { width, radius: sqrtScale(1, [3, 24]) } } as unknown as ViewModel;
  return { view, drawn: shown.length };
}

expose(p, async () => {
  const l = await load(p);
  const el = document.getElementById('map')!;
  let dataset: Dataset | null = null;
  if (real) dataset = (await (await fetch(new URL('data/dataset.json', document.baseURI))).json()) as Dataset;
  const start: CameraView | null = real && !q.has('view') ? null : { lon: CAMERA.start.center[0], lat: CAMERA.start.center[1], zoom: CAMERA.start.zoom };
  const v = q.get('view')?.split(',').map(Number);
  const renderer = await create2dRenderer({
    container: el,
    boundaries: l.boundaries,
    theme: (q.get('theme') as 'light' | 'dark' | null) ?? 'light',
    lang: (q.get('lang') as 'zh' | 'en' | null) ?? 'zh',
    camera: v ? { lon: v[0]!, lat: v[1]!, zoom: v[2]! } : start,
    reducedMotion: true,
    attribution: ['Boundaries: jjj.topo.json', real ? 'Data: dataset.json' : 'SYNTHETIC flows (benchmark)'],
    rendererNote: '2D map (Canvas): benchmark page',
    asset: (path) => new URL(path, document.baseURI).href,
    probe: q.has('probe'),
    gestureFrames: p.variant === 'full' ? 'full' : 'auto',
    onFrame: (ms) => {
      own.ms += ms;
      own.calls++;
      own.samples.push(ms);
    },
  });
  (window as unknown as { __renderer?: unknown }).__renderer = renderer;
  const draw = (flows: SyntheticFlow[]) => {
    if (dataset) {
      const view = viewSelector({ analysis: ANALYSIS })(dataset, defaultState());
      renderer.setView(view);
      return view.arcs.length;
    }
    const { view, drawn } = syntheticView(flows);
    renderer.setView(view);
    return drawn;
  };
  if (!real) caption('SYNTHETIC flows (benchmark data)');
  const drawn = draw(l.flows);
  const canvas = renderer.surface as HTMLCanvasElement;
  const complete = async () => {
    await renderer.idle();
    canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
    return performance.now();
  };
  return {
    info: { page: 'map2d', drawn, generateMs: l.generateMs, ownJs: 'the renderer\'s frame (draw) per frame' },
    ready: complete(),
    runMove: (end) =>
      new Promise<void>((resolve) => {
        const s = mercator(...CAMERA.start.center);
        const e = mercator(...CAMERA.end.center);
        let t0 = -1;
        const step = (now: number) => {
          if (t0 < 0) t0 = now;
          const k = Math.min(1, (now - t0) / CAMERA.durationMs);
          const [lon, lat] = unmercator(lerp(s[0], e[0], k), lerp(s[1], e[1], k));
          renderer.debug.moveBy(toTransform({ lon, lat, zoom: lerp(CAMERA.start.zoom, CAMERA.end.zoom, k) }, VIEWPORT));
          if (k < 1) requestAnimationFrame(step);
          else {
            end();
            void complete().then(() => resolve());
          }
        };
        requestAnimationFrame(step);
      }),
    applyFilter: async () => {
      const n = draw(l.flows.filter(keepEvenYears));
      await complete();
      return n;
    },
  };
});
