/**
 * The origin–destination matrix (issue 18), loaded when `matrix=1` is first asked for: a table
 * of origins (rows) × destinations (columns) of the view model's matrix (selectors/odMatrix.ts)
 * — caption, row and column headers, cells shaded by the largest summable total with the number
 * in the cell and every total in its label. Hover or focus a cell: its arc lights on the map
 * (the renderer seam's `highlight`); click or Enter: the destination is focused with its card,
 * the pair's arc lit. Names are set as text. It scrolls inside its box (sticky headers).
 */
import type { AppContext } from '../app.ts';
import { endName, groupText, type Names } from '../i18n/describe.ts';
import { formatNumber } from '../i18n/format.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { OdMatrix } from '../selectors/odMatrix.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { h } from './dom.ts';

const TEXT = {
  zh: { caption: '起点–终点矩阵', rows: '行：起点（迁出地）；列：终点（承接地）；按合计排序', corner: '起点 \\ 终点', close: '关闭矩阵', empty: '当前筛选下没有可显示的流向' },
  en: { caption: 'Origin–destination matrix', rows: 'Rows: origins; columns: destinations; sorted by total', corner: 'Origin \\ destination', close: 'Close the matrix', empty: 'Nothing to show under these filters' },
} as const;

export interface MatrixView {
  el: HTMLElement;
  update(matrix: OdMatrix | null, s: ViewState, names: Names): void;
}

export function matrixView(ctx: AppContext): MatrixView {
  const el = h('section', { class: 'odm', 'data-testid': 'od-matrix' });
  el.hidden = true;
  let drawn: { m: OdMatrix; lang: Lang; names: Names } | null = null;
  // The reverse of a cell's hover: an arc hovered on the map lights its cell.
  let cellByArc = new Map<string, HTMLElement>();
  let lit: HTMLElement | null = null;
  ctx.on((e) => {
    if (e.type !== 'hover') return;
    lit?.classList.remove('odm__cell--lit');
    lit = e.arcId === null ? null : (cellByArc.get(e.arcId) ?? null);
    lit?.classList.add('odm__cell--lit');
  });
  const light = (arcId: string | null) => {
    const r = ctx.renderer;
    if (!r) return;
    if (arcId) r.highlight(null, arcId);
    else r.highlight(ctx.store.get().focus);
  };
  const draw = (m: OdMatrix, s: ViewState, names: Names) => {
    const l = s.lang;
    const tx = TEXT[l];
    const metric = t(l, `metric.${s.metric}` as MessageKey);
    const close = h('button', { type: 'button', class: 'btn btn--small odm__close', text: tx.close });
    close.addEventListener('click', () => ctx.store.set({ matrix: false }));
    const head = h('div', { class: 'odm__head' }, h('h2', { class: 'odm__title', text: `${tx.caption} · ${metric}` }), close);
    if (m.rows.length === 0) {
      el.replaceChildren(head, h('p', { class: 'pt-hint', text: tx.empty }));
      return;
    }
    const name = (key: string, adcode: number) => endName(names, key, adcode, l);
    cellByArc = new Map();
    lit = null;
    const headRow = h('tr', {}, h('th', { scope: 'col', class: 'odm__corner', text: tx.corner }), ...m.cols.map((c) => h('th', { scope: 'col', class: 'odm__col', text: name(c.key, c.place.adcode) })));
    const body = h('tbody');
    m.rows.forEach((r, i) => {
      const tr = h('tr', {}, h('th', { scope: 'row', class: 'odm__row', text: name(r.key, r.place.adcode) }));
      m.cols.forEach((c, j) => {
        const cell = m.cells[i]![j];
        if (!cell) {
          tr.append(h('td', { class: 'odm__cell odm__cell--empty' }));
          return;
        }
        const p = m.max > 0 ? Math.round((100 * cell.size) / m.max) : 0;
        const label = `${name(r.key, r.place.adcode)} → ${name(c.key, c.place.adcode)}: ${cell.groups.map((g) => groupText(l, { ...g.group, value: g.value })).join('; ')}`;
        const td = h('td', {
          class: `odm__cell${p > 55 ? ' odm__cell--dark' : ''}`,
          tabindex: '-1',
          title: label,
          'aria-label': label,
          'data-origin': r.key,
          'data-destination': c.key,
          'data-arc': cell.arcId,
          text: formatNumber(l, cell.size) + (cell.groups.length > 1 ? '*' : ''),
        });
        td.style.setProperty('--odm-p', `${Math.max(p, 4)}%`);
        for (const id of cell.arcIds) cellByArc.set(id, td);
        tr.append(td);
      });
      body.append(tr);
    });
    const table = h('table', { class: 'odm__table' }, h('caption', { class: 'odm__caption', text: `${tx.caption} (${metric}) — ${tx.rows}` }), h('thead', {}, headRow), body);
    // One tab stop: the first filled cell; arrow keys move between filled cells.
    const first = table.querySelector<HTMLElement>('td[data-arc]');
    first?.setAttribute('tabindex', '0');
    el.replaceChildren(head, h('div', { class: 'odm__scroll' }, table));
  };
  const cellOf = (e: Event) => (e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('td[data-arc]') : null);
  el.addEventListener('mouseover', (e) => light(cellOf(e)?.dataset.arc ?? null));
  el.addEventListener('mouseleave', () => light(null));
  el.addEventListener('focusin', (e) => light(cellOf(e)?.dataset.arc ?? null));
  el.addEventListener('focusout', () => light(null));
  const choose = (td: HTMLElement) => {
    ctx.store.set({ focus: td.dataset.destination ?? null });
    queueMicrotask(() => light(td.dataset.arc ?? null));
  };
  el.addEventListener('click', (e) => {
    const td = cellOf(e);
    if (td) choose(td);
  });
  el.addEventListener('keydown', (e) => {
    const td = cellOf(e);
    if (!td) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(td);
      return;
    }
    const tr = td.parentElement as HTMLTableRowElement;
    const col = (td as HTMLTableCellElement).cellIndex;
    let next: Element | null = null;
    if (e.key === 'ArrowRight') for (let n = td.nextElementSibling; n && !next; n = n.nextElementSibling) if (n.hasAttribute('data-arc')) next = n;
    if (e.key === 'ArrowLeft') for (let n = td.previousElementSibling; n && !next; n = n.previousElementSibling) if (n.hasAttribute('data-arc')) next = n;
    if (e.key === 'ArrowDown') for (let r = tr.nextElementSibling as HTMLTableRowElement | null; r && !next; r = r.nextElementSibling as HTMLTableRowElement | null) if (r.cells[col]?.hasAttribute('data-arc')) next = r.cells[col]!;
    if (e.key === 'ArrowUp') for (let r = tr.previousElementSibling as HTMLTableRowElement | null; r && !next; r = r.previousElementSibling as HTMLTableRowElement | null) if (r.cells[col]?.hasAttribute('data-arc')) next = r.cells[col]!;
    if (next instanceof HTMLElement) {
      e.preventDefault();
      td.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    }
  });
  return {
    el,
    update(m, s, names) {
      el.hidden = m === null;
      if (!m) return;
      if (drawn && drawn.m === m && drawn.lang === s.lang && drawn.names === names) return;
      const t0 = performance.now();
      draw(m, s, names);
      drawn = { m, lang: s.lang, names };
      performance.clearMeasures('matrix-draw');
      performance.measure('matrix-draw', { start: t0, end: performance.now() });
    },
  };
}
