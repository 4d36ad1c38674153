/**
 * The planner's read-outs, loaded after the map's first frame (planner.ts): the yearly chart,
 * the summary, the downloads and the data table (and, in its own chunk, the intake layer's control
 * and coverage grid). Their code is not needed to draw the map, so
 * it stays out of the JS every visitor and embedding page waits for.
 */
import type { AppContext } from '../app.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Summary } from '../selectors/summary.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { ViewState } from '../state/viewState.ts';
import { summaryView } from './summary.ts';
import { yearChart } from './yearChart.ts';
import { dataTable } from './table.ts';
import type { ControlInput } from './controls/dom.ts';
import { downloadCsv, downloadsView, fileName, renderPng, renderSvg } from './download.ts';
import { saveBlob } from './dom.ts';

export interface PlannerSlots {
  chart: HTMLElement;
  summary: HTMLElement;
  downloads: HTMLElement;
  /** The data table's section below the map (absent in embed mode, where it is hidden). */
  table: HTMLElement | null;
  /** The intake layer's control (in the filters) and its coverage grid (above the table), issue 17. */
  intake: HTMLElement;
  coverage: HTMLElement;
}

export interface PlannerViewsInput {
  view: ViewModel;
  state: ViewState;
  data: Dataset;
}

/** Mounts the read-outs into their slots; returns their update, to call on every render. */
export function mountPlannerViews(ctx: AppContext, slots: PlannerSlots, showPlace: (key: string, at: { lon: number; lat: number }) => void): (input: PlannerViewsInput) => void {
  const { store } = ctx;
  const chart = yearChart({ onYears: (y) => store.set({ years: y }) });
  const summary = summaryView({ onPlace: (p) => showPlace(p.key, p.place) });
  const table = slots.table ? dataTable(slots.table, { onPlace: showPlace }) : null;
  const downloads = downloadsView({
    // The read-outs can arrive before the map (slow networks): the picture buttons wait for it.
    hasMap: () => !!ctx.renderer,
    csv: () => downloadCsv(table ? table.sorted() : ctx.view().flows, ctx.names(), store.get()),
    png: async () => {
      if (!ctx.renderer) return;
      const canvas = await renderPng({ renderer: ctx.renderer, view: ctx.view(), state: store.get(), names: ctx.names() });
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (blob) saveBlob(blob, fileName(store.get(), 'png'));
    },
    svg: async () => {
      if (!ctx.renderer) return;
      const svg = await renderSvg({ renderer: ctx.renderer, view: ctx.view(), state: store.get(), names: ctx.names() });
      saveBlob(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileName(store.get(), 'svg'));
    },
  });
  // The intake layer's control and coverage grid: their own chunk (./intakeUi.ts), loaded with these.
  let intake: ((input: ControlInput) => void) | null = null;
  let intakeInput: ControlInput | null = null;
  void ctx.onDemand(() => import('./intakeUi.ts'))().then(({ mountIntake }) => {
    intake = mountIntake(ctx, slots.intake, slots.coverage);
    if (intakeInput) intake(intakeInput);
  });
  slots.chart.replaceChildren(chart.el);
  slots.summary.replaceChildren(summary.el);
  slots.downloads.replaceChildren(downloads.el);

  let lastSummary: Summary | null = null;
  let lastNames: unknown = null;
  let lastLang = '';
  let chartKey: unknown[] = [];
  return ({ view, state: s, data }) => {
    const { summary: sm, extent } = view;
    const names = ctx.names();
    if (sm !== lastSummary || names !== lastNames || s.lang !== lastLang) {
      summary.update(sm, names, s.lang, s.metric);
      lastSummary = sm;
      lastNames = names;
      lastLang = s.lang;
    }
    const key = [data.aggregates, names, s.lang, s.years?.[0], s.years?.[1], extent];
    if (key.some((v, i) => v !== chartKey[i])) {
      chartKey = key;
      chart.update(data.aggregates, names, s.lang, s.years, extent);
    }
    intakeInput = { state: s, data, view, names, known: ctx.known() };
    intake?.(intakeInput);
    table?.update({ flows: view.flows, platforms: view.shownPlatforms, names, lang: s.lang, metric: s.metric });
    downloads.update(s.lang, view.flows.length);
  };
}
