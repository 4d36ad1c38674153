/**
 * The story card's small year-by-year chart of one aggregates series family (e.g.
 * `hebei-bt-projects` with its running totals `hebei-bt-projects-cum`). Yearly figures are
 * bars (a part-year figure is a lighter, outlined bar); running totals are diamonds in a strip
 * of their own, on their own scale, never stacked on or joined to the bars; a year without a
 * figure is a hatched gap. Which row a year shows follows the planner's chart (`yearBars`:
 * a full-year figure wins over a part-year one, two figures are never added).
 * Text only through textContent; a list of every mark for screen readers.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { Aggregate } from '../data/types.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatFigure, formatPeriod, formatValue, periodNoteIn, type Bound } from '../i18n/format.ts';
import type { Lang } from '../state/viewState.ts';
import { familyOf, yearBars } from '../ui/yearChart.ts';
import { el, svg } from '../ui/dom.ts';

const BAR_BASES = new Set(['annual', 'partial']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
let uid = 0;


/** Rows of a family (yearly series plus `-cum` / `-period`), from any aggregates list. */
export function familyRows(aggregates: readonly Aggregate[], family: string): Aggregate[] {
  return aggregates.filter((a) => familyOf(a.series) === family);
}

/** Where in its last year a running total stands: the month of "to Oct 2017", else the year's end. */
export function yearFraction(a: Aggregate): number {
  const m = new RegExp(`\\b(${MONTHS.join('|')})[a-z]*\\.? ${a.periodEnd}\\b`).exec(a.periodNote ?? '');
  return m ? (MONTHS.indexOf(m[1]!) + 1) / 12 : 1;
}

const short = (lang: Lang, a: Aggregate) => t(lang, `bound.${a.bound}` as MessageKey, { v: formatFigure(lang, a.value, a.unit) });
const kindOf = (lang: Lang, a: Aggregate) => t(lang, `yearChart.${a.basis}` as MessageKey);
const describe = (lang: Lang, a: Aggregate) =>
  `${formatPeriod(lang, a.periodStart, a.periodEnd, periodNoteIn(lang, a))}: ${formatValue(lang, a.value, a.unit, a.bound as Bound)} (${kindOf(lang, a)}) — ${lang === 'zh' ? a.labelZh : a.labelEn}`;

