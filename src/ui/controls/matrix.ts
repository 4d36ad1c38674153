/** "Origin–destination matrix": a switch for `state.matrix` (the matrix itself: ../matrix.ts). */
import { t } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import { h, setText, type Control, type ControlInput } from './dom.ts';

export function matrixControl(store: Store): Control {
  const input = h('input', { type: 'checkbox', role: 'switch', class: 'pt-switch__input' });
  input.addEventListener('change', () => store.set({ matrix: input.checked }));
  const text = h('span', { class: 'pt-switch__text' });
  const el = h('div', { class: 'pt-group pt-lock' }, h('label', { class: 'pt-switch' }, input, h('span', { class: 'pt-switch__track', 'aria-hidden': 'true' }), text));
  return {
    el,
    update({ state }: ControlInput) {
      if (input.checked !== state.matrix) input.checked = state.matrix;
      setText(text, t(state.lang, 'planner.matrix'));
    },
  };
}
