/**
 * The coverage grid (issue 17), loaded when `coverage=1` is first asked for: a table of places
 * (rows: Hebei's prefectures and Xiong'an, then Tianjin's and Beijing's districts with figures,
 * then the region-wide figures) × years 2014–2025: the view model's `coverage` (its intake series
 * arranged by selectors/coverage.ts, loaded with the analysis parts). A cell holds one mark per series with a figure whose period ends that
 * year — its unit as a glyph, a ring for a running total, a disc for a yearly or period figure —
 * and an empty cell is a hole. Click or Enter on a mark: the intake layer shows that series and
 * year, and the place is focused with its card. Arrow keys move between marks. Text only.
 */
import type { AppContext } from '../app.ts';
import type { Aggregate } from '../data/types.ts';
import { formatValue } from '../i18n/format.ts';
import type { Names } from '../i18n/names.ts';
import type { CoverageGrid, CoverageRow } from '../selectors/coverage.ts';
import type { IntakeSeries } from '../selectors/intake.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { h } from './dom.ts';
import { definitionText, INTAKE_TEXT, placeName, seriesLabel } from './intakeText.ts';

/** A unit's glyph in a mark (its name is in the mark's label). */
const GLYPH: Record<Lang, Record<Aggregate['unit'], string>> = {
  zh: { projects: '项', 'cny-100m': '亿', units: '单', firms: '企', merchants: '商', markets: '市', contracts: '合', count: '个', percent: '%' },
  en: { projects: 'P', 'cny-100m': '¥', units: 'U', firms: 'F', merchants: 'M', markets: 'K', contracts: 'C', count: '#', percent: '%' },
};

export interface CoverageView {
  el: HTMLElement;
  update(view: ViewModel, s: ViewState, names: Names): void;
}

/** The place a row's mark focuses: Xiong'an by its platform, else the row's area. */
const focusKey = (r: CoverageRow) => (r.place.key === 'P02' ? 'P02' : String(r.place.adcode));

