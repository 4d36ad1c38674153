/**
 * The summary in the panel: "n of N flows shown", the metric's totals (one line per group of
 * figures that may be added, each with its basis and status; never one mixed total), the top
 * destinations and origins (buttons that select the place), and the share by industry as a
 * small bar chart (d3-scale + SVG made with DOM calls).
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import type { SumGroup } from '../data/sum.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatNumber, formatPeriod, formatValue } from '../i18n/format.ts';
import { industryColor } from '../scales/industryColor.ts';
import type { Summary, IndustryShare } from '../selectors/summary.ts';
import type { PlaceTotal } from '../selectors/places.ts';
import type { Lang, Metric } from '../state/viewState.ts';
import { endName, groupText, type Names } from '../i18n/describe.ts';
import { h, setText } from './controls/dom.ts';
import { svg } from './dom.ts';

const TOTALS_SHOWN = 4;

export const recordsText = (lang: Lang, n: number) => (n === 1 ? t(lang, 'summary.records1') : t(lang, 'summary.records', { n: formatNumber(lang, n) }));

export function groupLine(lang: Lang, g: SumGroup): { value: string; meta: string } {
  const status = g.status ? t(lang, `status.${g.status}` as MessageKey) : t(lang, 'status.unknown');
  const parts = [t(lang, `basis.${g.basis}` as MessageKey), status];
  if (g.investmentType) parts.push(t(lang, g.investmentType === 'agreed' ? 'summary.invAgreed' : 'summary.invInPlace'));
  parts.push(formatPeriod(lang, g.periodStart, g.periodEnd), recordsText(lang, g.flowIds.length));
  return { value: formatValue(lang, g.value, g.unit, g.bound), meta: parts.join(' · ') };
}

export interface SummaryOptions {
  onPlace(p: PlaceTotal): void;
}

/** The industry bars: label above each bar, value at its end; each bar has a <title>. */
export function industryChart(rows: readonly IndustryShare[], shareOf: Summary['shareOf'], lang: Lang): SVGSVGElement {
  const W = 300;
  const rowH = 30;
  const H = Math.max(rowH, rows.length * rowH);
  const x = scaleLinear().domain([0, Math.max(...rows.map((r) => r.value), 1)]).range([0, W - 70]);
  const y = scaleBand<string>().domain(rows.map((r) => r.industry)).range([0, H]).paddingInner(0);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'pt-bars', role: 'img' });
  for (const r of rows) {
    const top = y(r.industry) ?? 0;
    const name = t(lang, `industry.${r.industry}` as MessageKey);
    const pct = `${formatNumber(lang, Math.round(r.share * 1000) / 10)}%`;
    const value = shareOf === 'metric' && r.groups[0] ? formatValue(lang, r.value, r.groups[0].unit, r.groups[0].bound) : recordsText(lang, r.records);
    const g = svg('g', { class: 'pt-bar' });
    const detail = [
      `${name}: ${value} (${pct})`,
      ...(shareOf === 'records' ? r.groups.map((gr) => groupText(lang, gr)) : [recordsText(lang, r.records)]),
    ];
    g.append(svg('title', {}, detail.join('\n')));
    g.append(svg('text', { x: 0, y: top + 11, class: 'pt-bar__label' }, name));
    g.append(svg('rect', { x: 0, y: top + 15, width: Math.max(1, x(r.value)), height: 10, rx: 2, fill: industryColor(r.industry) }));
    g.append(svg('text', { x: Math.max(1, x(r.value)) + 4, y: top + 24, class: 'pt-bar__value' }, pct));
    root.append(g);
  }
  root.setAttribute('aria-label', rows.map((r) => `${t(lang, `industry.${r.industry}` as MessageKey)} ${formatNumber(lang, Math.round(r.share * 1000) / 10)}%`).join(', '));
  return root;
}

