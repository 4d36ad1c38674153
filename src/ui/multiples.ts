/**
 * Small multiples by industry (issue 18, `multiples=industry`), loaded when first asked for: a
 * grid over the map's box, one small map per industry of the data, each a button named by its
 * industry and total in the measure (the summary's totals: one per summable group, the largest
 * shown, the rest counted, never added). Choosing one (click, Enter or Space) filters to that
 * industry and goes back to the one map; an industry the filters leave empty is an empty small
 * map saying so. The panels come from the one view model (selectors/multiples.ts over the
 * selector's `flowsOf`); the maps are drawn on plain canvases by the renderer's small-map
 * painter (map/smallMaps.ts), all with the same extent and scale. 2–4 columns on a desktop, 1–2
 * on a phone, at the screen's pixel ratio. Names are set as text.
 */
import type { AppContext } from '../app.ts';
import type { SumGroup } from '../data/sum.ts';
import type { SmallMapPainter } from '../map/renderer.ts';
import { groupText } from '../i18n/describe.ts';
import { formatNumber, formatValue } from '../i18n/format.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { multiplesSelector, type MultiplesModel, type MultiplesPanel } from '../selectors/multiples.ts';
import type { Lang, Theme, ViewState } from '../state/viewState.ts';
import { h } from './dom.ts';
import { themeOf } from './theme.ts';

/** The grid's words (in this chunk, as the matrix keeps its own: the dictionaries load with every page). */
const TEXT: Record<Lang, Record<'title' | 'note' | 'back' | 'empty' | 'noFigure' | 'label', string>> = {
  zh: {
    title: '按产业分幅小图 · {metric}',
    note: '各幅小图范围相同、比例尺相同；虚线为此指标下没有数字的记录。选一幅即按该产业筛选，回到单幅地图。',
    back: '回到单幅地图',
    empty: '当前筛选下没有记录',
    noFigure: '没有此指标的数字',
    label: '{industry}：{total}。按该产业筛选',
  },
  en: {
    title: 'Small maps by industry · {metric}',
    note: 'Every small map has the same extent and scale; dotted lines are records with no figure in this measure. Choose one to filter to that industry and return to the single map.',
    back: 'Back to the single map',
    empty: 'No records under these filters',
    noFigure: 'No figure in this measure',
    label: '{industry}: {total}. Filter to this industry',
  },
};
const text = (lang: Lang, key: keyof (typeof TEXT)['zh'], vars: Record<string, string> = {}) => TEXT[lang][key].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

/** A small map's height over its width (the region is a little taller than wide). */
const ASPECT = 1.1;

/** Columns for a grid this wide (CSS px): 1–2 on a phone, up to 4 on a desktop. */
function columnsFor(width: number): number {
  return width < 340 ? 1 : width < 600 ? 2 : width < 880 ? 3 : 4;
}

export interface MultiplesView {
  el: HTMLElement;
  update(s: ViewState): void;
}

const industryName = (lang: Lang, id: string) => t(lang, `industry.${id}` as MessageKey);

/** The panel's total as the summary writes it: the largest group; "+n other kinds" when there are more. */
function totalLine(lang: Lang, totals: readonly SumGroup[]): { value: string; meta: string } | null {
  const g = totals[0];
  if (!g) return null;
  const more = totals.length > 1 ? ` ${t(lang, 'summary.otherKinds', { n: totals.length - 1 })}` : '';
  return { value: formatValue(lang, g.value, g.unit, g.bound), meta: `${t(lang, `basis.${g.basis}` as MessageKey)}${more}` };
}

