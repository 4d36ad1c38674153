/**
 * The data table below the map: the filtered flows in an accessible, sortable table (caption,
 * column headers that are sort buttons with aria-sort, the entity as the row header), one page
 * of rows at a time so that ten thousand flows stay quick; then a small table of the platforms
 * the platform filters keep. A row's origin or destination selects that place and moves the map.
 *
 * Sorting and paging are pure (`sortFlows`, `pageOf`) and memoised; only the visible page is
 * turned into DOM.
 */
import type { PlacedFlow, Place } from '../data/dataset.ts';
import type { Platform, Source } from '../data/types.ts';
import { figureOf } from '../data/sum.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { formatNumber, formatPeriod, formatValue, periodNoteIn, type Bound } from '../i18n/format.ts';
import { industryColor } from '../scales/industryColor.ts';
import { destinationKey, originKey } from '../selectors/arcs.ts';
import type { Lang, Metric } from '../state/viewState.ts';
import { endName, flowTitle, platformName, sourceText, sourcesOf, type Names } from '../i18n/describe.ts';
import { h, setAttr, setText } from './controls/dom.ts';

export const PAGE_SIZE = 25;
export const COLUMNS = ['entity', 'origin', 'destination', 'industry', 'period', 'status', 'figures', 'sources'] as const;
export type Column = (typeof COLUMNS)[number];
export interface Sort {
  column: Column;
  dir: 'ascending' | 'descending';
}

export interface SortContext {
  lang: Lang;
  names: Names;
  metric: Metric;
}

const collators = new Map<Lang, Intl.Collator>();
const collator = (lang: Lang) => {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true, sensitivity: 'base' })));
  return c;
};

function sortKey(f: PlacedFlow, column: Column, c: SortContext): string | number | null {
  switch (column) {
    case 'entity': return flowTitle(c.lang, f);
    case 'origin': return endName(c.names, originKey(f), f.origin.adcode, c.lang);
    case 'destination': return endName(c.names, destinationKey(f), f.destination.adcode, c.lang);
    case 'industry': return t(c.lang, `industry.${f.industry}` as MessageKey);
    case 'period': return f.periodStart * 10000 + f.periodEnd;
    case 'status': return `${f.basis} ${f.status ?? '~'}`;
    case 'figures': return figureOf(f, c.metric)?.value ?? null;
    case 'sources': return c.names.sources.get(f.sourceIds[0] ?? '')?.publisher ?? null;
  }
}

/** A sorted copy (stable; missing values last in both directions); null sort = data order. */
export function sortFlows(flows: readonly PlacedFlow[], sort: Sort | null, c: SortContext): readonly PlacedFlow[] {
  if (!sort) return flows;
  const keys = flows.map((f) => sortKey(f, sort.column, c));
  const cmp = collator(c.lang).compare;
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const order = flows.map((_, i) => i);
  order.sort((i, j) => {
    const a = keys[i]!;
    const b = keys[j]!;
    if (a === null || b === null) return a === b ? i - j : a === null ? 1 : -1;
    const d = typeof a === 'number' && typeof b === 'number' ? a - b : cmp(String(a), String(b));
    return d !== 0 ? sign * d : i - j;
  });
  return order.map((i) => flows[i]!);
}

export interface Page<T> {
  rows: T[];
  page: number;
  pages: number;
  from: number;
  to: number;
}

export function pageOf<T>(rows: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.max(0, Math.min(page, pages - 1));
  const from = p * size;
  const slice = rows.slice(from, from + size);
  return { rows: slice, page: p, pages, from: slice.length ? from + 1 : 0, to: from + slice.length };
}

/** Every figure of a flow, in words ("256 projects · CNY 367.158 billion"). */
export function figuresText(lang: Lang, f: PlacedFlow): string {
  const b = f.bound as Bound;
  const parts: string[] = [];
  if (f.projects !== null) parts.push(formatValue(lang, f.projects, 'projects', b));
  if (f.investmentCny100m !== null) parts.push(formatValue(lang, f.investmentCny100m, 'cny-100m', b));
  if (f.investmentUsdM !== null) parts.push(t(lang, 'table.usd', { v: formatNumber(lang, f.investmentUsdM) }));
  if (f.firms !== null) parts.push(formatValue(lang, f.firms, 'firms', b));
  if (f.merchants !== null) parts.push(formatValue(lang, f.merchants, 'merchants', b));
  return parts.join(' · ');
}

export function statusText(lang: Lang, f: PlacedFlow): string {
  const status = f.status ? t(lang, `status.${f.status}` as MessageKey) : t(lang, 'status.unknown');
  return `${t(lang, `basis.${f.basis}` as MessageKey)} · ${status}`;
}

