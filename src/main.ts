/**
 * Wiring only: state store + URL, data load, map, panels. Everything else is in its folder.
 */
import './styles.css';
import type { Topology } from 'topojson-specification';
import { browserLang } from './state/viewState.ts';
import { parseState } from './state/url.ts';
import { createStore } from './state/store.ts';
import { syncHistory } from './state/history.ts';
import { decodeBoundaries } from './geo/boundaries.ts';
import { createMap, webglAvailable } from './map/createMap.ts';
import { t } from './i18n/index.ts';
import { renderNotices, showError } from './ui/notices.ts';
import { applyStaticText } from './ui/chrome.ts';

const asset = (path: string) => new URL(path, document.baseURI).href;
const prefersReducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const prefersDark = () => matchMedia('(prefers-color-scheme: dark)').matches;

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(asset(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

async function main(): Promise<void> {
  const defaultLang = browserLang(navigator.languages);
  const parsed = parseState(location.search, {}, defaultLang);
  const store = createStore(parsed.state);
  const noticesEl = document.getElementById('notices')!;
  const mapEl = document.getElementById('map')!;

  const renderChrome = () => {
    const s = store.get();
    applyStaticText(document, s.lang);
    renderNotices(noticesEl, s.lang, parsed.notices);
  };
  renderChrome();
  syncHistory(store, { known: () => ({}), defaultLang, onNotices: (n) => renderNotices(noticesEl, store.get().lang, n) });
  document.getElementById('lang-switch')!.addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));

  if (!webglAvailable()) {
    mapEl.setAttribute('aria-busy', 'false');
    mapEl.classList.add('map--unavailable');
    mapEl.textContent = t(store.get().lang, 'map.noWebgl');
    return;
  }

  let boundaries;
  try {
    boundaries = decodeBoundaries(await fetchJson<Topology>('geo/jjj.topo.json'));
  } catch (e) {
    mapEl.setAttribute('aria-busy', 'false');
    showError(mapEl, `${t(store.get().lang, 'map.loadError')} ${(e as Error).message}`);
    return;
  }

  const s = store.get();
  const theme = s.theme ?? (prefersDark() ? 'dark' : 'light');
  const map = createMap({
    container: mapEl,
    theme,
    lang: s.lang,
    glyphs: `${asset('fonts/')}{fontstack}/{range}.pbf`,
    boundaries,
    view: s.view,
    attribution: t(s.lang, 'attribution.boundaries'),
    customAttribution: [t(s.lang, 'attribution.context'), 'Noto Sans (SIL OFL)'],
    reducedMotion: prefersReducedMotion(),
  });
  mapEl.setAttribute('aria-label', t(s.lang, 'map.label'));

  store.subscribe((next, prev) => {
    if (next.lang !== prev.lang) {
      renderChrome();
      mapEl.setAttribute('aria-label', t(next.lang, 'map.label'));
      const field = next.lang === 'zh' ? 'name_zh' : 'name_en';
      for (const id of ['prefecture-label', 'county-label', 'context-label']) map.setLayoutProperty(id, 'text-field', ['get', field]);
    }
  });
}

main().catch((e: unknown) => {
  console.error(e);
  const el = document.getElementById('map');
  if (el) {
    el.setAttribute('aria-busy', 'false');
    showError(el, String((e as Error)?.message ?? e));
  }
});
