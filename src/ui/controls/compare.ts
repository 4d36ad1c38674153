/**
 * "Compare with another period" (issue 18): a switch for `state.compare` in the filters panel;
 * the period's two year selects load on demand (./compareSelects.ts, in the comparison's chunk
 * ../compare.ts) the first time a comparison is on, so the first load carries only this switch.
 */
import { t } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import { h, setText, type Control, type ControlInput } from './dom.ts';
import type * as Selects from '../compare.ts';

export function compareControl(store: Store, load: () => Promise<typeof Selects>): Control {
  const input = h('input', { type: 'checkbox', role: 'switch', class: 'pt-switch__input', 'data-testid': 'compare-switch' });
  const text = h('span', { class: 'pt-switch__text' });
  const slot = h('div', { class: 'pt-compare__slot' });
  let selects: Selects.CompareSelects | null = null;
  let last: ControlInput | null = null;
  const ensure = () =>
    load().then((m) => {
      selects ??= m.compareSelects(store);
      if (!slot.firstChild) slot.append(selects.el);
      if (last) selects.update(last);
      return m;
    });
  input.addEventListener('change', () => {
    if (!input.checked) store.set({ compare: null });
    else void ensure().then((m) => last && store.set(m.defaultCompare(store.get(), last.view.extent)));
  });
  const el = h('div', { class: 'pt-group pt-lock pt-compare' }, h('label', { class: 'pt-switch' }, input, h('span', { class: 'pt-switch__track', 'aria-hidden': 'true' }), text), slot);
  return {
    el,
    update(i: ControlInput) {
      last = i;
      const on = i.state.compare !== null;
      if (input.checked !== on) input.checked = on;
      setText(text, t(i.state.lang, 'planner.compare'));
      slot.hidden = !on;
      if (on) {
        if (selects) selects.update(i);
        else void ensure();
      }
    },
  };
}
