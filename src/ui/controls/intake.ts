/**
 * The prefecture intake layer's controls (issue 17), loaded on demand after the map's first
 * frame (ui/planner.ts): a select of the known series grouped by place (each option the series'
 * label with its definition), a select of its years ("latest" first), and the coverage grid's
 * switch. They write `intake`, `intakeYear` and `coverage` through the store.
 */
import type { IntakeSeries } from '../../selectors/intake.ts';
import type { Store } from '../../state/store.ts';
import { definitionText, fill, INTAKE_TEXT, placeName, seriesLabel } from '../intakeText.ts';
import { fieldset, h, newId, setText, selectBox, type Control, type ControlInput } from './dom.ts';

/** Series in map order: by place (Hebei's prefectures, Xiong'an after Baoding, then Tianjin, Beijing), then as they first appear. */
function ordered(series: ReadonlyMap<string, IntakeSeries>): IntakeSeries[] {
  const rank = (s: IntakeSeries) => (s.place.adcode >= 130000 ? 0 : s.place.adcode >= 120000 ? 1 : 2) * 1e7 + (s.place.adcode % 10000 === 0 ? 9e6 : s.place.adcode) * 2 + (s.place.key === 'P02' ? 1 : 0);
  return [...series.values()].map((s, i) => ({ s, i })).sort((a, b) => rank(a.s) - rank(b.s) || a.i - b.i).map((x) => x.s);
}

function field(label: HTMLElement, control: HTMLElement): HTMLElement {
  const id = newId('pt-select');
  control.id = id;
  return h('div', { class: 'pt-field' }, h('label', { for: id, class: 'pt-field__label' }, label), control);
}

export function intakeControl(store: Store): Control {
  const { el, title } = fieldset('pt-intake');
  el.setAttribute('data-testid', 'intake-control');
  let known: ReadonlyMap<string, IntakeSeries> = new Map();
  const series = selectBox((v) => {
    const s = known.get(v);
    const year = store.get().intakeYear;
    // A year the new series has no figure for would be a hole: its latest instead.
    store.set({ intake: s ? s.id : null, intakeYear: s && year !== null && s.years.includes(year) ? year : null });
  });
  const year = selectBox((v) => store.set({ intakeYear: v ? Number(v) : null }));
  series.el.setAttribute('data-testid', 'intake-series');
  year.el.setAttribute('data-testid', 'intake-year');
  const seriesLabelEl = h('span');
  const yearLabelEl = h('span');
  const cov = h('input', { type: 'checkbox', role: 'switch', class: 'pt-switch__input', 'data-testid': 'coverage-switch' });
  cov.addEventListener('change', () => store.set({ coverage: cov.checked }));
  const covText = h('span', { class: 'pt-switch__text' });
  // The chosen series' definition, in full (the select may cut its option short).
  const definition = h('p', { class: 'pt-hint', 'data-testid': 'intake-definition' });
  el.append(field(seriesLabelEl, series.el), definition, field(yearLabelEl, year.el), h('label', { class: 'pt-switch' }, cov, h('span', { class: 'pt-switch__track', 'aria-hidden': 'true' }), covText));
  return {
    el,
    update({ state, view, names }: ControlInput) {
      const l = state.lang;
      const tx = INTAKE_TEXT[l];
      known = view.intakeSeries;
      setText(title, tx.layer);
      setText(seriesLabelEl, tx.series);
      setText(yearLabelEl, tx.year);
      setText(covText, tx.coverage);
      cov.title = tx.coverageHint;
      if (cov.checked !== state.coverage) cov.checked = state.coverage;
      const options = [{ value: '', label: tx.off }, ...ordered(known).map((s) => ({ value: s.id, label: `${seriesLabel(l, s)} — ${definitionText(l, s)}`, group: placeName(names, l, s.place) }))];
      const current = state.intake ? known.get(state.intake) : undefined;
      series.update(options, current ? current.id : '');
      series.el.classList.toggle('pt-select--on', !!current);
      definition.hidden = !current;
      setText(definition, current ? definitionText(l, current) : '');
      const years = current ? current.years : [];
      const latest = years[years.length - 1];
      // A year asked for (the URL, a coverage cell) that the series has no figure for is listed as a hole.
      const asked = state.intakeYear;
      const all = asked !== null && current && !years.includes(asked) ? [...years, asked].sort((a, b) => a - b) : years;
      const yearOptions = [...all].reverse().map((y) => ({ value: String(y), label: years.includes(y) ? String(y) : `${y} — ${tx.hole}` }));
      year.update([{ value: '', label: latest === undefined ? tx.off : fill(tx.latest, { year: latest }) }, ...yearOptions], asked === null ? '' : String(asked));
      year.el.disabled = !current;
    },
  };
}