export function multiplesView(ctx: AppContext): MultiplesView {
  const select = multiplesSelector(ctx.flowsOf);
  const title = h('h2', { class: 'mult__title', id: 'mult-title' });
  const back = h('button', { type: 'button', class: 'btn btn--small' });
  const note = h('p', { class: 'mult__note' });
  const grid = h('ul', { class: 'mult__grid', role: 'list' });
  const el = h('section', { class: 'mult', 'data-testid': 'multiples', 'aria-labelledby': 'mult-title', 'aria-busy': 'true' }, h('div', { class: 'mult__head' }, title, back), note, grid);
  el.hidden = true;
  const leave = () => ctx.store.set({ multiples: null });
  back.addEventListener('click', leave);
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') leave();
  });

  let painter: SmallMapPainter | null = null;
  let model: MultiplesModel | null = null;
  let drawnKey = '';
  let paintedKey = '';
  let canvases: Array<{ canvas: HTMLCanvasElement; panel: MultiplesPanel }> = [];

  const choose = (p: MultiplesPanel) => {
    ctx.store.set({ industry: [p.industry], multiples: null });
    ctx.renderer?.surface.focus({ preventScroll: true });
  };

  const build = (m: MultiplesModel, s: ViewState) => {
    const lang = s.lang;
    title.textContent = text(lang, 'title', { metric: t(lang, `metric.${s.metric}` as MessageKey) });
    back.textContent = text(lang, 'back');
    note.textContent = text(lang, 'note');
    canvases = [];
    grid.replaceChildren(...m.panels.map((p) => {
      const name = industryName(lang, p.industry);
      const line = totalLine(lang, p.totals);
      const status = p.records === 0 ? text(lang, 'empty') : line ? null : `${text(lang, 'noFigure')} · ${p.records === 1 ? t(lang, 'summary.records1') : t(lang, 'summary.records', { n: formatNumber(lang, p.records) })}`;
      const total = status ?? p.totals.map((g) => groupText(lang, g)).join('; ');
      const canvas = h('canvas', { class: 'mult__map', 'aria-hidden': 'true' });
      const parts = [canvas, h('span', { class: 'mult__name', text: name })];
      if (line) parts.push(h('span', { class: 'mult__value', text: line.value }), h('span', { class: 'mult__meta', text: line.meta }));
      else parts.push(h('span', { class: 'mult__status', text: status! }));
      const label = text(lang, 'label', { industry: name, total });
      const attrs = { class: `mult__panel${p.records === 0 ? ' mult__panel--empty' : ''}`, 'data-industry': p.industry, 'aria-label': label, title: label };
      let cell: HTMLElement;
      if (p.records === 0) cell = h('figure', { ...attrs, role: 'group' }, ...parts);
      else {
        cell = h('button', { ...attrs, type: 'button' }, ...parts);
        cell.addEventListener('click', () => choose(p));
      }
      canvases.push({ canvas, panel: p });
      return h('li', { class: 'mult__item' }, cell);
    }));
    paintedKey = '';
  };

  /** Columns from the grid's width, then every small map at its cell's size and the screen's pixel ratio. */
  const paint = () => {
    if (el.hidden || !model) return;
    const cols = columnsFor(grid.clientWidth || el.clientWidth);
    grid.style.setProperty('--mult-cols', String(cols));
    const width = canvases[0]?.canvas.clientWidth ?? 0;
    if (!painter || !width) return;
    const theme: Theme = themeOf(ctx.store.get());
    const dpr = window.devicePixelRatio || 1;
    const frame = { width, height: Math.round(width * ASPECT), dpr, theme };
    const key = `${width},${dpr},${theme}`;
    if (key === paintedKey) return;
    const t0 = performance.now();
    for (const { canvas, panel } of canvases) {
      canvas.style.height = `${frame.height}px`;
      painter.paint(canvas, panel.view, frame);
    }
    paintedKey = key;
    el.setAttribute('aria-busy', 'false');
    performance.clearMeasures('multiples-draw');
    performance.measure('multiples-draw', { start: t0, end: performance.now() });
  };
  new ResizeObserver(() => requestAnimationFrame(paint)).observe(grid);
  // A change of pixel ratio without a resize (a window moved to another screen): paint again.
  let dprQuery: MediaQueryList | null = null;
  const onDpr = () => {
    watchDpr();
    paint();
  };
  const watchDpr = () => {
    dprQuery?.removeEventListener('change', onDpr);
    dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    dprQuery.addEventListener('change', onDpr);
  };
  watchDpr();
  // The painter comes from the renderer, which may arrive after the panel (on a slow network the
  // planner is up before the map engine): asked for on the first update that finds it. No
  // renderer (no map could be drawn) or its painter failed to load: the grid is words only.
  let wordsOnly = false;
  let asked = false;
  const askPainter = () => {
    if (!ctx.renderer) {
      wordsOnly = ctx.mapElement.classList.contains('map--unavailable');
      return;
    }
    if (asked) return;
    asked = true;
    ctx.renderer.smallMaps().then(
      (p) => {
        painter = p;
        paint();
      },
      (e: unknown) => {
        console.error(e);
        wordsOnly = true;
        el.setAttribute('aria-busy', 'false');
      },
    );
  };

  return {
    el,
    update(s) {
      const on = s.multiples !== null;
      el.hidden = !on;
      ctx.mapElement.classList.toggle('map--multiples', on);
      if (!on) return;
      askPainter();
      const t0 = performance.now();
      const m = select(ctx.data(), s);
      const key = `${s.lang},${s.metric}`;
      if (m !== model || key !== drawnKey) {
        el.setAttribute('aria-busy', 'true');
        model = m;
        drawnKey = key;
        build(m, s);
        if (wordsOnly) el.setAttribute('aria-busy', 'false');
      }
      // For bench/multiples.ts: the panels' view models and their DOM (the canvases follow in `paint`).
      performance.clearMeasures('multiples-update');
      performance.measure('multiples-update', { start: t0, end: performance.now() });
      // A theme switch or the grid's first showing repaints (paint() skips what is painted already).
      requestAnimationFrame(paint);
    },
  };
}
