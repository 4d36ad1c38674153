/**
 * The preview's "not recognised" panel (DOM): each unknown column with a select of what it is,
 * each unknown value with a searchable place list (an <input> with a <datalist>) or a select of
 * industries, and Check again / Save / Load / Clear for the mapping. Text from the file is
 * isolated in <bdi> and set with textContent only. The decisions are pure
 * (./previewModel.ts, ./userMapping.ts).
 */
import { h as el } from '../ui/dom.ts';
import { clean } from '../data/text.ts';
import type { Industry } from '../data/types.ts';
import { columnChoices, industryChoices, placeChoice, placeOptionText, type PlaceOption, type PreviewModel, type Translate } from './previewModel.ts';
import { isEmptyMapping, type ColumnTarget, type UserMapping } from './userMapping.ts';

export interface MappingPanelHooks {
  /** The mapping as edited so far (changed in place). */
  mapping: UserMapping;
  /** Check the file again with the mapping. */
  apply(): void;
  save(): void;
  load(): void;
  clear(): void;
}

const option = (value: string, label: string, selected: boolean) => {
  const o = el('option', { value, text: label });
  o.selected = selected;
  return o;
};

export function mappingPanel(model: PreviewModel, units: readonly PlaceOption[], tr: Translate, hooks: MappingPanelHooks): HTMLElement {
  const m = hooks.mapping;
  const box = el('section', { class: 'loader-unknowns', 'data-testid': 'loader-unknowns' });
  const anything = model.unknownColumns.length > 0 || model.unknownValues.length > 0;
  if (anything) box.append(el('h3', { text: tr('loader.unknowns') }));
  if (model.unknownColumns.length) {
    const rows = el('tbody');
    for (const column of model.unknownColumns) {
      const key = clean(column);
      const select = el('select', { 'data-column': column, 'aria-label': column });
      for (const c of columnChoices(tr)) select.append(option(c.value, c.label, (m.columns[key] ?? '') === c.value));
      select.addEventListener('change', () => {
        if (select.value === '') delete m.columns[key];
        else m.columns[key] = select.value as ColumnTarget;
      });
      rows.append(el('tr', {}, el('td', {}, el('bdi', { text: column })), el('td', {}, select)));
    }
    box.append(el('h4', { text: tr('loader.unknown.columns') }), el('table', { class: 'loader-table' }, rows));
  }
  if (model.unknownValues.length) {
    const listId = 'loader-place-list';
    const datalist = el('datalist', { id: listId });
    for (const u of units) datalist.append(el('option', { value: placeOptionText(u) }));
    const rows = el('tbody');
    for (const u of model.unknownValues) {
      let input: HTMLInputElement | HTMLSelectElement;
      if (u.kind === 'place') {
        const known = m.places[u.value];
        const unit = known === undefined ? undefined : units.find((x) => x.adcode === known);
        input = el('input', { type: 'text', list: listId, 'data-value': u.value, 'aria-label': u.value, placeholder: tr('loader.unknown.place'), class: 'loader-place-input', value: unit ? placeOptionText(unit) : '' });
        const field = input;
        field.addEventListener('change', () => {
          const a = placeChoice(field.value, units);
          field.setAttribute('aria-invalid', String(field.value.trim() !== '' && a === null));
          if (a === null) delete m.places[u.value];
          else m.places[u.value] = a;
        });
      } else {
        const select = el('select', { 'data-value': u.value, 'aria-label': u.value });
        for (const c of industryChoices(tr)) select.append(option(c.value, c.label, (m.industries[u.value] ?? '') === c.value));
        select.addEventListener('change', () => {
          if (select.value === '') delete m.industries[u.value];
          else m.industries[u.value] = select.value as Industry;
        });
        input = select;
      }
      const what = el('td', {}, el('bdi', { class: 'loader-value', text: u.value }), el('span', { class: 'loader-hint', text: ` · ${u.column} · ${u.rows}` }));
      if (u.candidatesText) what.append(el('div', { class: 'loader-hint', text: u.candidatesText }));
      rows.append(el('tr', {}, what, el('td', {}, input)));
    }
    box.append(el('h4', { text: tr('loader.unknown.values') }), datalist, el('table', { class: 'loader-table loader-unknown-values' }, rows));
    if (model.unknownMore) box.append(el('p', { class: 'loader-note', text: model.unknownMore }));
  }
  const button = (id: string, text: string, onClick: () => void) => {
    const b = el('button', { type: 'button', class: 'btn btn--small', id, text });
    b.addEventListener('click', onClick);
    return b;
  };
  const actions = el('div', { class: 'loader-map-actions' });
  if (anything) actions.append(button('loader-map-apply', tr('loader.map.apply'), hooks.apply));
  if (anything || !isEmptyMapping(m)) actions.append(button('loader-map-save', tr('loader.map.save'), hooks.save));
  actions.append(button('loader-map-load', tr('loader.map.load'), hooks.load));
  if (!isEmptyMapping(m)) actions.append(button('loader-map-clear', tr('loader.map.clear'), hooks.clear));
  box.append(actions);
  return box;
}
