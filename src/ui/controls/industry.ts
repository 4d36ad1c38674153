/**
 * Industry multi-select: a checkbox per industry in the data, each with the number of records
 * the other filters keep; "Clear" empties the selection (= all industries).
 */
import { t, type MessageKey } from '../../i18n/index.ts';
import { formatNumber } from '../../i18n/format.ts';
import { industryColor } from '../../scales/industryColor.ts';
import type { Store } from '../../state/store.ts';
import { checkList, fieldset, h, newId, setAttr, setText, type Control } from './dom.ts';

export function industryControl(store: Store): Control {
  const { el, title, badge } = fieldset('pt-industry');
  const hintId = newId('pt-industry-hint');
  const hint = h('p', { class: 'pt-hint', id: hintId });
  const clear = h('button', { type: 'button', class: 'btn btn--small pt-clear' });
  clear.addEventListener('click', () => store.set({ industry: [] }));
  const list = checkList('industry', (key, on) => {
    const cur = store.get().industry;
    store.set({ industry: on ? [...cur.filter((k) => k !== key), key] : cur.filter((k) => k !== key) });
  });
  list.el.setAttribute('aria-describedby', hintId);
  el.append(list.el, h('div', { class: 'pt-row' }, hint, clear));
  return {
    el,
    update({ state, view }) {
      const lang = state.lang;
      setText(title, t(lang, 'planner.industry'));
      setText(badge, state.industry.length ? t(lang, 'planner.selected', { n: state.industry.length }) : '');
      setText(hint, t(lang, 'planner.industryCount'));
      setText(clear, t(lang, 'planner.clear'));
      setAttr(clear, 'aria-disabled', String(!state.industry.length));
      const selected = new Set(state.industry);
      list.update(view.industryCounts.map((c) => ({
        key: c.industry,
        label: t(lang, `industry.${c.industry}` as MessageKey),
        extra: formatNumber(lang, c.count),
        checked: selected.has(c.industry),
        swatch: industryColor(c.industry),
      })));
    },
  };
}
