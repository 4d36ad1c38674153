/**
 * Planners' tools (issue 5), mounted with one line in main.ts: the filters, summary, yearly
 * chart and downloads in the side panel (a bottom sheet on phones), the data table below the
 * map, and a polite live region that announces how many flows are shown. The filters come with
 * the page; the read-outs (plannerViews.ts) load with the data on the full page, after the map's
 * first frame in an embed.
 *
 * Nothing here owns state the URL does not describe (apart from table sort/page and the chart's
 * series, which are views of the same data): every control writes to the store and is redrawn
 * from the state on each `render` event.
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { ViewState } from '../state/viewState.ts';
import { h, setAttr, setText, type Control, type ControlInput } from './controls/dom.ts';
import { industryControl } from './controls/industry.ts';
import { yearsControl } from './controls/years.ts';
import { placeControl } from './controls/places.ts';
import { platformControl } from './controls/platforms.ts';
import { metricControl } from './controls/metric.ts';
import { lockControl } from './controls/lock.ts';
import { searchControl } from './controls/search.ts';
import { levelControl } from './controls/level.ts';
import { switchControl } from './controls/switch.ts';
import { compareControl } from './controls/compare.ts';
import type { MatrixView } from './matrix.ts';
import type { CompareView } from './compare.ts';
import type { MultiplesView } from './multiples.ts';
import type { NetSection } from './net.ts';
import { activeText, resetControl } from './controls/reset.ts';
import type { PlannerViewsInput } from './plannerViews.ts';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const ANNOUNCE_DELAY_MS = 600;

export function mountPlannerTools(ctx: AppContext): void {
  const { store } = ctx;
  const panel = document.getElementById('panel');
  const tableRoot = document.getElementById('data-table');
  if (!panel || !tableRoot) return;

  /** Select a place or platform and bring it into view (no animation when motion is reduced). */
  const showPlace = (key: string, at: { lon: number; lat: number }) => {
    // The camera moves when the card is up, so that the place lies beside it (ui/keepBeside.ts).
    ctx.emit({ type: 'reveal', key, at, zoom: 8 });
    store.set({ focus: key });
    if (!ctx.renderer) return;
    const r = ctx.mapElement.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight) ctx.mapElement.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
  };

  // Panel: head (badge + reset), controls, year chart, summary, downloads.
  const head = resetControl(store, () => years.destroy?.());
  // Play steps the years; the arcs' flow animation stays the user's own choice (state.animate).
  const years = yearsControl(store);
  // The place search's index and behaviour load on the box's first focus.
  const loadSearch = ctx.onDemand(() => import('./placeSearchBox.ts'));
  const search = searchControl((shell) => loadSearch().then(({ mountPlaceSearch }) => mountPlaceSearch(ctx, shell, showPlace)));
  // Two periods compared: the tables and the panel's period selects, loaded when first asked for.
  const loadCompare = ctx.onDemand(() => import('./compare.ts'));
  const controls: Control[] = [
    head,
    search,
    metricControl(store),
    levelControl(store),
    industryControl(store),
    years,
    placeControl(store),
    platformControl(store, 'tier'),
    platformControl(store, 'category'),
    lockControl(store),
    switchControl(store, { label: 'planner.matrix', on: (s) => s.matrix, set: (on) => ({ matrix: on }) }),
    switchControl(store, { label: 'planner.multiples', on: (s) => s.multiples !== null, set: (on) => ({ multiples: on ? 'industry' : null }) }),
    compareControl(store, loadCompare),
    // Net flows: the hint reads the view model's net (no two-way pair netted, none listed).
    switchControl(store, { label: 'planner.net', on: (s) => s.net, set: (on) => ({ net: on }), hint: ({ view: v }) => (v.net && !v.net.rows.size && !v.net.notNetted.length ? 'planner.net.none' : null) }),
  ];
  // The origin–destination matrix: above the data table, its code loaded when first asked for.
  const matrixSlot = h('div', { class: 'odm-slot' });
  tableRoot.before(matrixSlot);
  const loadMatrix = ctx.onDemand(() => import('./matrix.ts'));
  let matrix: MatrixView | null = null;
  // Two periods compared: beside the matrix, its code loaded when compare= is first set.
  const compareSlot = h('div', { class: 'odm-slot' });
  tableRoot.before(compareSlot);
  let compare: CompareView | null = null;
  const showCompare = (view: ViewModel, s: ViewState) => {
    if (compare) compare.update(view.compare, s, ctx.names());
    else if (s.compare)
      void loadCompare().then(({ compareView }) => {
        compare ??= compareView(ctx);
        compareSlot.replaceChildren(compare.el);
        compare.update(ctx.view().compare, store.get(), ctx.names());
      });
  };
  // Net flows (net=1): their table and CSV, loaded when first asked for.
  const netSlot = h('div', { class: 'odm-slot' });
  tableRoot.before(netSlot);
  let net: NetSection | null = null;
  const showNet = (view: ViewModel, s: ViewState) => {
    if (net) net.update(view.net, s, ctx.names());
    else if (s.net)
      void loadCompare().then(({ netView }) => {
        net ??= netView(ctx);
        netSlot.replaceChildren(net.el);
        net.update(ctx.view().net, store.get(), ctx.names());
      });
  };
  const showMatrix = (view: ViewModel, s: ViewState) => {
    if (matrix) matrix.update(view.matrix, s, ctx.names());
    else if (s.matrix)
      void loadMatrix().then(({ matrixView }) => {
        matrix ??= matrixView(ctx);
        matrixSlot.replaceChildren(matrix.el);
        matrix.update(ctx.view().matrix, store.get(), ctx.names());
      });
  };
  // Small multiples by industry: over the map's box, their code loaded when multiples= is first set.
  const loadMultiples = ctx.onDemand(() => import('./multiples.ts'));
  let multiples: MultiplesView | null = null;
  const showMultiples = (s: ViewState) => {
    if (multiples) multiples.update(s);
    else if (s.multiples)
      void loadMultiples().then(({ multiplesView }) => {
        if (!multiples) ctx.mapElement.append((multiples = multiplesView(ctx)).el);
        multiples.update(store.get());
      });
  };
  // Slots for the read-outs, filled when plannerViews.ts has loaded (see mapDrawn below).
  // The intake layer's control (issue 17) goes after the matrix switch, its coverage grid above the data table.
  const slots = { chart: h('div', { class: 'pt-slot pt-slot--chart' }), summary: h('div', { class: 'pt-slot pt-slot--summary' }), downloads: h('div', { class: 'pt-slot' }), table: store.get().embed ? null : tableRoot, intake: h('div', { class: 'pt-slot' }), coverage: h('div', { class: 'odm-slot' }) };
  tableRoot.before(slots.coverage);
  let views: ((input: PlannerViewsInput) => void) | null = null;
  let viewsInput: PlannerViewsInput | null = null;
  const loadViews = ctx.onDemand(() => import('./plannerViews.ts'));
  // On the full page the read-outs come with the data, beside the map engine (a slow network
  // gets the figures and the table long before the map). Embedded, they wait until the map has
  // drawn and the embed's `ready` has gone out (its bytes before `ready` are budgeted): from the
  // first render that finds the renderer (it is created after this mounts), until the map is no
  // longer busy — the embed's own condition for `ready` —, then until the browser is next idle.
  let mapDrawn = !store.get().embed;
  let waitingForMap = false;
  let requested = false;
  const afterMapDrawn = (el: HTMLElement) =>
    new Promise<void>((resolve) => {
      const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 500 }) : setTimeout(resolve, 50));
      if (el.getAttribute('aria-busy') === 'false') return idle();
      const mo = new MutationObserver(() => {
        if (el.getAttribute('aria-busy') !== 'false') return;
        mo.disconnect();
        idle();
      });
      mo.observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
    });
  // Not while an embedding page hides the panel (controls=0).
  const maybeStartViews = () => {
    const s = store.get();
    if (!mapDrawn && !waitingForMap && ctx.renderer) {
      waitingForMap = true;
      void afterMapDrawn(ctx.mapElement).then(() => {
        mapDrawn = true;
        maybeStartViews();
      });
    }
    if (requested || !mapDrawn || (s.embed && !s.controls)) return;
    requested = true;
    loadViews().then(
      ({ mountPlannerViews }) => {
        views ??= mountPlannerViews(ctx, slots, showPlace);
        if (viewsInput) views(viewsInput);
      },
      () => (requested = false),
    );
  };
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'announce' });

  const filters = h('div', { class: 'pt-filters' }, ...controls.slice(1).map((c) => c.el), slots.intake);
  const body = h('div', { class: 'pt-body', id: 'pt-body' }, filters, slots.chart, slots.summary, slots.downloads);
  // Phones: the panel is a bottom sheet; this handle opens and closes it.
  const handleText = h('span', { class: 'pt-handle__text' });
  const handleBadge = h('span', { class: 'pt-handle__badge' });
  const handle = h('button', { type: 'button', class: 'pt-handle', 'aria-expanded': 'false', 'aria-controls': 'pt-body' }, h('span', { class: 'pt-handle__grip', 'aria-hidden': 'true' }), handleText, handleBadge);
  let sheetOpen = false;
  handle.addEventListener('click', () => {
    sheetOpen = !sheetOpen;
    paintHandle();
  });
  panel.classList.add('planner');
  panel.replaceChildren(handle, head.el, body, live);

  let lastState: ViewState | null = null;
  const paintHandle = () => {
    const s = lastState ?? store.get();
    panel.classList.toggle('planner--open', sheetOpen);
    setAttr(handle, 'aria-expanded', String(sheetOpen));
    setText(handleText, t(s.lang, sheetOpen ? 'planner.sheetClose' : 'planner.sheetOpen'));
  };

  let prevView: ViewModel | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (view: ViewModel, s: ViewState) => {
    const t0 = performance.now();
    const data = ctx.data();
    const input: ControlInput = { state: s, data, view, names: ctx.names(), known: ctx.known() };
    for (const c of controls) c.update(input);
    showMatrix(view, s);
    showCompare(view, s);
    showMultiples(s);
    showNet(view, s);
    const sm = view.summary;
    viewsInput = { view, state: s, data };
    if (views) views(viewsInput);
    else maybeStartViews();

    lastState = s;
    setText(handleBadge, `${t(s.lang, 'summary.shown', { n: formatNumber(s.lang, sm.shown), total: formatNumber(s.lang, sm.total) })} · ${activeText(s)}`);
    paintHandle();

    // Announce the count after filter changes (not on first load), once things settle.
    if (prevView && view !== prevView) {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        live.textContent = t(s.lang, 'planner.announce', { n: formatNumber(s.lang, sm.shown) });
      }, ANNOUNCE_DELAY_MS);
    }
    prevView = view;
    // For bench/planner.ts: how long the panel and table took for this state.
    performance.clearMeasures('planner-update');
    performance.measure('planner-update', { start: t0, end: performance.now() });
  };

  ctx.on((e) => {
    if (e.type === 'render') update(e.view, e.state);
  });
}