export function storyChart(rows: readonly Aggregate[], lang: Lang, label: string): HTMLElement {
  const fig = el('figure', 'story-chart');
  const yearly = rows.filter((a) => BAR_BASES.has(a.basis) && a.periodStart === a.periodEnd);
  const totals = rows.filter((a) => !yearly.includes(a)).sort((a, b) => a.periodEnd - b.periodEnd || yearFraction(a) - yearFraction(b));
  if (!rows.length) return fig;
  const lo = Math.min(...rows.map((a) => a.periodStart));
  const hi = Math.max(...rows.map((a) => a.periodEnd));
  const family = familyOf(rows[0]!.series);
  const bars = yearBars({ id: family, rows: [...rows] }, [lo, hi]);

  const W = 320;
  const stripTop = 24;
  const stripH = 26;
  const barTop = stripTop + stripH + 22;
  const barH = 44;
  const H = barTop + barH + 16;
  const x = scaleBand<number>().domain(bars.map((b) => b.year)).range([4, W - 4]).paddingInner(0.25).paddingOuter(0.1);
  const bw = x.bandwidth();
  const y = scaleLinear().domain([0, Math.max(1, ...yearly.map((a) => a.value))]).range([barTop + barH, barTop]);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'story-chart__svg', role: 'img', 'aria-label': label }) as SVGSVGElement;

  const hatch = `story-hatch-${++uid}`;
  const defs = svg('defs');
  const pattern = svg('pattern', { id: hatch, width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
  pattern.append(svg('line', { x1: 0, y1: 0, x2: 0, y2: 5, class: 'story-chart__hatch' }));
  defs.append(pattern);
  root.append(defs);

  // Running totals: their own strip and scale.
  if (totals.length) {
    root.append(svg('text', { x: 0, y: stripTop + stripH - 2, class: 'story-chart__strip-label' }, t(lang, 'yearChart.cumulative')));
    const max = Math.max(...totals.map((a) => a.value));
    const sy = scaleLinear().domain([0, max]).range([stripTop + stripH, stripTop + 6]);
    const cx = (a: Aggregate) => (x(Math.min(hi, Math.max(lo, a.periodEnd))) ?? 0) + bw * yearFraction(a);
    totals.forEach((a, i) => {
      const px = cx(a);
      const py = sy(a.value);
      const mark = svg(a.basis === 'cumulative' ? 'path' : 'line', a.basis === 'cumulative'
        ? { d: `M${px},${py - 4}l4,4l-4,4l-4,-4z`, class: 'story-chart__cum' }
        : { x1: (x(a.periodStart) ?? 0), x2: (x(a.periodEnd) ?? 0) + bw, y1: py, y2: py, class: 'story-chart__period' });
      mark.append(svg('title', {}, describe(lang, a)));
      root.append(mark);
      // One label per year (the latest figure of that year), over the year's column.
      const next = totals[i + 1];
      if (!next || next.periodEnd !== a.periodEnd) {
        const lx = Math.max(30, Math.min(W - 30, (x(Math.min(hi, a.periodEnd)) ?? 0) + bw / 2));
        root.append(svg('text', { x: lx, y: stripTop - 2, 'text-anchor': 'middle', class: 'story-chart__value' }, short(lang, a)));
      }
    });
  }

  // Yearly figures: bars, or a hatched gap.
  root.append(svg('line', { x1: 0, x2: W, y1: barTop + barH, y2: barTop + barH, class: 'story-chart__base' }));
  for (const b of bars) {
    const x0 = x(b.year) ?? 0;
    if (b.row) {
      const r = b.row;
      const top = y(r.value);
      const bar = svg('rect', { x: x0, y: top, width: bw, height: Math.max(1, barTop + barH - top), class: `story-chart__bar story-chart__bar--${r.basis}` });
      bar.append(svg('title', {}, describe(lang, r)));
      root.append(bar);
      root.append(svg('text', { x: x0 + bw / 2, y: top - 3, 'text-anchor': 'middle', class: 'story-chart__value' }, short(lang, r)));
    } else {
      const gap = svg('rect', { x: x0, y: barTop + barH - 10, width: bw, height: 10, fill: `url(#${hatch})`, class: 'story-chart__gap' });
      gap.append(svg('title', {}, `${b.year}: ${t(lang, 'yearChart.noFigure')}`));
      root.append(gap);
    }
    root.append(svg('text', { x: x0 + bw / 2, y: H - 3, 'text-anchor': 'middle', class: 'story-chart__year' }, String(b.year)));
  }
  fig.append(root);

  const keys = el('p', 'story-chart__keys');
  keys.setAttribute('aria-hidden', 'true');
  const key = (kind: string, k: MessageKey) => keys.append(el('span', `story-key story-key--${kind}`, t(lang, k)));
  if (yearly.some((a) => a.basis === 'annual')) key('annual', 'yearChart.annual');
  if (yearly.some((a) => a.basis === 'partial')) key('partial', 'yearChart.partial');
  if (totals.length) key('cumulative', 'yearChart.cumulative');
  if (bars.some((b) => !b.row)) key('gap', 'yearChart.noFigure');
  fig.append(keys);

  // The same figures as text, for screen readers.
  const list = el('ul', 'visually-hidden');
  for (const a of [...yearly, ...totals].sort((p, q) => p.periodEnd - q.periodEnd)) list.append(el('li', '', describe(lang, a)));
  for (const b of bars) if (!b.row) list.append(el('li', '', `${b.year}: ${t(lang, 'yearChart.noFigure')}`));
  fig.append(list);
  return fig;
}
