/**
 * The place search box (issue 18): a labelled input in the ARIA combobox pattern. Only the
 * shell comes with the page; the index and the listbox's behaviour (../placeSearchBox.ts) load
 * on the box's first focus. Choosing a place sets `focus=` (its card) and brings it into view.
 */
import { t } from '../../i18n/index.ts';
import { h, newId, setAttr, setText, type Control, type ControlInput } from './dom.ts';

export interface SearchShell {
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
}

export function searchControl(load: (shell: SearchShell) => Promise<void>): Control {
  const id = newId('pt-search');
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const input = h('input', {
    id,
    type: 'search',
    class: 'pt-select pt-search__input',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': hintId,
    'data-testid': 'place-search',
  });
  const label = h('label', { for: id, class: 'pt-field__label' });
  const list = h('ul', { id: listId, role: 'listbox', class: 'pt-search__list', hidden: '' });
  const status = h('p', { id: hintId, class: 'pt-hint pt-search__status', 'aria-live': 'polite' });
  const shell: SearchShell = { input, list, status };
  let started = false;
  input.addEventListener('focus', () => {
    if (started) return;
    started = true;
    load(shell).catch(() => (started = false));
  });
  const el = h('div', { class: 'pt-field pt-search' }, label, input, list, status);
  return {
    el,
    update({ state }: ControlInput) {
      setText(label, t(state.lang, 'search.label'));
      setAttr(input, 'placeholder', t(state.lang, 'search.placeholder'));
      el.dataset.lang = state.lang;
    },
  };
}