function sourceList(sources: Source[]): HTMLElement {
  const ul = h('ul', { class: 'dt-sources' });
  for (const s of sources) {
    const href = s.url ?? s.archivedUrl;
    const li = h('li');
    if (href && /^https?:\/\//.test(href)) li.append(h('a', { href, rel: 'noopener noreferrer external', target: '_blank', text: sourceText(s) }));
    else li.textContent = sourceText(s);
    ul.append(li);
  }
  return ul;
}

export interface TableOptions {
  /** A place or platform was chosen in the table: select it and show it. */
  onPlace(key: string, at: Pick<Place, 'lon' | 'lat'>): void;
}

export interface TableInput {
  flows: readonly PlacedFlow[];
  platforms: readonly Platform[];
  names: Names;
  lang: Lang;
  metric: Metric;
}

export function dataTable(root: HTMLElement, o: TableOptions): { update(input: TableInput): void; sorted(): readonly PlacedFlow[] } {
  const title = h('h2', { class: 'dt-title', id: 'dt-title' });
  // A named region (landmark) for the table section; the skip link lands here.
  root.setAttribute('aria-labelledby', 'dt-title');
  const caption = h('caption', { class: 'dt-caption' });
  const headRow = h('tr');
  const body = h('tbody');
  const table = h('table', { class: 'dt' }, caption, h('thead', {}, headRow), body);
  const prev = h('button', { type: 'button', class: 'btn btn--small dt-prev' });
  const next = h('button', { type: 'button', class: 'btn btn--small dt-next' });
  const pageText = h('span', { class: 'dt-page', 'aria-live': 'polite' });
  const pager = h('nav', { class: 'dt-pager' }, prev, pageText, next);
  const platTitle = h('span');
  const platCaption = h('caption', { class: 'dt-caption' });
  const platHead = h('tr');
  const platBody = h('tbody');
  const platTable = h('table', { class: 'dt dt--platforms' }, platCaption, h('thead', {}, platHead), platBody);
  // The platforms: a second, smaller table, folded until asked for.
  const platDetails = h('details', { class: 'dt-more' }, h('summary', { class: 'dt-more__summary' }, h('h3', { class: 'dt-more__h' }, platTitle)), h('div', { class: 'dt-wrap' }, platTable));
  root.replaceChildren(title, h('div', { class: 'dt-wrap' }, table), pager, platDetails);
  // Its rows are made when it is first opened (and kept up to date while open).
  platDetails.addEventListener('toggle', () => drawPlatforms());

  let sort: Sort | null = null;
  let page = 0;
  let input: TableInput | null = null;
  let sortedCache: { flows: readonly PlacedFlow[]; key: string; out: readonly PlacedFlow[] } | null = null;
  let drawnKey = '';
  let lastFlows: readonly PlacedFlow[] | null = null;
  const headButtons = new Map<Column, { th: HTMLTableCellElement; button: HTMLButtonElement; label: HTMLSpanElement }>();
  for (const col of COLUMNS) {
    const label = h('span');
    const button = h('button', { type: 'button', class: 'dt-sort' }, label, h('span', { class: 'dt-sort__icon', 'aria-hidden': 'true' }));
    button.addEventListener('click', () => {
      sort = sort?.column === col ? { column: col, dir: sort.dir === 'ascending' ? 'descending' : 'ascending' } : { column: col, dir: col === 'figures' || col === 'period' ? 'descending' : 'ascending' };
      page = 0;
      draw();
    });
    const th = h('th', { scope: 'col', class: `dt-col--${col}` }, button);
    headButtons.set(col, { th, button, label });
    headRow.append(th);
  }
  // aria-disabled (not disabled) at the ends: the focused button keeps focus.
  prev.addEventListener('click', () => { if (page > 0) { page--; draw(); } });
  next.addEventListener('click', () => { page++; draw(); });

  const sorted = (): readonly PlacedFlow[] => {
    if (!input) return [];
    const key = JSON.stringify([sort, input.lang, input.metric]);
    if (sortedCache && sortedCache.flows === input.flows && sortedCache.key === key) return sortedCache.out;
    const out = sortFlows(input.flows, sort, input);
    sortedCache = { flows: input.flows, key, out };
    return out;
  };

  function row(f: PlacedFlow, c: TableInput): HTMLTableRowElement {
    const { lang, names } = c;
    const place = (key: string, p: Place, cls: string) => {
      const name = endName(names, key, p.adcode, lang);
      const b = h('button', { type: 'button', class: `pt-link ${cls}`, text: name, title: t(lang, 'summary.focusPlace', { name }) });
      b.addEventListener('click', () => o.onPlace(key, p));
      return b;
    };
    const sw = h('span', { class: 'pt-swatch', 'aria-hidden': 'true' });
    sw.style.background = industryColor(f.industry);
    const cell = (col: Column, ...children: Array<Node | string>) => h('td', { 'data-label': t(lang, `table.${col}` as MessageKey), class: `dt-col--${col}` }, ...children);
    return h('tr', { 'data-id': f.id },
      h('th', { scope: 'row', class: 'dt-col--entity', 'data-label': t(lang, 'table.entity') }, h('span', { text: flowTitle(lang, f) }), h('span', { class: 'dt-id', text: f.id })),
      cell('origin', place(originKey(f), f.origin, 'dt-origin')),
      cell('destination', place(destinationKey(f), f.destination, 'dt-destination')),
      cell('industry', sw, t(lang, `industry.${f.industry}` as MessageKey)),
      cell('period', formatPeriod(lang, f.periodStart, f.periodEnd, periodNoteIn(lang, f))),
      cell('status', statusText(lang, f)),
      cell('figures', figuresText(lang, f)),
      cell('sources', sourceList(sourcesOf(names, f.sourceIds))),
    );
  }

  function draw(): void {
    if (!input) return;
    const c = input;
    const { lang } = c;
    const all = sorted();
    const p = pageOf(all, page);
    page = p.page;
    const key = JSON.stringify([sort, page, lang, c.metric]);
    setText(title, t(lang, 'table.title'));
    for (const [col, hb] of headButtons) {
      setText(hb.label, t(lang, `table.${col}` as MessageKey));
      setAttr(hb.th, 'aria-sort', sort?.column === col ? sort.dir : null);
    }
    const sortedBy = sort ? ` ${t(lang, 'table.sorted', { col: t(lang, `table.${sort.column}` as MessageKey), dir: t(lang, sort.dir === 'ascending' ? 'table.asc' : 'table.desc') })}` : '';
    setText(caption, all.length ? t(lang, 'table.caption', { from: formatNumber(lang, p.from), to: formatNumber(lang, p.to), n: formatNumber(lang, all.length) }) + sortedBy : t(lang, 'table.captionEmpty'));
    if (key !== drawnKey || c.flows !== lastFlows) {
      drawnKey = key;
      lastFlows = c.flows;
      body.replaceChildren(...p.rows.map((f) => row(f, c)));
    }
    setText(prev, t(lang, 'table.prev'));
    setText(next, t(lang, 'table.next'));
    setText(pageText, t(lang, 'table.page', { p: formatNumber(lang, p.page + 1), n: formatNumber(lang, p.pages) }));
    setAttr(pager, 'aria-label', t(lang, 'table.pagination'));
    setAttr(prev, 'aria-disabled', String(p.page === 0));
    setAttr(next, 'aria-disabled', String(p.page >= p.pages - 1));
    pager.hidden = p.pages <= 1;
  }

  let platList: readonly Platform[] | null = null;
  let platLang = '';
  function drawPlatforms(): void {
    if (!input) return;
    const { lang, names, platforms: list } = input;
    setText(platTitle, `${t(lang, 'table.platforms')} (${formatNumber(lang, list.length)})`);
    if (!platDetails.open || (list === platList && lang === platLang)) return;
    platList = list;
    platLang = lang;
    setText(platCaption, t(lang, 'table.platformsCaption', { n: formatNumber(lang, list.length) }));
    platHead.replaceChildren(...(['name', 'tier', 'category', 'county', 'sources'] as const).map((k) => h('th', { scope: 'col', text: t(lang, `table.${k}` as MessageKey) })));
    platBody.replaceChildren(...list.map((p) => {
      const name = platformName(p, lang);
      const b = h('button', { type: 'button', class: 'pt-link', text: name, title: t(lang, 'summary.focusPlace', { name }) });
      b.addEventListener('click', () => o.onPlace(p.id, p));
      const td = (k: string, ...children: Array<Node | string>) => h('td', { 'data-label': t(lang, `table.${k}` as MessageKey) }, ...children);
      return h('tr', { 'data-id': p.id },
        h('th', { scope: 'row', 'data-label': t(lang, 'table.name') }, b),
        td('tier', t(lang, `tier.${p.tier}` as MessageKey)),
        td('category', p.category ? t(lang, `category.${p.category}` as MessageKey) : '—'),
        td('county', names.place(p.adcode, lang)),
        td('sources', sourceList(sourcesOf(names, p.sourceIds))),
      );
    }));
  }

  return {
    update(next) {
      if (input && next.flows !== input.flows) page = 0;
      if (input && next.names !== input.names) drawnKey = '';
      if (next.names !== input?.names) platList = null;
      input = next;
      draw();
      drawPlatforms();
    },
    sorted,
  };
}
