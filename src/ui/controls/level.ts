/** The level (issue 18): places as they are, or merged to city/prefecture level — a segmented radio group. */
import { t } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import { LEVELS } from '../../state/viewState.ts';
import { fieldset, h, setText, type Control, type ControlInput } from './dom.ts';

export function levelControl(store: Store): Control {
  const { el, title } = fieldset('pt-level');
  const seg = h('div', { class: 'pt-segmented' });
  const items = LEVELS.map((level) => {
    const input = h('input', { type: 'radio', name: 'pt-level', value: level });
    input.addEventListener('change', () => input.checked && store.set({ level }));
    const text = h('span');
    seg.append(h('label', { class: 'pt-segment' }, input, text));
    return { level, input, text };
  });
  el.append(seg);
  return {
    el,
    update({ state }: ControlInput) {
      setText(title, t(state.lang, 'planner.level'));
      for (const i of items) {
        if (i.input.checked !== (state.level === i.level)) i.input.checked = state.level === i.level;
        setText(i.text, t(state.lang, `planner.level.${i.level}`));
      }
    },
  };
}
