/**
 * The one owner of rendering: on every change of state or data, the view model (ctx.view())
 * goes to the renderer, the legend and the details card, and a `render` event tells every other
 * view (planner, table, embed messages) to read the same model. A camera move changes nothing
 * drawn: only the event is sent.
 */
import type { AppContext } from '../app.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { ViewState } from '../state/viewState.ts';
import { t } from '../i18n/index.ts';
import { renderLegend } from './legend.ts';
import { el } from './dom.ts';
import type { Reveal } from './keepBeside.ts';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Fields whose change redraws nothing (the camera is the renderer's own). */
const cameraOnly = (s: ViewState, prev: ViewState) => (Object.keys(s) as Array<keyof ViewState>).every((k) => k === 'view' || s[k] === prev[k]);

/** View model parts no renderer draws (the panel's matrix, comparison table, summary, counts, legend model, coverage grid). */
const NOT_DRAWN = new Set<string>(['matrix', 'compare', 'summary', 'industryCounts', 'legend', 'extent', 'platformCounts', 'coverage']);
const sameMap = (a: ViewModel, b: ViewModel) => Object.keys(a).every((k) => NOT_DRAWN.has(k) || a[k as keyof ViewModel] === b[k as keyof ViewModel]);

/** Mounts the map's overlays and subscribes; returns the first render, to call once every feature listens. */
export function mountMapView(ctx: AppContext): () => void {
  const { store, renderer } = ctx;
  const mapEl = ctx.mapElement;
  mapEl.setAttribute('aria-label', t(store.get().lang, 'map.label'));
  if (!renderer) {
    mapEl.setAttribute('aria-busy', 'false');
    mapEl.classList.add('map--unavailable');
    mapEl.textContent = t(store.get().lang, 'map.noWebgl');
  }
  const legendEl = el('section', 'legend');
  const detailsEl = el('section', 'details');
  detailsEl.hidden = true;
  if (renderer) mapEl.append(legendEl, detailsEl);
  // Overlays make room for the attribution, however many lines it wraps to (styles.css --attrib-h).
  const attrib = mapEl.querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right, .map2d-attrib');
  if (attrib && typeof ResizeObserver === 'function') new ResizeObserver(() => mapEl.style.setProperty('--attrib-h', `${attrib.offsetHeight}px`)).observe(attrib);

  // The details card's code loads with the first selection (it is not needed to draw the map),
  // with the camera's move that keeps the place beside the card (./keepBeside.ts).
  const details = ctx.onDemand(() => Promise.all([import('./details.ts'), import('./keepBeside.ts')]));
  // The card's place, the place asked for and not shown yet, and whether the page opened on an
  // address with a camera (a shared link: its first card keeps that camera).
  let shownFor: string | null = null;
  let wanted: Reveal | null = null;
  let linked = store.get().view !== null;
  ctx.on((e) => {
    if (e.type !== 'reveal') return;
    wanted = e;
    // The card already shows the place: nothing renders again, so move now.
    if (shownFor === e.key && store.get().focus === e.key) {
      wanted = null;
      void details().then(([, { moveBeside }]) => moveBeside(ctx, detailsEl, e.key, ctx.view(), e));
    }
  });
  const showDetails = (s: ViewState, view: ViewModel) => {
    if (s.focus === null) {
      detailsEl.hidden = true;
      shownFor = null;
      return;
    }
    void details().then(([{ renderDetails }, { moveBeside }]) => {
      const now = store.get();
      if (now.focus !== s.focus || ctx.view() !== view || now.focus === null) return; // superseded by a later render
      renderDetails(detailsEl, now.focus, view.flows, ctx.data(), ctx.names(), now.lang, { onClose: () => store.set({ focus: null }), intake: view.intakeSeries });
      const asked = wanted?.key === now.focus ? wanted : null;
      wanted = null;
      if (now.focus === shownFor && !asked) return;
      shownFor = now.focus;
      if (!(linked && !asked)) moveBeside(ctx, detailsEl, now.focus, view, asked);
      linked = false;
    });
  };
  let drawn: ViewModel | null = null;
  let lit: string | null = null;
  const render = (s: ViewState) => {
    const view = ctx.view();
    // Under the small multiples (ui/multiples.ts) the map is hidden: it is drawn when they close.
    if (renderer && !s.multiples) {
      // A view model that differs only in what the map does not draw (the matrix switched on, say) keeps the map as drawn.
      const redraw = !drawn || !sameMap(view, drawn);
      if (redraw) renderer.setView(view);
      drawn = view;
      // No animation where the reader prefers reduced motion or the renderer cannot draw it (2D).
      const canAnimate = renderer.canAnimate && !reducedMotion();
      const animate = s.animate && canAnimate;
      renderer.setAnimated(animate);
      mapEl.dataset.animated = String(animate);
      renderLegend(legendEl, view, s.lang, s.metric, { animate, canAnimate, onAnimate: (on) => store.set({ animate: on }) });
      legendEl.hidden = !s.legend;
      if (redraw || s.focus !== lit) renderer.highlight(s.focus);
      lit = s.focus;
      showDetails(s, view);
    }
    ctx.emit({ type: 'render', view, state: s });
  };

  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) mapEl.setAttribute('aria-label', t(s.lang, 'map.label'));
    if (cameraOnly(s, prev)) ctx.emit({ type: 'render', view: ctx.view(), state: s });
    else render(s);
  });
  ctx.on((e) => {
    if (e.type === 'data') render(store.get());
  });
  return () => render(store.get());
}
