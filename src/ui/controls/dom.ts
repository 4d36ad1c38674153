/**
 * Small DOM helpers for the planner's controls (`h` itself lives in ../dom.ts). Text is always
 * set with textContent (values from the URL or the data are never parsed as HTML).
 */
import type { Dataset } from '../../data/dataset.ts';
import type { KnownValues } from '../../state/url.ts';
import type { ViewState } from '../../state/viewState.ts';
import type { ViewModel } from '../../selectors/view.ts';
import type { Names } from '../../i18n/describe.ts';

import { h } from '../dom.ts';

export { h };

let uid = 0;
/** A document-unique id for label/aria wiring. */
export const newId = (prefix: string) => `${prefix}-${++uid}`;

/** Set text only when it changed (keeps screen readers and layout quiet). */
export function setText(e: Element, text: string): void {
  if (e.textContent !== text) e.textContent = text;
}

export function setAttr(e: Element, name: string, value: string | null): void {
  if (value === null) e.removeAttribute(name);
  else if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

/** What every control is updated from: the state and what the app derives from it. */
export interface ControlInput {
  state: ViewState;
  data: Dataset;
  view: ViewModel;
  names: Names;
  known: KnownValues;
}

export interface Control {
  el: HTMLElement;
  update(input: ControlInput): void;
  destroy?(): void;
}

/**
 * A keyed checkbox list: rebuilt only when its keys change (the data changed), otherwise patched
 * in place, so the focused box keeps focus while the user toggles it.
 */
export interface CheckItem {
  key: string;
  label: string;
  checked: boolean;
  /** Shown after the label, e.g. a count. */
  extra?: string;
  disabled?: boolean;
  /** A colour swatch before the label. */
  swatch?: string;
}

export function checkList(name: string, onToggle: (key: string, checked: boolean) => void): { el: HTMLUListElement; update(items: CheckItem[]): void } {
  const el = h('ul', { class: 'pt-checks' });
  let keys = '';
  const rows = new Map<string, { input: HTMLInputElement; label: HTMLElement; extra: HTMLElement; swatch: HTMLElement; li: HTMLLIElement }>();
  return {
    el,
    update(items) {
      const k = items.map((i) => i.key).join('\n');
      if (k !== keys) {
        const focused = document.activeElement instanceof HTMLInputElement && rows.get(document.activeElement.value)?.input === document.activeElement ? document.activeElement.value : null;
        keys = k;
        rows.clear();
        el.replaceChildren();
        for (const item of items) {
          const input = h('input', { type: 'checkbox', name, value: item.key });
          input.addEventListener('change', () => onToggle(item.key, input.checked));
          const swatch = h('span', { class: 'pt-swatch', 'aria-hidden': 'true' });
          const label = h('span', { class: 'pt-check__label' });
          const extra = h('span', { class: 'pt-check__extra' });
          const li = h('li', {}, h('label', { class: 'pt-check' }, input, swatch, label, extra));
          rows.set(item.key, { input, label, extra, swatch, li });
          el.append(li);
        }
        if (focused) rows.get(focused)?.input.focus();
      }
      for (const item of items) {
        const r = rows.get(item.key)!;
        if (r.input.checked !== item.checked) r.input.checked = item.checked;
        r.input.disabled = !!item.disabled;
        setText(r.label, item.label);
        setText(r.extra, item.extra ?? '');
        r.swatch.hidden = !item.swatch;
        if (item.swatch) r.swatch.style.background = item.swatch;
        r.li.classList.toggle('pt-check--on', item.checked);
        r.li.classList.toggle('pt-check--empty', item.extra === '0');
      }
    },
  };
}

/** A `<fieldset>` with a legend and an "active" marker the update fills in. */
export function fieldset(cls: string): { el: HTMLFieldSetElement; legend: HTMLLegendElement; title: HTMLSpanElement; badge: HTMLSpanElement } {
  const title = h('span', { class: 'pt-legend__title' });
  const badge = h('span', { class: 'pt-legend__badge' });
  const legend = h('legend', { class: 'pt-legend' }, title, badge);
  const el = h('fieldset', { class: `pt-group ${cls}` }, legend);
  return { el, legend, title, badge };
}

/** A `<select>` whose options are rebuilt only when they change. */
export function selectBox(onChange: (value: string) => void): { el: HTMLSelectElement; update(options: Array<{ value: string; label: string; group?: string }>, value: string): void } {
  const el = h('select', { class: 'pt-select' });
  el.addEventListener('change', () => onChange(el.value));
  let sig = '';
  return {
    el,
    update(options, value) {
      const s = JSON.stringify(options);
      if (s !== sig) {
        sig = s;
        el.replaceChildren();
        let group: HTMLOptGroupElement | null = null;
        for (const o of options) {
          const opt = h('option', { value: o.value, text: o.label });
          if (o.group) {
            if (!group || group.label !== o.group) el.append((group = h('optgroup', { label: o.group })));
            group.append(opt);
          } else {
            group = null;
            el.append(opt);
          }
        }
      }
      if (el.value !== value) el.value = value;
    },
  };
}
