/**
 * Wiring only: state store + URL, data load, map, feature modules. Each feature lives in its
 * folder and is mounted here with one call.
 */
import './styles.css';
import type { Topology } from 'topojson-specification';
import { browserLang, type ViewState } from './state/viewState.ts';
import { parseState, type KnownValues } from './state/url.ts';
import { createStore } from './state/store.ts';
import { syncHistory } from './state/history.ts';
import { decodeBoundaries, unitIndex } from './geo/boundaries.ts';
import { createMap, trackBusy, webglAvailable } from './map/createMap.ts';
import { basemapStyle, paintProperties, type Theme } from './map/style.ts';
import { mountFlowLayers } from './map/flowLayers.ts';
import { viewSelector, type ViewModel } from './selectors/view.ts';
import { yearExtent } from './selectors/filter.ts';
import type { Dataset } from './data/dataset.ts';
import { hasLanguage, loadLanguage, t } from './i18n/index.ts';
import { clearMessage, renderMessage, renderNotices, showError } from './ui/notices.ts';
import { onDemand } from './ui/onDemand.ts';
import { applyStaticText } from './ui/chrome.ts';
import { renderLegend } from './ui/legend.ts';
import { renderDetails } from './ui/details.ts';
import { namesFor, type Names } from './ui/describe.ts';
import { mountMapInteraction } from './map/interaction.ts';
import { mountEmbed } from './embed/embed.ts';
import { createEvents, type AppContext } from './app.ts';
import { mountPlannerTools } from './ui/planner.ts';
import { mountLoader } from './loader/ui.ts';
import { mountStory } from './story/mount.ts';
import { mountPrint } from './print/mount.ts';

