/**
 * Wiring only: load the boundaries, data and dictionary; create the store (mirrored in the URL),
 * the app context and the renderer; mount each feature with one call. Each concern has one
 * owner in its folder: rendering (ui/mapView.ts), camera (ui/camera.ts), theme (ui/theme.ts),
 * language (ui/language.ts), interaction (ui/interaction.ts).
 */
import './boot/progress.ts';
import './styles.css';
import type { Topology } from 'topojson-specification';
import { browserLang } from './state/viewState.ts';
import { parseState } from './state/url.ts';
import { decodeBoundaries } from './geo/boundaries.ts';
import { createApp } from './app.ts';
import { needsAnalysis } from './selectors/view.ts';
import type { Dataset } from './data/dataset.ts';
import { loadLanguage, t } from './i18n/index.ts';
import { loadRenderer } from './map/create.ts';
import { chooseRenderer, probeWebgl } from './map/choose.ts';
import { showError } from './ui/notices.ts';
import { attribution, mountLanguage } from './ui/language.ts';
import { mountTheme, themeOf } from './ui/theme.ts';
import { mountLayout } from './ui/layout.ts';
import { syncCamera } from './ui/camera.ts';
import { mountMapInteraction } from './ui/interaction.ts';
import { mountMapView } from './ui/mapView.ts';
import { mountPlannerTools } from './ui/planner.ts';
import { mountEmbed } from './embed/embed.ts';
import { mountStory } from './story/mount.ts';
import { mountPrint } from './print/mount.ts';

const asset = (path: string) => new URL(path, document.baseURI).href;
const fetchJson = async <T>(path: string): Promise<T> => {
  const res = await fetch(asset(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
};

async function main(): Promise<void> {
  const defaultLang = browserLang(navigator.languages);
  const mapEl = document.getElementById('map')!;
  // The renderer's code, the data and the page's dictionary load side by side.
  const first = parseState(location.search, {}, defaultLang).state;
  const choice = chooseRenderer({ forced: first.renderer, ...(first.renderer ? { webgl2: true, rendererString: null } : probeWebgl()) });
  const factory = loadRenderer(choice.kind);
  const firstLang = first.lang;
  // The analysis parts (levels, matrix, comparison, net) only when the address asks for them.
  const analysis = needsAnalysis(first) ? import('./selectors/analysis.ts').then((m) => m.ANALYSIS) : null;
  const [topo, published, , an] = await Promise.all([fetchJson<Topology>('geo/jjj.topo.json'), fetchJson<Dataset>('data/dataset.json'), loadLanguage(firstLang), analysis]);
  const boundaries = decodeBoundaries(topo);
  const ctx = createApp({ published, boundaries, mapElement: mapEl, noticesElement: document.getElementById('notices')!, defaultLang, asset, analysis: an });
  const { store } = ctx;
  mountLayout();
  mountLanguage(ctx);
  mountTheme(ctx);
  // The panel and the table from the data while the map's engine is still on its way (on a slow
  // network it is most of the bytes): they get render events from here until the map view
  // takes over, so filters work and the figures are readable before the map has drawn.
  mountPlannerTools(ctx);
  const beforeMap = store.subscribe((s) => ctx.emit({ type: 'render', view: ctx.view(), state: s }));
  ctx.emit({ type: 'render', view: ctx.view(), state: store.get() });

  const s0 = store.get();
  const options = { container: mapEl, boundaries, theme: themeOf(s0), lang: s0.lang, camera: s0.view, reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches, asset, lostMessage: () => t(store.get().lang, 'map.lost') };
  ctx.rendererChoice = choice;
  // WebGL asked for (or detected) but MapLibre cannot start: the 2D renderer draws instead.
  ctx.renderer = await (await factory)({ ...options, attribution: attribution(s0.lang, choice) }).catch(async (e: unknown) => {
    console.error(e);
    ctx.rendererChoice = { kind: '2d', reason: 'no-webgl' };
    return (await loadRenderer('2d'))({ ...options, attribution: attribution(s0.lang, ctx.rendererChoice) });
  });
  beforeMap();
  // Changed in the panel while the map was on its way: the map follows.
  const s1 = store.get();
  if (s1.lang !== s0.lang) ctx.renderer.setLang(s1.lang, attribution(s1.lang, ctx.rendererChoice));
  if (themeOf(s1) !== options.theme) ctx.renderer.setTheme(themeOf(s1));
  if (s1.view !== s0.view) ctx.renderer.setCamera(s1.view);
  syncCamera(store, ctx.renderer);
  mountMapInteraction(ctx, ctx.renderer);
  // Another renderer asked for later (a link, Back, a parent's setState): the page starts again with it.
  store.subscribe((s, prev) => s.renderer !== prev.renderer && location.reload());
  const firstRender = mountMapView(ctx);
  // (When the browser is next idle: after an embed's `ready` has gone out, never racing it.)
  const afterFrame = () => new Promise((r) => ('requestIdleCallback' in window ? requestIdleCallback(r, { timeout: 500 }) : setTimeout(r, 50)));
  mountEmbed(ctx);
  // "Load data" and its handling of a stale custom=1: at once on the full page; embedded (no
  // button there) after the first frame.
  const loader = ctx.onDemand(() => import('./loader/ui.ts'));
  void (store.get().embed ? ctx.renderer.idle().then(afterFrame) : Promise.resolve()).then(loader).then((m) => m.mountLoader(ctx), () => {});
  mountStory(ctx);
  mountPrint(ctx);
  firstRender();
}

main().catch(async (e: unknown) => {
  console.error(e);
  const el = document.getElementById('map');
  if (!el) return;
  const lang = browserLang(navigator.languages);
  await loadLanguage(lang).catch(() => {});
  el.setAttribute('aria-busy', 'false');
  showError(el, `${t(lang, 'map.loadError')} ${String((e as Error)?.message ?? e)}`);
});
