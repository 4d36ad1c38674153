/**
 * The period to compare with (issue 18; loaded by ./compare.ts): two labelled year selects,
 * "from" and "to", over the data's years, written to `state.compare` through the store. Turning
 * the comparison on picks the period of the same length just before `years` (with every year
 * shown, or chosen, the data's years are split in two: the later half as `years`, the earlier as
 * `compare`).
 */
import type { Store } from '../../state/store.ts';
import type { ViewState } from '../../state/viewState.ts';
import { h, newId, selectBox, setText, type Control, type ControlInput } from './dom.ts';

const TEXT = {
  zh: { from: '对比时期：自', to: '至', hint: '时期甲为上方所选年份，时期乙为此处年份；地图与表格给出两者及差值（甲 − 乙）' },
  en: { from: 'Compare with: from', to: 'to', hint: 'Period A is the years above, period B these; the map and tables give both and the difference (A − B)' },
} as const;

export type CompareSelects = Control;

export function defaultCompare(s: Pick<ViewState, 'years' | 'compare'>, extent: readonly [number, number]): Pick<ViewState, 'years' | 'compare'> {
  const [e0, e1] = extent;
  if (s.years) {
    const [a, b] = s.years;
    if (a - 1 >= e0) return { years: s.years, compare: [Math.max(e0, a - (b - a + 1)), a - 1] };
    if (b + 1 <= e1) return { years: s.years, compare: [b + 1, Math.min(e1, b + (b - a + 1))] };
    // `years` covers every year: split them as when no years are chosen (never a period against itself).
  }
  if (e1 <= e0) return { years: null, compare: [e0, e1] };
  const mid = Math.ceil((e0 + e1 + 1) / 2);
  return { years: [mid, e1], compare: [e0, mid - 1] };
}

export function compareSelects(store: Store): CompareSelects {
  const write = (from: number, to: number) => store.set({ compare: [Math.min(from, to), Math.max(from, to)] });
  const cur = () => store.get().compare;
  const from = selectBox((v) => write(Number(v), Math.max(Number(v), cur()?.[1] ?? Number(v))));
  const to = selectBox((v) => write(Math.min(Number(v), cur()?.[0] ?? Number(v)), Number(v)));
  const fromId = newId('pt-cmp-from');
  const toId = newId('pt-cmp-to');
  from.el.id = fromId;
  to.el.id = toId;
  from.el.setAttribute('data-testid', 'compare-from');
  to.el.setAttribute('data-testid', 'compare-to');
  const fromLabel = h('label', { for: fromId });
  const toLabel = h('label', { for: toId });
  const hint = h('p', { class: 'pt-hint' });
  const el = h('div', { class: 'pt-row pt-compare__years' }, fromLabel, from.el, toLabel, to.el);
  const box = h('div', {}, el, hint);
  return {
    el: box,
    update({ state, view }: ControlInput) {
      const tx = TEXT[state.lang];
      setText(fromLabel, tx.from);
      setText(toLabel, tx.to);
      setText(hint, tx.hint);
      const years: Array<{ value: string; label: string }> = [];
      for (let y = view.extent[0]; y <= view.extent[1]; y++) years.push({ value: String(y), label: String(y) });
      const c = state.compare ?? view.extent;
      from.update(years, String(c[0]));
      to.update(years, String(c[1]));
    },
  };
}
