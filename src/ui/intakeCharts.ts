/**
 * The details card's year charts (issue 17): for each intake series of a place, a small chart of
 * 2014–2025 — a running total as a line that never crosses a year without a figure, yearly and
 * period figures as bars —, every year without a figure marked as a hole (an empty tick on the
 * axis), the definition said (running total or yearly, unit, origin) and the series' sources.
 * Loaded with the intake views' chunk (./intakeUi.ts). Text is set as text.
 */
import type { Aggregate } from '../data/types.ts';
import { formatValue } from '../i18n/format.ts';
import type { IntakeSeries } from '../selectors/intake.ts';
import { COVERAGE_YEARS } from '../selectors/coverage.ts';
import type { Lang } from '../state/viewState.ts';
import { el, h, svg } from './dom.ts';
import { definitionText, INTAKE_TEXT, seriesLabel } from './intakeText.ts';

const W = 240;
const H = 64;
const PAD = { l: 4, r: 4, t: 6, b: 14 };

/** One figure per year: the year's latest report (as the layer draws it). */
function byYear(s: IntakeSeries): Map<number, Aggregate> {
  const out = new Map<number, Aggregate>();
  for (const r of s.rows) out.set(r.periodEnd, r);
  return out;
}

function chart(s: IntakeSeries, lang: Lang): SVGSVGElement {
  const tx = INTAKE_TEXT[lang];
  const rows = byYear(s);
  const years = COVERAGE_YEARS;
  const max = Math.max(...s.rows.map((r) => r.value)) || 1;
  const step = (W - PAD.l - PAD.r) / years.length;
  const x = (y: number) => PAD.l + (years.indexOf(y) + 0.5) * step;
  const y = (v: number) => H - PAD.b - ((H - PAD.t - PAD.b) * v) / max;
  const fig = (r: Aggregate) => formatValue(lang, r.value, r.unit, r.bound);
  const said = years.map((yr) => `${yr}: ${rows.has(yr) ? fig(rows.get(yr)!) : tx.none}`).join('; ');
  const root = svg('svg', { class: 'ic__svg', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `${seriesLabel(lang, s)} — ${said}` });
  const running = s.basis === 'cumulative';
  let path = '';
  years.forEach((yr, i) => {
    const r = rows.get(yr);
    const cx = x(yr);
    if (!r) {
      // A hole: an empty tick, no line across it.
      root.append(svg('rect', { class: 'ic__hole', x: cx - 3, y: H - PAD.b - 3, width: 6, height: 6, 'data-year': yr }, undefined));
      root.lastElementChild!.append(svg('title', {}, `${yr}: ${tx.none}`));
      return;
    }
    // A year with a figure: a solid tick on the baseline (there is no axis line to run across the holes).
    root.append(svg('line', { class: 'ic__axis', x1: cx - 3, x2: cx + 3, y1: H - PAD.b, y2: H - PAD.b }));
    const title = svg('title', {}, `${yr}: ${fig(r)}`);
    if (running) {
      path += `${rows.has(years[i - 1]!) ? 'L' : 'M'}${cx.toFixed(1)},${y(r.value).toFixed(1)}`;
      root.append(svg('circle', { class: 'ic__dot', cx, cy: y(r.value), r: 2.5, 'data-year': yr }));
    } else root.append(svg('rect', { class: 'ic__bar', x: cx - step * 0.3, y: y(r.value), width: step * 0.6, height: Math.max(1, H - PAD.b - y(r.value)), 'data-year': yr }));
    root.lastElementChild!.append(title);
  });
  if (path) root.prepend(svg('path', { class: 'ic__line', d: path }));
  for (const yr of [years[0]!, years[years.length - 1]!]) root.append(svg('text', { class: 'ic__tick', x: x(yr), y: H - 2, 'text-anchor': 'middle' }, String(yr)));
  return root;
}

/** The charts of the series of `key`'s card; null when it has none. `sources` lists a series' sources (the card's own list). */
export function intakeCharts(list: IntakeSeries[], lang: Lang, sources: (ids: string[]) => HTMLElement): HTMLElement {
  const tx = INTAKE_TEXT[lang];
  const box = h('div', { class: 'ic', 'data-testid': 'intake-charts' }, el('h3', 'details__h', tx.charts));
  for (const s of list) {
    const latest = s.rows[s.rows.length - 1]!;
    box.append(
      h(
        'figure',
        { class: 'ic__item', 'data-series': s.id },
        el('figcaption', 'details__entity', seriesLabel(lang, s)),
        el('div', 'details__meta', `${definitionText(lang, s)} · ${latest.periodEnd}: ${formatValue(lang, latest.value, latest.unit, latest.bound)}`),
        chart(s, lang),
        sources([...new Set(s.rows.flatMap((r) => r.sourceIds))]),
      ),
    );
  }
  return box;
}
