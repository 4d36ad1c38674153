/**
 * A switch for one view of the state: the origin–destination matrix (`matrix`, the matrix
 * itself: ../matrix.ts), the small multiples (`multiples`, ../multiples.ts), net flows (`net`,
 * with a hint read from the view model when there is nothing to net).
 */
import { t, type MessageKey } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import { h, newId, setText, type Control, type ControlInput } from './dom.ts';

export interface SwitchOptions {
  label: MessageKey;
  /** Is it on in this state? */
  on(s: ViewState): boolean;
  /** The change that turns it on or off. */
  set(on: boolean): Partial<ViewState>;
  /** A short hint under the switch, read from the view model; null = none. */
  hint?(i: ControlInput): MessageKey | null;
}

export function switchControl(store: Store, o: SwitchOptions): Control {
  const input = h('input', { type: 'checkbox', role: 'switch', class: 'pt-switch__input' });
  input.addEventListener('change', () => store.set(o.set(input.checked)));
  const text = h('span', { class: 'pt-switch__text' });
  const note = h('p', { class: 'pt-hint', id: newId('pt-sw') });
  if (o.hint) input.setAttribute('aria-describedby', note.id);
  const el = h('div', { class: 'pt-group pt-lock' }, h('label', { class: 'pt-switch' }, input, h('span', { class: 'pt-switch__track', 'aria-hidden': 'true' }), text), note);
  return {
    el,
    update(i: ControlInput) {
      const { state } = i;
      const on = o.on(state);
      if (input.checked !== on) input.checked = on;
      setText(text, t(state.lang, o.label));
      const key = o.hint?.(i) ?? null;
      note.hidden = !key;
      if (key) setText(note, t(state.lang, key));
    },
  };
}
