/** "Lock scale": a switch (checkbox with role=switch) for `state.lock`. */
import { t } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import { h, newId, setText, type Control, type ControlInput } from './dom.ts';

export function lockControl(store: Store): Control {
  const hintId = newId('pt-lock-hint');
  const input = h('input', { type: 'checkbox', role: 'switch', class: 'pt-switch__input', 'aria-describedby': hintId });
  input.addEventListener('change', () => store.set({ lock: input.checked }));
  const text = h('span', { class: 'pt-switch__text' });
  const hint = h('p', { class: 'pt-hint', id: hintId });
  const el = h('div', { class: 'pt-group pt-lock' }, h('label', { class: 'pt-switch' }, input, h('span', { class: 'pt-switch__track', 'aria-hidden': 'true' }), text), hint);
  return {
    el,
    update({ state }: ControlInput) {
      if (input.checked !== state.lock) input.checked = state.lock;
      setText(text, t(state.lang, 'planner.lock'));
      setText(hint, t(state.lang, 'planner.lockHint'));
    },
  };
}
