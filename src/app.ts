/**
 * The app context handed to every feature module (controls, table, embed, story, loader):
 * the store, the current dataset and view model, names, and the map's renderer.
 * Features subscribe to the store or to `onRender`; none of them holds state of its own that
 * the URL does not describe.
 */
import type { Dataset } from './data/dataset.ts';
import type { Boundaries } from './geo/boundaries.ts';
import type { Renderer, RendererChoice } from './map/renderer.ts';
import type { SelectableHit } from './selectors/hit.ts';
import type { ViewModel, ViewSelector } from './selectors/view.ts';
import type { KnownValues, Notice } from './state/url.ts';
import type { SetOptions, Store } from './state/store.ts';
import type { ViewState } from './state/viewState.ts';
import { namesFor, type Names } from './i18n/names.ts';
import { knownValues } from './selectors/known.ts';
import { needsAnalysis, viewSelector } from './selectors/view.ts';
import type { Analysis } from './selectors/analysis.ts';
import { onDemand } from './ui/onDemand.ts';
import { clearMessage, noticeArea, renderMessage } from './ui/notices.ts';
import { hasLanguage, loadLanguage, t } from './i18n/index.ts';
import { unitIndex } from './geo/boundaries.ts';
import { parseState } from './state/url.ts';
import { createStore } from './state/store.ts';
import { syncHistory } from './state/history.ts';
import type { Lang } from './state/viewState.ts';

export type AppEvent =
  | { type: 'render'; view: ViewModel; state: ViewState }
  | { type: 'select'; hit: SelectableHit }
  /** The pointer is over an arc of the map (its id), or left it (null): the matrix lights the cell. */
  | { type: 'hover'; arcId: string | null }
  | { type: 'notices'; notices: Notice[] }
  /** Bring a place into view, at least this close, beside its details card (ui/keepBeside.ts). */
  | { type: 'reveal'; key: string; at: { lon: number; lat: number }; zoom: number }
  | { type: 'data'; dataset: Dataset; custom: boolean };

export interface AppContext {
  store: Store & { lastOptions(): SetOptions };
  /** The dataset shown now (published, or a planner's own). */
  data(): Dataset;
  /** The published dataset, as loaded. */
  published: Dataset;
  /** Replace the shown dataset (custom CSV) or restore the published one. */
  setData(dataset: Dataset, custom: boolean): void;
  view(): ViewModel;
  /** The view model's flows part of another state (selectors/view.ts `flowsOf`): the small multiples' panels. */
  flowsOf: ViewSelector['flowsOf'];
  names(): Names;
  known(): KnownValues;
  boundaries: Boundaries;
  /** The map's renderer (./map/renderer.ts); null when no map could be drawn (the table still works). */
  renderer: Renderer | null;
  /** Which renderer draws and why (said in the attribution). */
  rendererChoice: RendererChoice | null;
  mapElement: HTMLElement;
  on(listener: (e: AppEvent) => void): () => void;
  emit(e: AppEvent): void;
  /** Show notices (e.g. bad URL options or messages) to the user. */
  notify(notices: Notice[]): void;
  /**
   * Load a feature's code on first use (see ui/onDemand.ts): once, cached; a failure is told to
   * the user and the next call tries again.
   */
  onDemand<M>(importer: () => Promise<M>): () => Promise<M>;
  /** Resolve a relative asset path against the page (works under any base path). */
  asset(path: string): string;
}

