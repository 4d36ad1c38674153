/**
 * The app context handed to every feature module (controls, table, embed, story, loader):
 * the store, the current dataset and view model, names, and the map when there is one.
 * Features subscribe to the store or to `onRender`; none of them holds state of its own that
 * the URL does not describe.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Dataset } from './data/dataset.ts';
import type { Boundaries } from './geo/boundaries.ts';
import type { FlowLayers, Hit } from './map/flowLayers.ts';
import type { ViewModel } from './selectors/view.ts';
import type { KnownValues, Notice } from './state/url.ts';
import type { SetOptions, Store } from './state/store.ts';
import type { ViewState } from './state/viewState.ts';
import type { Names } from './ui/describe.ts';

export type AppEvent =
  | { type: 'render'; view: ViewModel; state: ViewState }
  | { type: 'select'; hit: Hit }
  | { type: 'notices'; notices: Notice[] }
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
  names(): Names;
  known(): KnownValues;
  boundaries: Boundaries;
  /** Null when WebGL is unavailable (the table still works). */
  map: MapLibreMap | null;
  layers: FlowLayers | null;
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
