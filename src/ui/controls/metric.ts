/** The metric: a segmented radio group (arrow keys move between the options natively). */
import { t } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import { METRICS, type Metric } from '../../state/viewState.ts';
import { fieldset, h, setText, type Control, type ControlInput } from './dom.ts';

export function metricControl(store: Store): Control {
  const { el, title } = fieldset('pt-metric');
  const seg = h('div', { class: 'pt-segmented' });
  const items = METRICS.map((m) => {
    const input = h('input', { type: 'radio', name: 'pt-metric', value: m });
    input.addEventListener('change', () => input.checked && store.set({ metric: m as Metric }));
    const text = h('span');
    seg.append(h('label', { class: 'pt-segment' }, input, text));
    return { m, input, text };
  });
  el.append(seg);
  return {
    el,
    update({ state }: ControlInput) {
      setText(title, t(state.lang, 'planner.metric'));
      for (const i of items) {
        if (i.input.checked !== (state.metric === i.m)) i.input.checked = state.metric === i.m;
        setText(i.text, t(state.lang, `metric.${i.m}`));
      }
    },
  };
}
