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
import { createStore } from './state/store.ts';
import { syncHistory } from './state/history.ts';
import { decodeBoundaries, unitIndex } from './geo/boundaries.ts';
import type { Dataset } from './data/dataset.ts';
import { hasLanguage, loadLanguage, t } from './i18n/index.ts';
import { loadRenderer } from './map/create.ts';
import { chooseRenderer, probeWebgl } from './map/choose.ts';
import { createContext } from './app.ts';
import { knownValues } from './selectors/known.ts';
import { clearMessage, noticeArea, renderMessage, showError } from './ui/notices.ts';
import { onDemand } from './ui/onDemand.ts';
import { attribution, mountLanguage } from './ui/language.ts';
import { mountTheme, themeOf } from './ui/theme.ts';
import { syncCamera } from './ui/camera.ts';
import { mountMapInteraction } from './ui/interaction.ts';
import { mountMapView } from './ui/mapView.ts';
import { mountPlannerTools } from './ui/planner.ts';
import { mountEmbed } from './embed/embed.ts';
import { mountLoader } from './loader/ui.ts';
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
  const [topo, published] = await Promise.all([fetchJson<Topology>('geo/jjj.topo.json'), fetchJson<Dataset>('data/dataset.json'), loadLanguage(firstLang)]);
  const boundaries = decodeBoundaries(topo);
  const units = unitIndex(boundaries);

  const noticesEl = document.getElementById('notices')!;
  const partFailed = (e: unknown) => {
    console.error(e);
    renderMessage(noticesEl, store.get().lang, t(store.get().lang, 'app.partFailed'), 'part-failed');
  };
  const partLoaded = () => clearMessage(noticesEl, 'part-failed');
  const languages = { zh: onDemand(() => loadLanguage('zh'), partFailed), en: onDemand(() => loadLanguage('en'), partFailed) };
  const parsed = parseState(location.search, knownValues(published), defaultLang);
  const store = createStore(parsed.state, { prepare: (next) => (hasLanguage(next.lang) ? null : languages[next.lang]()) });
  const notices = noticeArea(noticesEl, () => store.get().lang);
  const ctx = createContext({ store, published, boundaries, mapElement: mapEl, unitName: (code, lang) => units.get(code)?.props[lang === 'zh' ? 'name_zh' : 'name_en'], notify: notices.notify, partFailed, partLoaded, asset });
  store.subscribe((s, prev) => s.lang !== prev.lang && notices.relabel());
  notices.notify(parsed.notices);
  syncHistory(store, { known: ctx.known, defaultLang, onNotices: notices.notify });
  mountLanguage(ctx);
  mountTheme(ctx);

  const s0 = store.get();
  const options = { container: mapEl, boundaries, theme: themeOf(s0), lang: s0.lang, camera: s0.view, reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches, asset, lostMessage: () => t(store.get().lang, 'map.lost') };
  ctx.rendererChoice = choice;
  // WebGL asked for (or detected) but MapLibre cannot start: the 2D renderer draws instead.
  ctx.renderer = await (await factory)({ ...options, attribution: attribution(s0.lang, choice) }).catch(async (e: unknown) => {
    console.error(e);
    ctx.rendererChoice = { kind: '2d', reason: 'no-webgl' };
    return (await loadRenderer('2d'))({ ...options, attribution: attribution(s0.lang, ctx.rendererChoice) });
  });
  syncCamera(store, ctx.renderer);
  mountMapInteraction(ctx, ctx.renderer);
  // Another renderer asked for later (a link, Back, a parent's setState): the page starts again with it.
  store.subscribe((s, prev) => s.renderer !== prev.renderer && location.reload());
  const firstRender = mountMapView(ctx);
  mountPlannerTools(ctx);
  mountEmbed(ctx);
  mountLoader(ctx);
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