export function summaryView(o: SummaryOptions): { el: HTMLElement; update(s: Summary, names: Names, lang: Lang, metric: Metric): void } {
  const title = h('h2', { class: 'pt-section__title' });
  const shown = h('p', { class: 'pt-shown', 'data-testid': 'shown' });
  const totalsTitle = h('h3', { class: 'pt-h3' });
  const totals = h('ul', { class: 'pt-totals', 'data-testid': 'totals' });
  const note = h('p', { class: 'pt-hint' });
  const moreSummary = h('summary', { class: 'pt-more__summary' });
  const moreList = h('ul', { class: 'pt-totals' });
  const moreTotals = h('details', { class: 'pt-more' }, moreSummary, moreList);
  const without = h('p', { class: 'pt-hint' });
  const destTitle = h('h3', { class: 'pt-h3' });
  const dests = h('ol', { class: 'pt-top' });
  const originTitle = h('h3', { class: 'pt-h3' });
  const origins = h('ol', { class: 'pt-top' });
  const shareTitle = h('h3', { class: 'pt-h3' });
  const shareNote = h('p', { class: 'pt-hint' });
  const chart = h('div', { class: 'pt-chart' });
  const el = h('section', { class: 'pt-section pt-summary' },
    title, shown, totalsTitle, totals, moreTotals, without, note,
    h('div', { class: 'pt-tops' }, h('div', {}, destTitle, dests), h('div', {}, originTitle, origins)),
    shareTitle, shareNote, chart);

  const topList = (list: HTMLOListElement, places: PlaceTotal[], names: Names, lang: Lang) => {
    list.replaceChildren(...places.map((p) => {
      const name = endName(names, p.key, p.place.adcode, lang);
      const btn = h('button', { type: 'button', class: 'pt-link', text: name, 'aria-label': t(lang, 'summary.focusPlace', { name }) });
      btn.addEventListener('click', () => o.onPlace(p));
      const g = p.groups.reduce((a, b) => (b.value > a.value ? b : a));
      const more = p.groups.length > 1 ? ` ${t(lang, 'summary.otherKinds', { n: p.groups.length - 1 })}` : '';
      return h('li', {}, btn, h('span', { class: 'pt-top__value', text: `${formatValue(lang, g.value, g.unit, g.bound)} · ${t(lang, `basis.${g.basis}` as MessageKey)}${more}` }));
    }));
    list.hidden = !places.length;
  };

  return {
    el,
    update(s, names, lang, metric) {
      const metricName = t(lang, `metric.${metric}`);
      setText(title, t(lang, 'summary.title'));
      setText(shown, t(lang, 'summary.shown', { n: formatNumber(lang, s.shown), total: formatNumber(lang, s.total) }));
      setText(totalsTitle, t(lang, 'summary.totals', { metric: metricName }));
      const item = (g: SumGroup) => {
        const line = groupLine(lang, g);
        return h('li', { class: 'pt-total' }, h('span', { class: 'pt-total__value', text: line.value }), h('span', { class: 'pt-total__meta', text: line.meta }));
      };
      // The largest few totals; the rest one click away (each still its own line, never added).
      const open = moreTotals.open;
      totals.replaceChildren(...s.totals.slice(0, TOTALS_SHOWN).map(item));
      moreList.replaceChildren(...s.totals.slice(TOTALS_SHOWN).map(item));
      setText(moreSummary, t(lang, 'summary.moreTotals', { n: formatNumber(lang, s.totals.length - TOTALS_SHOWN) }));
      moreTotals.hidden = s.totals.length <= TOTALS_SHOWN;
      moreTotals.open = open;
      if (!s.totals.length) totals.append(h('li', { class: 'pt-total pt-total--none', text: t(lang, 'summary.noFigures') }));
      setText(note, s.totals.length > 1 ? t(lang, 'summary.totalsNote') : '');
      note.hidden = s.totals.length <= 1;
      setText(without, s.without ? t(lang, 'summary.without', { n: formatNumber(lang, s.without) }) : '');
      without.hidden = !s.without;
      setText(destTitle, t(lang, 'summary.topDest'));
      setText(originTitle, t(lang, 'summary.topOrigin'));
      topList(dests, s.topDestinations, names, lang);
      topList(origins, s.topOrigins, names, lang);
      setText(shareTitle, s.shareOf === 'metric' ? t(lang, 'summary.byIndustryMetric', { metric: metricName }) : t(lang, 'summary.byIndustryRecords'));
      setText(shareNote, s.shareOf === 'records' && s.totals.length > 1 ? t(lang, 'summary.byIndustryRecordsNote') : '');
      shareNote.hidden = !shareNote.textContent;
      chart.replaceChildren(...(s.industries.length ? [industryChart(s.industries, s.shareOf, lang)] : []));
    },
  };
}
