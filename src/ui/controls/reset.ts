/**
 * The panel head: how many filters are active, and one Reset that restores every filter, the
 * metric, the lock and the selection to their defaults (language, theme, camera and embedding
 * options stay as they are).
 */
import { t } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Store } from '../../state/store.ts';
import { defaultState, type ViewState } from '../../state/viewState.ts';
import { activeFilterCount } from '../../selectors/summary.ts';
import { h, setAttr, setText, type Control, type ControlInput } from './dom.ts';

export const RESET_FIELDS = ['metric', 'industry', 'years', 'origin', 'dest', 'tier', 'category', 'focus', 'lock'] as const satisfies ReadonlyArray<keyof ViewState>;

export function resetPatch(): Partial<ViewState> {
  const d = defaultState();
  return Object.fromEntries(RESET_FIELDS.map((k) => [k, d[k]])) as Partial<ViewState>;
}

export function activeText(s: ViewState): string {
  const n = activeFilterCount(s);
  return n === 0 ? t(s.lang, 'planner.activeNone') : n === 1 ? t(s.lang, 'planner.active1') : t(s.lang, 'planner.active', { n });
}

export function resetControl(store: Store, onReset?: () => void): Control {
  const title = h('h2', { class: 'pt-head__title' });
  const badge = h('span', { class: 'pt-badge' });
  const button = h('button', { type: 'button', class: 'btn pt-reset' });
  button.addEventListener('click', () => {
    onReset?.();
    store.set(resetPatch());
  });
  const shown = h('span', { class: 'pt-head__shown', 'data-testid': 'head-shown' });
  const el = h('div', { class: 'pt-head' }, h('div', { class: 'pt-head__text' }, title, badge, shown), button);
  return {
    el,
    update({ state, view }: ControlInput) {
      setText(title, t(state.lang, 'planner.title'));
      setText(shown, t(state.lang, 'summary.shown', { n: formatNumber(state.lang, view.flows.length), total: formatNumber(state.lang, view.total) }));
      setText(badge, activeText(state));
      badge.classList.toggle('pt-badge--on', activeFilterCount(state) > 0);
      setText(button, t(state.lang, 'planner.reset'));
      button.setAttribute('aria-label', t(state.lang, 'planner.resetLabel'));
      const d = defaultState();
      // aria-disabled, not disabled: the button keeps focus after a keyboard reset.
      setAttr(button, 'aria-disabled', String(RESET_FIELDS.every((k) => JSON.stringify(state[k]) === JSON.stringify(d[k]))));
    },
  };
}