const asset = (path: string) => new URL(path, document.baseURI).href;
const media = (q: string) => matchMedia(q).matches;

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(asset(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Values the URL may refer to, from the data (unknown ones are reported, not applied). */
export function knownValues(dataset: Dataset): KnownValues {
  const focus = new Set<string>();
  for (const f of dataset.flows) {
    focus.add(String(f.originAdcode));
    focus.add(String(f.destinationAdcode));
    if (f.destination.prefecture) focus.add(String(f.destination.prefecture));
  }
  for (const p of dataset.platforms) focus.add(p.id);
  return {
    industries: new Set(dataset.flows.map((f) => f.industry)),
    origins: new Set(['beijing', 'tianjin', ...dataset.flows.map((f) => String(f.originAdcode)).filter((c) => /^(11|12)\d{4}$/.test(c))]),
    dests: new Set(dataset.flows.map((f) => f.destination.prefecture).filter((p): p is number => p !== null)),
    focus,
    years: yearExtent(dataset),
  };
}

async function main(): Promise<void> {
  const defaultLang = browserLang(navigator.languages);
  const noticesEl = document.getElementById('notices')!;
  const mapEl = document.getElementById('map')!;

  // The page's language is known before the data: its dictionary loads alongside.
  const firstLang = parseState(location.search, {}, defaultLang).state.lang;
  const [topo, published] = await Promise.all([fetchJson<Topology>('geo/jjj.topo.json'), fetchJson<Dataset>('data/dataset.json'), loadLanguage(firstLang)]);
  const boundaries = decodeBoundaries(topo);
  const units = unitIndex(boundaries);
  const unitName = (code: number, lang: 'zh' | 'en') => units.get(code)?.props[lang === 'zh' ? 'name_zh' : 'name_en'];

  let dataset = published;
  let names: Names = namesFor(dataset, unitName);
  let known = knownValues(dataset);

  const parsed = parseState(location.search, known, defaultLang);
  // Another language (switch, URL, parent page) is applied once its dictionary has loaded.
  const languages = { zh: onDemand(() => loadLanguage('zh'), (e) => partFailed(e)), en: onDemand(() => loadLanguage('en'), (e) => partFailed(e)) };
  const store = createStore(parsed.state, { prepare: (next) => (hasLanguage(next.lang) ? null : languages[next.lang]()) });
  const partFailed = (e: unknown) => {
    console.error(e);
    renderMessage(noticesEl, store.get().lang, t(store.get().lang, 'app.partFailed'), 'part-failed');
  };
  const events = createEvents();
  // The notices on screen, re-rendered (not dropped) when the language changes.
  let notices: Parameters<typeof renderNotices>[2] = [];
  const notify = (n: typeof notices) => renderNotices(noticesEl, store.get().lang, (notices = n));
  applyStaticText(document, store.get().lang);
  notify(parsed.notices);
  syncHistory(store, { known: () => known, defaultLang, onNotices: notify });
  document.getElementById('lang-switch')!.addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));

  const select = viewSelector();
  let view: ViewModel = select(dataset, store.get());
  const s0 = store.get();
  const hasMap = webglAvailable();
  const themeOf = (s: ViewState): Theme => s.theme ?? (media('(prefers-color-scheme: dark)') ? 'dark' : 'light');
  let theme = themeOf(s0);
  document.documentElement.dataset.theme = theme;
  const applyTheme = (next: Theme) => {
    if (next === theme) return;
    theme = next;
    document.documentElement.dataset.theme = theme;
    if (!map) return;
    const style = basemapStyle({ theme, lang: store.get().lang, glyphs: '', attribution: '' });
    for (const [layer, prop, value] of paintProperties(style)) map.setPaintProperty(layer, prop as never, value as never);
  };
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => applyTheme(themeOf(store.get())));

  const map = hasMap
    ? createMap({
        container: mapEl,
        theme,
        lang: s0.lang,
        glyphs: `${asset('fonts/')}{fontstack}/{range}.pbf`,
        boundaries,
        view: s0.view,
        attribution: t(s0.lang, 'attribution.boundaries'),
        customAttribution: [t(s0.lang, 'attribution.context'), 'Noto Sans (SIL OFL)'],
        reducedMotion: media('(prefers-reduced-motion: reduce)'),
      })
    : null;
  if (map) await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));
  else {
    mapEl.setAttribute('aria-busy', 'false');
    mapEl.classList.add('map--unavailable');
    mapEl.textContent = t(s0.lang, 'map.noWebgl');
  }
  mapEl.setAttribute('aria-label', t(s0.lang, 'map.label'));

  const layers = map ? mountFlowLayers(map, { beforeId: 'county-label', theme }) : null;
  const legendEl = Object.assign(document.createElement('section'), { className: 'legend' });
  const detailsEl = Object.assign(document.createElement('section'), { className: 'details', hidden: true });
  if (map) mapEl.append(legendEl, detailsEl);

  const ctx: AppContext = {
    store,
    data: () => dataset,
    published,
    setData(d, custom) {
      dataset = d;
      names = namesFor(d, unitName);
      known = knownValues(d);
      view = select(dataset, store.get());
      events.emit({ type: 'data', dataset: d, custom });
      render(store.get(), null);
    },
    view: () => view,
    names: () => names,
    known: () => known,
    boundaries,
    map,
    layers,
    mapElement: mapEl,
    ...events,
    notify,
    onDemand: (importer) => onDemand(() => importer().then((m) => (clearMessage(noticesEl, 'part-failed'), m)), partFailed),
    asset,
  };

  const render = (s: ViewState, prev: ViewState | null) => {
    // A camera move only changes `view`: nothing to redraw (the map already shows it).
    const cameraOnly = prev !== null && (Object.keys(s) as Array<keyof ViewState>).every((k) => k === 'view' || s[k] === prev[k]);
    if (cameraOnly) {
      events.emit({ type: 'render', view, state: s });
      return;
    }
    const before = view;
    view = select(dataset, s);
    if (layers && (!prev || view !== before || s.lang !== prev.lang || s.tier !== prev.tier || s.category !== prev.category)) {
      const platforms = dataset.platforms.filter((p) => (!s.tier.length || s.tier.includes(p.tier)) && (!s.category.length || (p.category !== null && s.category.includes(p.category))));
      layers.update(view, platforms);
    }
    if (map) {
      const animate = s.animate && !media('(prefers-reduced-motion: reduce)');
      layers!.setAnimated(animate);
      mapEl.dataset.animated = String(animate);
      renderLegend(legendEl, view, dataset.platforms, s.lang, s.metric, {
        animate,
        canAnimate: !media('(prefers-reduced-motion: reduce)'),
        onAnimate: (on) => store.set({ animate: on }),
      });
      legendEl.hidden = !s.legend;
      layers!.highlight(s.focus);
      renderDetails(detailsEl, s.focus, view.flows, dataset, names, s.lang, { onClose: () => store.set({ focus: null }) });
      trackBusy(map, mapEl, { continuous: animate });
    }
    events.emit({ type: 'render', view, state: s });
  };

  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) {
      applyStaticText(document, s.lang);
      mapEl.setAttribute('aria-label', t(s.lang, 'map.label'));
      if (noticesEl.childElementCount) notify(notices);
      if (map) {
        const field = s.lang === 'zh' ? 'name_zh' : 'name_en';
        for (const id of ['prefecture-label', 'county-label', 'context-label']) map.setLayoutProperty(id, 'text-field', ['get', field]);
      }
    }
    if (s.theme !== prev.theme) applyTheme(themeOf(s));
    if (map && s.view && s.view !== prev.view) {
      // A camera from the URL, history or a parent page (not the map's own moveend).
      const c = map.getCenter();
      const far = Math.abs(c.lng - s.view.lon) > 1e-4 || Math.abs(c.lat - s.view.lat) > 1e-4 || Math.abs(map.getZoom() - s.view.zoom) > 1e-3;
      if (far) map.jumpTo({ center: [s.view.lon, s.view.lat], zoom: s.view.zoom });
    }
    render(s, prev);
  });

  if (map && layers) mountMapInteraction(ctx, map, layers);
  // Feature modules (one line each).
  mountPlannerTools(ctx);
  mountEmbed(ctx);
  mountLoader(ctx);
  mountStory(ctx);
  mountPrint(ctx);
  render(store.get(), null);
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
