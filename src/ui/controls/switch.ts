/**
 * A switch for one view of the state: the origin–destination matrix (`matrix`, the matrix
 * itself: ../matrix.ts), the small multiples (`multiples`, ../multiples.ts).
 */
import { t, type MessageKey } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import { h, setText, type Control, type ControlInput } from './dom.ts';

export interface SwitchOptions {
  label: MessageKey;
  /** Is it on in this state? */
  on(s: ViewState): boolean;
  /** The change that turns it on or off. */
  set(on: boolean): Partial<ViewState>;
}

export function switchControl(store: Store, o: SwitchOptions): Control {
  const input = h('input', { type: 'checkbox', role: 'switch', class: 'pt-switch__input' });
  input.addEventListener('change', () => store.set(o.set(input.checked)));
  const text = h('span', { class: 'pt-switch__text' });
  const el = h('div', { class: 'pt-group pt-lock' }, h('label', { class: 'pt-switch' }, input, h('span', { class: 'pt-switch__track', 'aria-hidden': 'true' }), text));
  return {
    el,
    update({ state }: ControlInput) {
      const on = o.on(state);
      if (input.checked !== on) input.checked = on;
      setText(text, t(state.lang, o.label));
    },
  };
}
