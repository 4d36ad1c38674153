/**
 * The origin–destination matrix (issue 18), loaded when `matrix=1` is first asked for: a table
 * of origins (rows) × destinations (columns) of the view model's matrix (selectors/odMatrix.ts)
 * — caption, row and column headers, cells shaded by the largest summable total with the number
 * in the cell and every total in its label. Hover or focus a cell: its arc lights on the map
 * (the renderer seam's `highlight`); click or Enter: the destination is focused with its card,
 * the pair's arc lit. Names are set as text.
 *
 * Virtualised (the fine level has ~200 × 250 cells): cells have a fixed size, and only those in
 * the scroll box's viewport and a margin (ui/gridWindow.ts) are in the table, between spacers
 * that keep the scrollbars true; headers stick. `aria-rowcount`/`aria-colcount` give the whole
 * size, `aria-rowindex`/`aria-colindex` each rendered row and cell's place. One tab stop (roving
 * tabindex); the arrow keys, Home/End and PageUp/PageDown move over the filled cells of the whole
 * matrix, scrolling the next one into view. Built cells are kept while the matrix is the same.
 */
import type { AppContext } from '../app.ts';
import { endName, groupText, type Names } from '../i18n/describe.ts';
import { formatFigure } from '../i18n/format.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { OdMatrix } from '../selectors/odMatrix.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { h } from './dom.ts';
import { move, reveal, span } from './gridWindow.ts';

const TEXT = {
  zh: { caption: '起点–终点矩阵', rows: '行：起点（迁出地）；列：终点（承接地）；按合计排序', corner: '起点 \\ 终点', close: '关闭矩阵', empty: '当前筛选下没有可显示的流向' },
  en: { caption: 'Origin–destination matrix', rows: 'Rows: origins; columns: destinations; sorted by total', corner: 'Origin \\ destination', close: 'Close the matrix', empty: 'Nothing to show under these filters' },
} as const;

/** Row height (px); cells and spacers are sized from it and the column width set per matrix. */
const H = 24;
/** Cells rendered beyond each side of the viewport. */
const MARGIN = 3;

export interface MatrixView {
  el: HTMLElement;
  update(matrix: OdMatrix | null, s: ViewState, names: Names): void;
}

interface Grid {
  m: OdMatrix;
  l: Lang;
  names: Names;
  table: HTMLTableElement;
  /** Column width and row header width (px). */
  w: number;
  hw: number;
  /** Built cells by `i * cols + j`. */
  cells: Map<number, HTMLTableCellElement>;
  /** The rendered window, "r0 r1 c0 c1". */
  win: string;
  byArc: Map<string, number> | null;
}

