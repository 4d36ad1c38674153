/**
 * Two periods compared (issue 18), loaded when `compare=` is first set: the summary's totals of
 * both periods and their difference, the arcs differenced (largest change first; an arc in one
 * period only is marked), the figures that are not comparable listed apart, and a CSV of it all.
 * Everything read from the view model's `compare` (selectors/compare.ts). Names set as text.
 */
import type { AppContext } from '../app.ts';
import { compareCsv } from '../export/compareCsv.ts';
import { endName, groupText, type Names } from '../i18n/describe.ts';
import { formatFigure, formatNumber } from '../i18n/format.ts';
import { signed } from '../i18n/describeChange.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { PeriodComparison } from '../selectors/compare.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { h, saveBlob } from './dom.ts';

// The panel's period selects, and the net flows' table and tooltip, come with the comparison's
// tables: one chunk for the planners' analysis tables (their code is much alike).
export { compareSelects, defaultCompare, type CompareSelects } from './controls/compareSelects.ts';
export { describeNetArc, netView } from './net.ts';
// …and the comparison's map key and tooltips, which the same state asks for.
export { CHANGE_TEXT, changeImageLegend, changeLegend, describeChangeArc, describeChangePlace } from './changeLegend.ts';

const TEXT = {
  zh: { title: '两个时期对比', a: '时期甲', b: '时期乙', all: '全部年份', diff: '差值（甲−乙）', pair: '起点 → 终点', industry: '产业', totals: '合计', onlyA: '仅时期甲', onlyB: '仅时期乙', not: '不可比较（不相减）', year: '累计数或年度数，属于其年份', spans: '时段 {y} 跨两个时期', outside: '时段 {y} 部分在{p}之外', csv: '下载对比 CSV', close: '关闭对比', none: '无', more: '再显示 {n} 条（共 {total} 条；CSV 含全部）', caveat: '差值是两时期已公布数字之差：公布少的时期数字小，不一定转移少；“仅时期甲/乙”表示另一时期没有这类数字（缺口，不是零）。' },
  en: { title: 'Two periods compared', a: 'Period A', b: 'Period B', all: 'all years', diff: 'Difference (A − B)', pair: 'Origin → destination', industry: 'Industry', totals: 'Totals', onlyA: 'only in A', onlyB: 'only in B', not: 'Not comparable (not subtracted)', year: 'a running total or yearly figure: it belongs to its year', spans: 'its period {y} runs into both periods', outside: 'its period {y} lies partly outside {p}', csv: 'Download the comparison (CSV)', close: 'Close the comparison', none: 'none', more: 'Show {n} more (of {total}; the CSV has them all)', caveat: 'Differences are between the figures published for each period: a period with fewer reports shows less, not necessarily less transfer; "only in A/B" means the other period has no such figure (a gap, not a zero).' },
} as const;

/** Compared pairs shown at first, and added by each "show more". */
const PAGE = 100;

const span = (y: readonly [number, number] | null, l: Lang) => (y ? (y[0] === y[1] ? String(y[0]) : `${y[0]}–${y[1]}`) : TEXT[l].all);

export interface CompareView {
  el: HTMLElement;
  update(c: PeriodComparison | null, s: ViewState, names: Names): void;
}

