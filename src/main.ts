/**
 * Wiring only: state store + URL, data load, map, panels. Everything else is in its folder.
 */
import './styles.css';
import type { Topology } from 'topojson-specification';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { browserLang, type ViewState } from './state/viewState.ts';
import { parseState, type KnownValues } from './state/url.ts';
import { createStore } from './state/store.ts';
import { syncHistory } from './state/history.ts';
import { decodeBoundaries, unitIndex } from './geo/boundaries.ts';
import { createMap, trackBusy, webglAvailable } from './map/createMap.ts';
import { mountFlowLayers, type Hit } from './map/flowLayers.ts';
import { viewSelector } from './selectors/view.ts';
import { yearExtent } from './selectors/filter.ts';
import type { Dataset } from './data/dataset.ts';
import { t } from './i18n/index.ts';
import { renderNotices, showError } from './ui/notices.ts';
import { applyStaticText } from './ui/chrome.ts';
import { createTooltip } from './ui/tooltip.ts';
import { renderLegend } from './ui/legend.ts';
import { renderDetails } from './ui/details.ts';
import { describeArc, describePlace, describePlatform, namesFor } from './ui/describe.ts';

const asset = (path: string) => new URL(path, document.baseURI).href;
const media = (q: string) => matchMedia(q).matches;

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(asset(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Values the URL may refer to, from the data (unknown ones are reported, not applied). */
function knownValues(dataset: Dataset): KnownValues {
  const places = new Set<string>();
  for (const f of dataset.flows) {
    places.add(String(f.originAdcode));
    places.add(String(f.destinationAdcode));
    if (f.destination.prefecture) places.add(String(f.destination.prefecture));
  }
  for (const p of dataset.platforms) places.add(p.id);
  const origins = new Set(['beijing', 'tianjin', ...dataset.flows.map((f) => String(f.originAdcode)).filter((c) => /^(11|12)\d{4}$/.test(c))]);
  return {
    industries: new Set(dataset.flows.map((f) => f.industry)),
    origins,
    dests: new Set(dataset.flows.map((f) => f.destination.prefecture).filter((p): p is number => p !== null)),
    focus: places,
    years: yearExtent(dataset),
  };
}

async function main(): Promise<void> {
  const defaultLang = browserLang(navigator.languages);
  const noticesEl = document.getElementById('notices')!;
  const mapEl = document.getElementById('map')!;

  const [topo, dataset] = await Promise.all([fetchJson<Topology>('geo/jjj.topo.json'), fetchJson<Dataset>('data/dataset.json')]);
  const boundaries = decodeBoundaries(topo);
  const units = unitIndex(boundaries);
  const names = namesFor(dataset, (code, lang) => units.get(code)?.props[lang === 'zh' ? 'name_zh' : 'name_en']);
  const known = knownValues(dataset);

  const parsed = parseState(location.search, known, defaultLang);
  const store = createStore(parsed.state);
  const renderChrome = (s: ViewState) => applyStaticText(document, s.lang);
  renderChrome(store.get());
  renderNotices(noticesEl, store.get().lang, parsed.notices);
  syncHistory(store, { known: () => known, defaultLang, onNotices: (n) => renderNotices(noticesEl, store.get().lang, n) });
  document.getElementById('lang-switch')!.addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));

  if (!webglAvailable()) {
    mapEl.setAttribute('aria-busy', 'false');
    mapEl.classList.add('map--unavailable');
    mapEl.textContent = t(store.get().lang, 'map.noWebgl');
    return;
  }

  const s0 = store.get();
  const theme = s0.theme ?? (media('(prefers-color-scheme: dark)') ? 'dark' : 'light');
  const map: MapLibreMap = createMap({
    container: mapEl,
    theme,
    lang: s0.lang,
    glyphs: `${asset('fonts/')}{fontstack}/{range}.pbf`,
    boundaries,
    view: s0.view,
    attribution: t(s0.lang, 'attribution.boundaries'),
    customAttribution: [t(s0.lang, 'attribution.context'), 'Noto Sans (SIL OFL)'],
    reducedMotion: media('(prefers-reduced-motion: reduce)'),
  });
  mapEl.setAttribute('aria-label', t(s0.lang, 'map.label'));
  await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));

  const layers = mountFlowLayers(map, { beforeId: 'county-label', theme });
  const tooltip = createTooltip(mapEl);
  const legendEl = Object.assign(document.createElement('section'), { className: 'legend' });
  const detailsEl = Object.assign(document.createElement('section'), { className: 'details', hidden: true });
  mapEl.append(legendEl, detailsEl);

  const select = viewSelector();
  let view = select(dataset, s0);
  let hovered: Hit | null = null;

  const render = (s: ViewState, prev: ViewState | null) => {
    view = select(dataset, s);
    const platforms = dataset.platforms.filter((p) => (!s.tier.length || s.tier.includes(p.tier)) && (!s.category.length || (p.category !== null && s.category.includes(p.category))));
    if (!prev || view !== select(dataset, prev) || s.lang !== prev.lang) {
      layers.update(view, platforms);
      renderLegend(legendEl, view, dataset.platforms, s.lang, s.metric);
    }
    layers.highlight(s.focus);
    renderDetails(detailsEl, s.focus, view.flows, dataset, names, s.lang, { onClose: () => store.set({ focus: null }) });
    trackBusy(map, mapEl);
  };
  render(s0, null);

  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) {
      renderChrome(s);
      mapEl.setAttribute('aria-label', t(s.lang, 'map.label'));
      const field = s.lang === 'zh' ? 'name_zh' : 'name_en';
      for (const id of ['prefecture-label', 'county-label', 'context-label']) map.setLayoutProperty(id, 'text-field', ['get', field]);
      renderNotices(noticesEl, s.lang, []);
    }
    if (s.view && (!prev.view || s.view !== prev.view) && store.lastOptions().history === 'none') {
      map.jumpTo({ center: [s.view.lon, s.view.lat], zoom: s.view.zoom });
    }
    render(s, prev);
  });

  // Camera → URL (replace, so panning does not flood the history).
  map.on('moveend', () => {
    const c = map.getCenter();
    store.set({ view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } }, { history: 'replace' });
  });

  // Hover: tooltip + transient highlight; click: select; Escape / empty click: clear.
  let frame = 0;
  map.on('mousemove', (e) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const s = store.get();
      hovered = layers.pick(e);
      map.getCanvas().style.cursor = hovered ? 'pointer' : '';
      if (!hovered) {
        tooltip.hide();
        layers.highlight(s.focus);
        return;
      }
      const content =
        hovered.kind === 'arc' ? describeArc(hovered.arc, names, s.lang)
        : hovered.kind === 'place' ? describePlace(hovered.place, names, s.lang)
        : describePlatform(hovered.platform, names, s.lang);
      tooltip.show(content, e.point.x, e.point.y);
      if (s.focus === null) {
        if (hovered.kind === 'arc') layers.highlight(null, hovered.arc.id);
        else layers.highlight(hovered.kind === 'place' ? hovered.place.key : hovered.platform.id);
      }
    });
  });
  map.on('mouseout', () => {
    cancelAnimationFrame(frame);
    tooltip.hide();
    layers.highlight(store.get().focus);
  });
  map.on('click', (e) => {
    const hit = layers.pick(e);
    if (!hit) store.set({ focus: null });
    else if (hit.kind === 'place') store.set({ focus: hit.place.key });
    else if (hit.kind === 'platform') store.set({ focus: hit.platform.id });
    else {
      tooltip.show(describeArc(hit.arc, names, store.get().lang), e.point.x, e.point.y);
      layers.highlight(null, hit.arc.id);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      tooltip.hide();
      store.set({ focus: null });
      layers.highlight(null);
    }
  });
  // Flowing dashes only for users who have not asked for reduced motion.
  layers.setAnimated(false);
}

main().catch((e: unknown) => {
  console.error(e);
  const el = document.getElementById('map');
  if (el) {
    el.setAttribute('aria-busy', 'false');
    showError(el, `${t(browserLang(navigator.languages), 'map.loadError')} ${String((e as Error)?.message ?? e)}`);
  }
});