export function coverageView(ctx: AppContext): CoverageView {
  const el = h('section', { class: 'odm cov', 'data-testid': 'coverage' });
  el.hidden = true;
  let drawn: { grid: CoverageGrid; lang: Lang; names: Names } | null = null;
  let marks: HTMLButtonElement[] = [];

  const draw = (grid: CoverageGrid, series: ReadonlyMap<string, IntakeSeries>, aggregates: ReadonlyMap<string, Aggregate>, l: Lang, names: Names) => {
    const tx = INTAKE_TEXT[l];
    const close = h('button', { type: 'button', class: 'btn btn--small odm__close', text: tx.close });
    close.addEventListener('click', () => ctx.store.set({ coverage: false }));
    const head = h('div', { class: 'odm__head' }, h('h2', { class: 'odm__title', text: tx.coverage }), close);
    const key = h(
      'p',
      { class: 'cov__key' },
      tx.keyTitle,
      ' ',
      h('span', { class: 'cov__mark cov__mark--running', 'aria-hidden': 'true', text: GLYPH[l].projects }),
      ` ${tx.keyRunning}  `,
      h('span', { class: 'cov__mark', 'aria-hidden': 'true', text: GLYPH[l].projects }),
      ` ${tx.keyYearly}  `,
      h('span', { class: 'cov__hole-key', 'aria-hidden': 'true' }),
      ` ${tx.hole}. ${tx.choose}.`,
    );
    const headRow = h('tr', {}, h('th', { scope: 'col', class: 'odm__corner', text: tx.place }), ...grid.years.map((y) => h('th', { scope: 'col', class: 'cov__year', text: String(y) })));
    const table = h('table', { class: 'odm__table cov__table' }, h('caption', { class: 'odm__caption', text: tx.caption }), h('thead', {}, headRow));
    marks = [];
    let body: HTMLTableSectionElement | null = null;
    let group = '';
    for (const r of grid.rows) {
      if (r.group !== group) {
        group = r.group;
        body = h('tbody', { 'data-group': r.group });
        body.append(h('tr', {}, h('th', { scope: 'rowgroup', colspan: String(grid.years.length + 1), class: 'cov__group', text: tx.groups[r.group] })));
        table.append(body);
      }
      const name = placeName(names, l, r.place);
      const tr = h('tr', { 'data-place': r.place.key }, h('th', { scope: 'row', class: 'odm__row', text: name }));
      r.cells.forEach((c, i) => {
        const y = grid.years[i]!;
        if (!c.series.length) {
          tr.append(h('td', { class: 'cov__cell cov__cell--hole', 'data-year': String(y) }, h('span', { class: 'visually-hidden', text: tx.hole })));
          return;
        }
        const td = h('td', { class: 'cov__cell', 'data-year': String(y) });
        for (const cs of c.series) {
          const s = series.get(cs.id);
          if (!s) continue;
          const rows = cs.rowIds.map((id) => aggregates.get(id)).filter((a): a is Aggregate => !!a);
          const figures = rows.map((a) => formatValue(l, a.value, a.unit, a.bound)).join('; ');
          const label = `${name}, ${y}: ${seriesLabel(l, s)} — ${definitionText(l, s)}: ${figures}`;
          const b = h('button', {
            type: 'button',
            class: `cov__mark${s.basis === 'cumulative' ? ' cov__mark--running' : ''}`,
            tabindex: '-1',
            title: label,
            'aria-label': label,
            'aria-pressed': 'false',
            'data-series': s.id,
            'data-year': String(y),
            'data-focus': focusKey(r),
            text: GLYPH[l][s.unit],
          });
          marks.push(b);
          td.append(b);
        }
        tr.append(td);
      });
      body!.append(tr);
    }
    marks[0]?.setAttribute('tabindex', '0');
    el.replaceChildren(head, key, h('div', { class: 'odm__scroll' }, table));
  };

  /** The marks of the layer shown now are pressed (the latest year's when the year is "latest"). */
  const press = (s: ViewState, series: ReadonlyMap<string, IntakeSeries>) => {
    const shown = s.intake ? series.get(s.intake) : undefined;
    const year = shown ? (s.intakeYear ?? shown.years[shown.years.length - 1]) : undefined;
    for (const b of marks) b.setAttribute('aria-pressed', String(!!shown && b.dataset.series === shown.id && Number(b.dataset.year) === year));
  };

  const choose = (b: HTMLElement) => {
    ctx.store.set({ intake: b.dataset.series ?? null, intakeYear: Number(b.dataset.year), focus: b.dataset.focus ?? null });
  };
  const markOf = (e: Event): HTMLButtonElement | null => {
    if (!(e.target instanceof HTMLElement)) return null;
    const b = e.target.closest<HTMLButtonElement>('button.cov__mark');
    if (b) return b;
    // A click in a cell with one mark chooses it.
    const td = e.target.closest('td.cov__cell');
    const only = td?.querySelectorAll<HTMLButtonElement>('button.cov__mark');
    return only && only.length === 1 ? only[0]! : null;
  };
  el.addEventListener('click', (e) => {
    const b = markOf(e);
    if (b) choose(b);
  });
  el.addEventListener('keydown', (e) => {
    const b = e.target instanceof HTMLButtonElement && e.target.classList.contains('cov__mark') ? e.target : null;
    if (!b) return;
    const i = marks.indexOf(b);
    let next: HTMLButtonElement | undefined;
    if (e.key === 'ArrowRight') next = marks[i + 1];
    if (e.key === 'ArrowLeft') next = marks[i - 1];
    if (e.key === 'Home') next = marks[0];
    if (e.key === 'End') next = marks[marks.length - 1];
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      // The nearest mark in a following (preceding) row, by year.
      const row = b.closest('tr');
      const year = Number(b.dataset.year);
      const others = e.key === 'ArrowDown' ? marks.slice(i + 1) : marks.slice(0, i).reverse();
      const otherRow = others.find((m) => m.closest('tr') !== row)?.closest('tr');
      const inRow = others.filter((m) => m.closest('tr') === otherRow);
      next = inRow.sort((x, y) => Math.abs(Number(x.dataset.year) - year) - Math.abs(Number(y.dataset.year) - year))[0];
    }
    if (next) {
      e.preventDefault();
      b.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    }
  });
  return {
    el,
    update(view, s, names) {
      el.hidden = !s.coverage;
      if (!s.coverage || !view.coverage) return;
      if (!drawn || drawn.grid !== view.coverage || drawn.lang !== s.lang || drawn.names !== names) {
        const rows = [...view.intakeSeries.values()].flatMap((x) => x.rows);
        draw(view.coverage, view.intakeSeries, new Map(rows.map((a) => [a.id, a])), s.lang, names);
        drawn = { grid: view.coverage, lang: s.lang, names };
      }
      press(s, view.intakeSeries);
    },
  };
}
