/**
 * Yearly aggregates (data/aggregates.csv) as a small time chart that is also the year brush.
 *
 * One series family at a time (e.g. `hebei-bt-projects` with its running totals
 * `hebei-bt-projects-cum`): yearly figures are bars (a part-year figure is a lighter, outlined
 * bar); running totals and period totals are drawn in a strip of their own above the bars, on
 * their own scale: never stacked on or added to the yearly bars. A year without a figure is a
 * gap with a hatched "no figure" mark. Every mark has a <title> with its value and source.
 *
 * Click a year to show only that year; drag across years for a range; with the keyboard, arrow
 * keys move between years and Enter or Space selects one.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Aggregate } from '../data/types.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatFigure, formatPeriod, formatValue, periodNoteIn, type Bound } from '../i18n/format.ts';
import type { Lang } from '../state/viewState.ts';
import { sourceText, sourcesOf, type Names } from '../i18n/describe.ts';
import { h, newId, selectBox, setText } from './controls/dom.ts';
import { svg } from './dom.ts';

export interface SeriesFamily {
  /** The yearly series id (the family's name). */
  id: string;
  rows: Aggregate[];
}

const HEBEI = 130000;
const BAR_BASES = new Set(['annual', 'partial']);
/** `hebei-bt-projects-cum` and `hebei-bt-projects-period` belong to `hebei-bt-projects`. */
export const familyOf = (series: string) => series.replace(/-(cum|period)$/, '');

/** Families of Hebei-wide series that have at least one yearly figure, largest first. */
export function seriesFamilies(aggregates: readonly Aggregate[]): SeriesFamily[] {
  const scoped = aggregates.filter((a) => a.scopeAdcode === HEBEI && a.scopePlatformId === null);
  const rows = scoped.length ? scoped : [...aggregates];
  const map = new Map<string, Aggregate[]>();
  for (const a of rows) {
    const id = familyOf(a.series);
    let list = map.get(id);
    if (!list) map.set(id, (list = []));
    list.push(a);
  }
  return [...map]
    .filter(([, list]) => list.some((a) => BAR_BASES.has(a.basis)))
    .map(([id, list]) => ({ id, rows: list }))
    .sort((a, b) => barCount(b) - barCount(a) || (a.id < b.id ? -1 : 1));
}

const barCount = (f: SeriesFamily) => new Set(f.rows.filter((a) => BAR_BASES.has(a.basis)).map((a) => a.periodEnd)).size;

export interface YearBar {
  year: number;
  /** The year's figure (a full-year figure is preferred to a part-year one); null = gap. */
  row: Aggregate | null;
}

/** One bar per year from the first to the last year of the family (and `extent`). */
export function yearBars(f: SeriesFamily, extent: readonly [number, number]): YearBar[] {
  const bars = f.rows.filter((a) => BAR_BASES.has(a.basis) && a.periodStart === a.periodEnd);
  const years = [...bars.map((a) => a.periodEnd), extent[0], extent[1]];
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const out: YearBar[] = [];
  for (let y = lo; y <= hi; y++) {
    const rows = bars.filter((a) => a.periodEnd === y);
    // Two figures for one year are never added: the full-year one wins, else the first.
    out.push({ year: y, row: rows.find((a) => a.basis === 'annual') ?? rows[0] ?? null });
  }
  return out;
}

const label = (a: Aggregate, lang: Lang) => (lang === 'zh' ? a.labelZh : a.labelEn);

function describeRow(a: Aggregate, names: Names, lang: Lang): string {
  const kind = t(lang, `yearChart.${a.basis}` as MessageKey);
  const src = sourcesOf(names, a.sourceIds).map(sourceText).join('; ');
  return [
    `${formatPeriod(lang, a.periodStart, a.periodEnd, periodNoteIn(lang, a))}: ${formatValue(lang, a.value, a.unit, a.bound as Bound)} (${kind})`,
    label(a, lang),
    ...(src ? [t(lang, 'yearChart.source', { source: src })] : []),
  ].join('\n');
}

export interface YearChartOptions {
  /** Years selectable (those of the flows). */
  onYears(years: [number, number]): void;
}