export function compareView(ctx: AppContext): CompareView {
  const el = h('section', { class: 'cmp', 'data-testid': 'compare' });
  el.hidden = true;
  let drawn: { c: PeriodComparison; lang: Lang; names: Names } | null = null;
  const draw = (c: PeriodComparison, s: ViewState, names: Names) => {
    const l = s.lang;
    const tx = TEXT[l];
    const a = `${tx.a} ${span(c.a, l)}`;
    const b = `${tx.b} ${span(c.b, l)}`;
    const close = h('button', { type: 'button', class: 'btn btn--small', text: tx.close });
    close.addEventListener('click', () => ctx.store.set({ compare: null }));
    const csv = h('button', { type: 'button', class: 'btn btn--small', text: tx.csv });
    csv.addEventListener('click', () => {
      const text = compareCsv(c, { place: (key, adcode) => endName(names, key, adcode, l), industry: (id) => t(l, `industry.${id}` as MessageKey) });
      saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), `jjj-compare-${span(c.a, 'en')}-vs-${span(c.b, 'en')}.csv`.replace(/[^\w.-]+/g, '_'));
    });
    const head = h('div', { class: 'odm__head' }, h('h2', { class: 'odm__title', text: `${tx.title}: ${a} · ${b}` }), h('div', { class: 'cmp__actions' }, csv, close));
    const caveat = h('p', { class: 'pt-hint cmp__caveat', text: tx.caveat });
    const what = (g: PeriodComparison['rows'][number]['group']) => groupText(l, { ...g, value: 0 }).replace(/^[^·]*·\s*/, '');
    const totals = h('table', { class: 'dt cmp__table', 'data-testid': 'compare-totals' },
      h('caption', { text: `${tx.totals}: ${a} · ${b}` }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: tx.totals }), h('th', { scope: 'col', text: a }), h('th', { scope: 'col', text: b }), h('th', { scope: 'col', text: tx.diff }))),
      h('tbody', {}, ...c.totals.map((tc) => h('tr', {}, h('th', { scope: 'row', text: `${t(l, `unit.${tc.group.unit}` as MessageKey, { v: '' }).trim()} · ${what(tc.group)}` }), h('td', { text: tc.a === null ? '—' : formatFigure(l, tc.a, tc.group.unit) }), h('td', { text: tc.b === null ? '—' : formatFigure(l, tc.b, tc.group.unit) }), h('td', { class: 'cmp__diff', text: `${signed(l, tc.diff, tc.group.unit)}${tc.a === null ? ` (${tx.onlyB})` : tc.b === null ? ` (${tx.onlyA})` : ''}` })))),
    );
    // The rows a page at a time, largest change first (thousands of pairs in a planner's file); the CSV has them all.
    const rowOf = (r: PeriodComparison['rows'][number]) =>
      h('tr', { 'data-id': r.id, class: r.diff > 0 ? 'cmp--up' : r.diff < 0 ? 'cmp--down' : '' },
        h('th', { scope: 'row', text: `${endName(names, r.originKey, r.origin.adcode, l)} → ${endName(names, r.destinationKey, r.destination.adcode, l)}` }),
        h('td', { text: `${t(l, `industry.${r.industry}` as MessageKey)} · ${what(r.group)}` }),
        h('td', { text: r.a === null ? '—' : formatFigure(l, r.a, r.group.unit) }),
        h('td', { text: r.b === null ? '—' : formatFigure(l, r.b, r.group.unit) }),
        h('td', { class: 'cmp__diff', text: `${signed(l, r.diff, r.group.unit)}${r.only ? ` (${r.only === 'a' ? tx.onlyA : tx.onlyB})` : ''}` }),
      );
    const body = h('tbody');
    const more = h('button', { type: 'button', class: 'btn btn--small cmp__more', 'data-testid': 'compare-more' });
    const showMore = () => {
      const from = body.childElementCount;
      body.append(...c.rows.slice(from, from + PAGE).map(rowOf));
      const left = c.rows.length - body.childElementCount;
      more.hidden = left <= 0;
      more.textContent = tx.more.replace('{n}', formatNumber(l, Math.min(PAGE, left))).replace('{total}', formatNumber(l, c.rows.length));
    };
    more.addEventListener('click', showMore);
    showMore();
    const rows = h('table', { class: 'dt cmp__table', 'data-testid': 'compare-rows' },
      h('caption', { text: `${tx.pair}: ${a} · ${b} · ${tx.diff}` }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: tx.pair }), h('th', { scope: 'col', text: tx.industry }), h('th', { scope: 'col', text: a }), h('th', { scope: 'col', text: b }), h('th', { scope: 'col', text: tx.diff }))),
      body,
    );
    const why = (n: PeriodComparison['notComparable'][number]) => tx[n.reason].replace('{y}', span([n.arc.group.periodStart, n.arc.group.periodEnd], l)).replace('{p}', n.period === 'a' ? a : b);
    const notItems = () => [...c.totalsNotComparable.map((n) => `${n.period === 'a' ? a : b}: ${groupText(l, n.group)} (${tx.year})`), ...c.notComparable.map((n) => `${n.reason === 'year' ? `${n.period === 'a' ? a : b}: ` : ''}${endName(names, n.arc.originKey, n.arc.origin.adcode, l)} → ${endName(names, n.arc.destinationKey, n.arc.destination.adcode, l)}, ${t(l, `industry.${n.arc.industry}` as MessageKey)}: ${groupText(l, { ...n.arc.group, value: n.arc.value })} (${why(n)})`)];
    const not = h('details', { class: 'cmp__not', 'data-testid': 'compare-not' }, h('summary', { text: `${tx.not} (${c.totalsNotComparable.length + c.notComparable.length})` }));
    // Its list is written when first opened.
    not.addEventListener('toggle', () => {
      if (!not.open || not.childElementCount > 1) return;
      const items = notItems();
      not.append(h('ul', {}, ...(items.length ? items : [tx.none]).map((x) => h('li', { text: x }))));
    });
    el.replaceChildren(head, caveat, totals, h('div', { class: 'odm__scroll' }, rows), more, not);
  };
  return {
    el,
    update(c, s, names) {
      el.hidden = c === null;
      if (!c) return;
      if (drawn && drawn.c === c && drawn.lang === s.lang && drawn.names === names) return;
      draw(c, s, names);
      drawn = { c, lang: s.lang, names };
    },
  };
}