export function matrixView(ctx: AppContext): MatrixView {
  const el = h('section', { class: 'odm', 'data-testid': 'od-matrix' });
  el.hidden = true;
  const box = h('div', { class: 'odm__scroll' });
  let g: Grid | null = null;
  // The box's scroll offsets and size, and the caption's and header row's heights, as last
  // measured (on scroll, resize, keyboard moves); until then estimated, so a draw forces no layout.
  let top = 0;
  let left = 0;
  let vh = Math.min(innerHeight * 0.7, 720);
  let vw = innerWidth;
  let capH = 0;
  let headH = 0;
  /** The roving tab stop (`i * cols + j`) and the cell lit from the map, or -1. */
  let active = -1;
  let lit = -1;
  let stop: HTMLElement | null = null;
  const measure = () => {
    top = box.scrollTop;
    left = box.scrollLeft;
    vh = box.clientHeight || vh;
    vw = box.clientWidth || vw;
    capH = g?.table.caption?.offsetHeight ?? 0;
    headH = g?.table.tHead?.offsetHeight ?? 0;
  };
  const name = (key: string, adcode: number) => endName(g!.names, key, adcode, g!.l);
  const cell = (i: number, j: number): HTMLTableCellElement => {
    const { m, l, cells } = g!;
    const k = i * m.cols.length + j;
    let td = cells.get(k);
    if (td) return td;
    const c = m.cells[i]![j];
    if (!c) td = h('td', { class: 'odm__cell odm__cell--empty' });
    else {
      const r = m.rows[i]!;
      const d = m.cols[j]!;
      // Shaded by size, skipping the mid-tones where neither the text colour nor the accent text
      // reads at 4.5:1 in either theme: the text colour on up to 45 %, the accent text from 85 %.
      const q = m.max > 0 ? (100 * c.size) / m.max : 0;
      const p = q > 60 ? 85 + ((q - 60) * 15) / 40 : Math.max(4, (q * 45) / 60);
      const label = `${name(r.key, r.place.adcode)} → ${name(d.key, d.place.adcode)}: ${c.groups.map((x) => groupText(l, { ...x.group, value: x.value })).join('; ')}`;
      td = h('td', {
        class: `odm__cell${q > 60 ? ' odm__cell--dark' : ''}`,
        tabindex: '-1',
        title: label,
        'aria-label': label,
        'data-origin': r.key,
        'data-destination': d.key,
        'data-arc': c.arcId,
        text: formatFigure(l, c.size, c.groups[0]!.group.unit) + (c.groups.length > 1 ? '*' : ''),
      });
      td.style.setProperty('--odm-p', `${Math.round(p)}%`);
    }
    td.setAttribute('aria-colindex', String(j + 2));
    cells.set(k, td);
    return td;
  };
  /** Spacer cells (hidden from assistive technology) that stand for the columns not rendered. */
  const pad = (tag: 'th' | 'td', n: number) => (n > 0 ? [h(tag, { class: 'odm__pad', 'aria-hidden': 'true', style: `width:${n * g!.w}px` })] : []);
  const padRow = (n: number, span: number) => (n > 0 ? [h('tr', { 'aria-hidden': 'true', style: `height:${n * H}px` }, h('td', { class: 'odm__pad', colspan: String(span) }))] : []);
  /** Renders the cells in view (and the margin) unless that window is already in the table. */
  const render = () => {
    if (!g) return;
    const { m, table } = g;
    const R = m.rows.length;
    const C = m.cols.length;
    const [r0, r1] = span(top - capH, vh - headH, H, R, MARGIN);
    const [c0, c1] = span(left, vw - g.hw, g.w, C, MARGIN);
    const win = `${r0} ${r1} ${c0} ${c1}`;
    if (win === g.win) return;
    g.win = win;
    const had = document.activeElement;
    const head = [h('th', { scope: 'col', class: 'odm__corner', 'aria-colindex': '1', text: TEXT[g.l].corner }), ...pad('th', c0)];
    for (let j = c0; j < c1; j++) head.push(h('th', { scope: 'col', class: 'odm__col', 'aria-colindex': String(j + 2), text: name(m.cols[j]!.key, m.cols[j]!.place.adcode) }));
    table.tHead!.replaceChildren(h('tr', { 'aria-rowindex': '1' }, ...head, ...pad('th', C - c1)));
    const rows = padRow(r0, head.length + (c1 < C ? 1 : 0));
    let first: HTMLElement | null = null;
    for (let i = r0; i < r1; i++) {
      const tr = h('tr', { 'aria-rowindex': String(i + 2) }, h('th', { scope: 'row', class: 'odm__row', 'aria-colindex': '1', text: name(m.rows[i]!.key, m.rows[i]!.place.adcode) }), ...pad('td', c0));
      for (let j = c0; j < c1; j++) {
        const td = cell(i, j);
        td.classList.toggle('odm__cell--lit', i * C + j === lit);
        if (!first && td.dataset.arc) first = td;
        tr.append(td);
      }
      rows.push(tr);
      tr.append(...pad('td', C - c1));
    }
    rows.push(...padRow(R - r1, head.length + (c1 < C ? 1 : 0)));
    table.tBodies[0]!.replaceChildren(...rows);
    // One tab stop: the active cell if rendered, else the first filled cell rendered.
    stop?.setAttribute('tabindex', '-1');
    stop = (active >= 0 && g.cells.get(active)?.isConnected ? g.cells.get(active)! : first) ?? null;
    stop?.setAttribute('tabindex', '0');
    // A focused cell moved into its new row takes its focus back.
    if (had instanceof HTMLElement && had !== document.activeElement && had.isConnected) had.focus({ preventScroll: true });
  };
  const refresh = () => {
    measure();
    render();
  };
  box.addEventListener('scroll', refresh, { passive: true });
  new ResizeObserver(refresh).observe(box);
  // The reverse of a cell's hover: an arc hovered on the map lights its cell (if rendered; the matrix does not scroll).
  ctx.on((e) => {
    if (e.type !== 'hover' || !g) return;
    if (!g.byArc) {
      const byArc = new Map<string, number>();
      const C = g.m.cols.length;
      g.m.cells.forEach((row, i) => row.forEach((c, j) => c?.arcIds.forEach((id) => byArc.set(id, i * C + j))));
      g.byArc = byArc;
    }
    g.cells.get(lit)?.classList.remove('odm__cell--lit');
    lit = e.arcId === null ? -1 : (g.byArc.get(e.arcId) ?? -1);
    g.cells.get(lit)?.classList.add('odm__cell--lit');
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
    g = null;
    active = lit = -1;
    stop = null;
    if (m.rows.length === 0) {
      el.replaceChildren(head, h('p', { class: 'pt-hint', text: tx.empty }));
      return;
    }
    // Columns wide enough for the largest total (and a '*'); narrower row headers on a phone.
    const w = Math.max(40, 7 * formatFigure(l, m.max, s.metric === 'investment' ? 'cny-100m' : '').length + 17);
    const hw = innerWidth < 600 ? 100 : 150;
    const table = h(
      'table',
      { class: 'odm__table odm__v', 'aria-rowcount': String(m.rows.length + 1), 'aria-colcount': String(m.cols.length + 1), style: `width:${hw + m.cols.length * w}px;--w:${w}px;--hw:${hw}px;--h:${H}px` },
      // Its words stay in view when the matrix scrolls sideways (a sticky span in the table-wide caption).
      h('caption', { class: 'odm__caption' }, h('span', { class: 'odm__caption-text', text: `${tx.caption} (${metric}) — ${tx.rows}` })),
      h('thead'),
      h('tbody'),
    );
    g = { m, l, names, table, w, hw, cells: new Map(), win: '', byArc: null };
    box.replaceChildren(table);
    render();
    el.replaceChildren(head, box);
  };
  const cellOf = (e: Event) => (e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('td[data-arc]') : null);
  const at = (td: HTMLElement) => [Number(td.parentElement!.getAttribute('aria-rowindex')) - 2, Number(td.getAttribute('aria-colindex')) - 2] as const;
  el.addEventListener('mouseover', (e) => light(cellOf(e)?.dataset.arc ?? null));
  el.addEventListener('mouseleave', () => light(null));
  el.addEventListener('focusin', (e) => {
    const td = cellOf(e);
    if (td && g) {
      const [i, j] = at(td);
      active = i * g.m.cols.length + j;
    }
    light(td?.dataset.arc ?? null);
  });
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
    if (!td || !g) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      choose(td);
      return;
    }
    const { m } = g;
    measure();
    const [i, j] = at(td);
    const to = move((i, j) => m.cells[i]![j] !== null, m.rows.length, m.cols.length, i, j, e.key, e.ctrlKey || e.metaKey, Math.max(1, Math.floor((vh - headH) / H) - 1));
    if (!to) return;
    e.preventDefault();
    // Scroll the cell into view (past the sticky headers), render it, focus it.
    top = box.scrollTop = reveal(top - capH, vh - headH, H, to[0]) + capH;
    left = box.scrollLeft = reveal(left, vw - g.hw, g.w, to[1]);
    active = to[0] * m.cols.length + to[1];
    render();
    const next = cell(to[0], to[1]);
    stop?.setAttribute('tabindex', '-1');
    (stop = next).setAttribute('tabindex', '0');
    // The box is already scrolled; the page scrolls only if the box is off screen.
    next.focus();
  });
  return {
    el,
    update(m, s, names) {
      el.hidden = m === null;
      if (!m) return;
      if (g && g.m === m && g.l === s.lang && g.names === names) return;
      const t0 = performance.now();
      draw(m, s, names);
      performance.clearMeasures('matrix-draw');
      performance.measure('matrix-draw', { start: t0, end: performance.now() });
    },
  };
}