export function yearChart(o: YearChartOptions): { el: HTMLElement; update(aggregates: readonly Aggregate[], names: Names, lang: Lang, years: [number, number] | null, extent: readonly [number, number]): void } {
  const title = h('h2', { class: 'pt-section__title' });
  const selectLabel = h('label', { class: 'pt-field__label' });
  let chosen: string | null = null;
  let last: Parameters<ReturnType<typeof yearChart>['update']> | null = null;
  const series = selectBox((v) => {
    chosen = v;
    if (last) api.update(...last);
  });
  series.el.id = newId('pt-series');
  selectLabel.setAttribute('for', series.el.id);
  const hint = h('p', { class: 'pt-hint' });
  const box = h('div', { class: 'pt-yearchart' });
  const legend = h('p', { class: 'pt-yearchart__legend' });
  const el = h('section', { class: 'pt-section pt-years-chart' }, title, h('div', { class: 'pt-field' }, selectLabel, series.el), box, legend, hint);
  let focusYear: number | null = null;

  const api = {
    el,
    update(aggregates: readonly Aggregate[], names: Names, lang: Lang, years: [number, number] | null, extent: readonly [number, number]) {
      last = [aggregates, names, lang, years, extent];
      setText(title, t(lang, 'yearChart.title'));
      setText(selectLabel, t(lang, 'yearChart.series'));
      setText(hint, t(lang, 'yearChart.hint'));
      const fams = seriesFamilies(aggregates);
      el.hidden = !fams.length;
      if (!fams.length) return;
      if (!chosen || !fams.some((f) => f.id === chosen)) chosen = fams[0]!.id;
      // The plainest wording of the series (rows add notes such as "(of which …)").
      const famLabel = (f: SeriesFamily) => {
        const own = f.rows.filter((a) => a.series === f.id);
        return (own.length ? own : f.rows).map((a) => label(a, lang)).reduce((x, y) => (y.length < x.length ? y : x));
      };
      series.update(fams.map((f) => ({ value: f.id, label: famLabel(f) })), chosen);
      const fam = fams.find((f) => f.id === chosen)!;
      const hadFocus = box.contains(document.activeElement);
      box.replaceChildren(draw(fam, names, lang, years, extent));
      if (hadFocus) box.querySelector<SVGElement>('[tabindex="0"]')?.focus();
      legend.replaceChildren(
        h('span', { class: 'pt-key pt-key--annual', text: t(lang, 'yearChart.annual') }),
        h('span', { class: 'pt-key pt-key--partial', text: t(lang, 'yearChart.partial') }),
        h('span', { class: 'pt-key pt-key--cumulative', text: t(lang, 'yearChart.cumulative') }),
        ...(fam.rows.some((a) => a.basis === 'period') ? [h('span', { class: 'pt-key pt-key--period', text: t(lang, 'yearChart.period') })] : []),
        h('span', { class: 'pt-key pt-key--gap', text: t(lang, 'yearChart.noFigure') }),
      );
    },
  };

  function draw(fam: SeriesFamily, names: Names, lang: Lang, years: [number, number] | null, extent: readonly [number, number]): SVGSVGElement {
    const bars = yearBars(fam, extent);
    const totals = fam.rows.filter((a) => !BAR_BASES.has(a.basis) || a.periodStart !== a.periodEnd);
    const W = 300;
    const strip = totals.length ? 34 : 0;
    const top = 6 + strip;
    const barH = 92;
    const axis = 16;
    const H = top + barH + axis;
    const x = scaleBand<number>().domain(bars.map((b) => b.year)).range([2, W - 2]).paddingInner(0.18).paddingOuter(0.05);
    const maxBar = Math.max(...bars.map((b) => b.row?.value ?? 0), 1);
    const y = scaleLinear().domain([0, maxBar]).nice(3).range([top + barH, top]);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'pt-yc', role: 'group' });
    root.setAttribute('aria-label', t(lang, 'yearChart.title'));
    const defs = svg('defs');
    const hatchId = newId('pt-hatch');
    const pattern = svg('pattern', { id: hatchId, width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    pattern.append(svg('line', { x1: 0, y1: 0, x2: 0, y2: 5, class: 'pt-yc__hatch' }));
    defs.append(pattern);
    root.append(defs);

    // Grid and the top tick value (the scale's unit is in every bar's title).
    for (const v of y.ticks(3)) {
      if (v === 0) continue;
      root.append(svg('line', { x1: 0, x2: W, y1: y(v), y2: y(v), class: 'pt-yc__grid' }));
      root.append(svg('text', { x: 2, y: y(v) - 2, class: 'pt-yc__tick' }, formatFigure(lang, v, fam.rows[0]?.unit ?? '')));
    }
    root.append(svg('line', { x1: 0, x2: W, y1: top + barH, y2: top + barH, class: 'pt-yc__base' }));

    const selected = (yr: number) => years !== null && yr >= years[0] && yr <= years[1];
    const bw = x.bandwidth();
    const every = bw < 16 ? 2 : 1;
    const selectable = (yr: number) => yr >= extent[0] && yr <= extent[1];
    if (focusYear === null || !bars.some((b) => b.year === focusYear)) focusYear = years?.[0] ?? bars.find((b) => selectable(b.year))?.year ?? null;

    const cols: Array<{ year: number; hit: SVGRectElement }> = [];
    bars.forEach((b, i) => {
      const x0 = x(b.year)!;
      const g = svg('g', { class: `pt-yc__year${selected(b.year) ? ' pt-yc__year--on' : ''}${years && !selected(b.year) ? ' pt-yc__year--off' : ''}` });
      if (selected(b.year)) g.append(svg('rect', { x: x0 - 2, y: 0, width: bw + 4, height: top + barH, class: 'pt-yc__sel' }));
      if (b.row) {
        const r = b.row;
        const mark = svg('rect', { x: x0, y: y(r.value), width: bw, height: Math.max(1, top + barH - y(r.value)), class: `pt-yc__bar pt-yc__bar--${r.basis}` });
        mark.append(svg('title', {}, describeRow(r, names, lang)));
        g.append(mark);
      } else {
        const gap = svg('rect', { x: x0, y: top + barH - 14, width: bw, height: 14, fill: `url(#${hatchId})`, class: 'pt-yc__gap' });
        gap.append(svg('title', {}, `${b.year}: ${t(lang, 'yearChart.noFigure')}`));
        g.append(gap);
      }
      if (i % every === 0 || selected(b.year)) g.append(svg('text', { x: x0 + bw / 2, y: H - 4, 'text-anchor': 'middle', class: 'pt-yc__label' }, every > 1 ? `'${String(b.year).slice(2)}` : String(b.year)));
      // The hit area: the whole column, focusable, one tab stop for the chart (roving tabindex).
      const can = selectable(b.year);
      const value = b.row ? formatValue(lang, b.row.value, b.row.unit, b.row.bound as Bound) : t(lang, 'yearChart.noFigure');
      const hit = svg('rect', {
        x: x0 - (x.step() - bw) / 2, y: 0, width: x.step(), height: top + barH + axis, class: 'pt-yc__hit',
        role: 'button', tabindex: b.year === focusYear ? 0 : -1, 'aria-label': `${t(lang, 'yearChart.select', { year: b.year })}: ${value}`,
        'aria-pressed': String(selected(b.year)), ...(can ? {} : { 'aria-disabled': 'true' }),
      });
      hit.dataset.year = String(b.year);
      hit.append(svg('title', {}, b.row ? describeRow(b.row, names, lang) : `${b.year}: ${t(lang, 'yearChart.noFigure')}`));
      g.append(hit);
      cols.push({ year: b.year, hit });
      root.append(g);
    });

    // Running totals and period totals: their own strip and scale, never on the bars.
    if (totals.length) {
      const sy = scaleLinear().domain([0, Math.max(...totals.map((a) => a.value))]).range([strip - 2, 8]);
      const cx = (yr: number) => {
        const c = x(Math.max(bars[0]!.year, Math.min(yr, bars[bars.length - 1]!.year)));
        return (c ?? 0) + bw / 2;
      };
      const s = svg('g', { class: 'pt-yc__strip', transform: 'translate(0,4)' });
      s.append(svg('text', { x: 2, y: 7, class: 'pt-yc__tick' }, t(lang, 'yearChart.cumulative')));
      const cums = totals.filter((a) => a.basis === 'cumulative').sort((a, b) => a.periodEnd - b.periodEnd);
      for (const a of totals.filter((r) => r.basis !== 'cumulative')) {
        const seg = svg('line', { x1: cx(a.periodStart) - bw / 2, x2: cx(a.periodEnd) + bw / 2, y1: sy(a.value), y2: sy(a.value), class: 'pt-yc__period' });
        seg.append(svg('title', {}, describeRow(a, names, lang)));
        s.append(seg);
      }
      if (cums.length > 1) s.append(svg('polyline', { points: cums.map((a) => `${cx(a.periodEnd)},${sy(a.value)}`).join(' '), class: 'pt-yc__cumline' }));
      for (const a of cums) {
        const d = svg('path', { d: `M${cx(a.periodEnd)},${sy(a.value) - 4}l4,4l-4,4l-4,-4z`, class: 'pt-yc__cum' });
        d.append(svg('title', {}, describeRow(a, names, lang)));
        s.append(d);
      }
      root.append(s);
    }

    // Pointer: click a year, or drag across years for a range.
    const yearAt = (ev: PointerEvent): number | null => {
      const rect = root.getBoundingClientRect();
      const px = ((ev.clientX - rect.left) / rect.width) * W;
      let best: number | null = null;
      for (const c of cols) if (px >= x(c.year)! - (x.step() - bw) / 2) best = c.year;
      return best;
    };
    const clamp = (yr: number) => Math.max(extent[0], Math.min(extent[1], yr));
    let from: number | null = null;
    root.addEventListener('pointerdown', (ev) => {
      const yr = yearAt(ev);
      if (yr === null || ev.button > 0) return;
      from = yr;
      root.setPointerCapture(ev.pointerId);
      ev.preventDefault();
    });
    root.addEventListener('pointermove', (ev) => {
      if (from === null) return;
      const yr = yearAt(ev);
      if (yr === null) return;
      const [a, b] = [Math.min(from, yr), Math.max(from, yr)];
      for (const c of cols) c.hit.classList.toggle('pt-yc__hit--brush', c.year >= a && c.year <= b);
    });
    const end = (ev: PointerEvent) => {
      if (from === null) return;
      const yr = yearAt(ev) ?? from;
      const lo = Math.min(from, yr);
      const hi = Math.max(from, yr);
      from = null;
      for (const c of cols) c.hit.classList.remove('pt-yc__hit--brush');
      if (hi < extent[0] || lo > extent[1]) return;
      focusYear = clamp(lo);
      o.onYears([clamp(lo), clamp(hi)]);
    };
    root.addEventListener('pointerup', end);
    root.addEventListener('pointercancel', () => {
      from = null;
      for (const c of cols) c.hit.classList.remove('pt-yc__hit--brush');
    });
    root.addEventListener('keydown', (ev) => {
      const target = ev.target as Element;
      const yr = Number((target as SVGElement).dataset?.year);
      if (!Number.isFinite(yr)) return;
      const i = cols.findIndex((c) => c.year === yr);
      let next = -1;
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowUp') next = Math.min(cols.length - 1, i + 1);
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowDown') next = Math.max(0, i - 1);
      else if (ev.key === 'Home') next = 0;
      else if (ev.key === 'End') next = cols.length - 1;
      else if ((ev.key === 'Enter' || ev.key === ' ') && selectable(yr)) {
        ev.preventDefault();
        focusYear = yr;
        o.onYears([yr, yr]);
        return;
      }
      if (next < 0) return;
      ev.preventDefault();
      for (const c of cols) c.hit.setAttribute('tabindex', '-1');
      const n = cols[next]!;
      n.hit.setAttribute('tabindex', '0');
      n.hit.focus();
      focusYear = n.year;
    });
    return root;
  }

  return api;
}