export function createEvents(): Pick<AppContext, 'on' | 'emit'> {
  const listeners = new Set<(e: AppEvent) => void>();
  return {
    on(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    emit(e) {
      for (const l of [...listeners]) l(e);
    },
  };
}

export interface ContextInput {
  store: AppContext['store'];
  published: Dataset;
  boundaries: Boundaries;
  mapElement: HTMLElement;
  /** Place names from the boundaries (adcode → name in a language). */
  unitName(adcode: number, lang: Lang): string | undefined;
  /** The analysis parts of the view model (selectors/analysis.ts) once loaded; null before. */
  analysis?: () => Analysis | null;
  notify(notices: Notice[]): void;
  /** An on-demand part failed to load / loaded (clears the failure's message). */
  partFailed(e: unknown): void;
  partLoaded(): void;
  asset(path: string): string;
}

/**
 * The app context over one view selector: `view()` is always the selector's output for the
 * current dataset and state, so every feature reads the same view model.
 */
export function createContext(o: ContextInput): AppContext {
  // Level=city draws Beijing, Tianjin and each prefecture at its label point.
  const points = new Map<number, readonly [number, number]>();
  for (const layer of [o.boundaries.region, o.boundaries.prefectures]) for (const f of layer.features) points.set(f.properties.adcode, f.properties.label);
  const select = viewSelector({ pointOf: (adcode) => points.get(adcode), analysis: o.analysis ?? (() => null) });
  const unitCodes = [...o.boundaries.counties.features, ...o.boundaries.prefectures.features, ...o.boundaries.region.features].map((f) => f.properties.adcode);
  let dataset = o.published;
  let names = namesFor(dataset, o.unitName);
  let known = knownValues(dataset, unitCodes);
  const events = createEvents();
  return {
    store: o.store,
    data: () => dataset,
    published: o.published,
    setData(d, custom) {
      dataset = d;
      names = namesFor(d, o.unitName);
      known = knownValues(d, unitCodes);
      events.emit({ type: 'data', dataset: d, custom });
    },
    view: () => select(dataset, o.store.get()),
    flowsOf: select.flowsOf,
    names: () => names,
    known: () => known,
    boundaries: o.boundaries,
    renderer: null,
    rendererChoice: null,
    mapElement: o.mapElement,
    ...events,
    notify: o.notify,
    onDemand: (importer) => onDemand(() => importer().then((m) => (o.partLoaded(), m)), o.partFailed),
    asset: o.asset,
  };
}

export interface AppInput {
  published: Dataset;
  boundaries: Boundaries;
  mapElement: HTMLElement;
  noticesElement: HTMLElement;
  /** The browser's language (when the address names none). */
  defaultLang: Lang;
  asset(path: string): string;
  /** The analysis parts, when main.ts loaded them beside the data (the address asked for them). */
  analysis?: Analysis | null;
}

/**
 * The app's state and context from the loaded data: the store parsed from the address (unknown
 * values reported as notices) and mirrored in it, the other language's dictionary loaded before
 * a switch applies, notices re-labelled on a switch, on-demand parts that say when they fail.
 */
export function createApp(o: AppInput): AppContext {
  const units = unitIndex(o.boundaries);
  const partFailed = (e: unknown) => {
    console.error(e);
    renderMessage(o.noticesElement, store.get().lang, t(store.get().lang, 'app.partFailed'), 'part-failed');
  };
  // A language that loads (after a failed try, too) clears the "could not be loaded" notice, as other parts do.
  const partLoaded = () => clearMessage(o.noticesElement, 'part-failed');
  const language = (lang: Lang) => onDemand(() => loadLanguage(lang).then((m) => (partLoaded(), m)), partFailed);
  const languages = { zh: language('zh'), en: language('en') };
  // Levels, matrix, comparison and net flows: their code loads before a state asking for them applies.
  let analysis: Analysis | null = o.analysis ?? null;
  const loadAnalysis = onDemand(() => import('./selectors/analysis.ts').then((m) => (analysis = m.ANALYSIS)), partFailed);
  const parsed = parseState(location.search, knownValues(o.published, units.keys()), o.defaultLang);
  const store = createStore(parsed.state, {
    prepare: (next) => {
      const waits: Array<Promise<unknown>> = [];
      if (!hasLanguage(next.lang)) waits.push(languages[next.lang]());
      if (!analysis && needsAnalysis(next)) waits.push(loadAnalysis());
      return waits.length ? Promise.all(waits) : null;
    },
  });
  const notices = noticeArea(o.noticesElement, () => store.get().lang);
  const ctx = createContext({
    store,
    published: o.published,
    boundaries: o.boundaries,
    mapElement: o.mapElement,
    unitName: (code, lang) => units.get(code)?.props[lang === 'zh' ? 'name_zh' : 'name_en'],
    analysis: () => analysis,
    notify: notices.notify,
    partFailed,
    partLoaded,
    asset: o.asset,
  });
  store.subscribe((s, prev) => s.lang !== prev.lang && notices.relabel());
  notices.notify(parsed.notices);
  syncHistory(store, { known: ctx.known, defaultLang: o.defaultLang, onNotices: notices.notify });
  return ctx;
}
