/**
 * Origin (any / Beijing / Tianjin / each origin the data has: Beijing and Tianjin districts, and
 * — in a planner's own file — Hebei prefectures and counties, grouped by prefecture) and
 * destination prefecture (those present in the data), as native selects named through `names.place`.
 */
import { t } from '../../i18n/index.ts';
import type { Store } from '../../state/store.ts';
import type { Lang } from '../../state/viewState.ts';
import type { Names } from '../../i18n/describe.ts';
import { fieldset, h, newId, selectBox, setText, type Control, type ControlInput } from './dom.ts';

export function originOptions(origins: Iterable<string>, names: Names, lang: Lang): Array<{ value: string; label: string; group?: string }> {
  // Beijing and Tianjin as a whole are the `beijing`/`tianjin` options; Hebei's (a planner's file)
  // come grouped by prefecture (the adcode's first four digits), the prefecture as a whole first.
  const codes = [...origins].filter((o) => /^1[123]\d{4}$/.test(o) && !/^1[12]0000$/.test(o)).sort();
  const city = (code: string) => (code === '11' ? t(lang, 'place.beijing') : t(lang, 'place.tianjin'));
  const out: Array<{ value: string; label: string; group?: string }> = [
    { value: '', label: t(lang, 'planner.originAny') },
    { value: 'beijing', label: t(lang, 'planner.originAll', { name: city('11') }) },
    { value: 'tianjin', label: t(lang, 'planner.originAll', { name: city('12') }) },
  ];
  for (const d of codes) {
    if (d === '130000') {
      out.push({ value: d, label: names.place(130000, lang) });
      continue;
    }
    if (!d.startsWith('13')) {
      out.push({ value: d, label: names.place(Number(d), lang), group: t(lang, 'planner.originDistricts', { name: city(d.slice(0, 2)) }) });
      continue;
    }
    const p = `${d.slice(0, 4)}00`;
    const name = names.place(Number(p), lang);
    const group = t(lang, 'planner.originHebei', { name });
    if (d === p) out.push({ value: p, label: t(lang, 'planner.originAll', { name }), group });
    else {
      if (out.at(-1)?.group !== group) out.push({ value: p, label: t(lang, 'planner.originAll', { name }), group });
      out.push({ value: d, label: names.place(Number(d), lang), group });
    }
  }
  return out;
}

function labelled(text: HTMLElement, control: HTMLElement): HTMLElement {
  const id = newId('pt-select');
  control.id = id;
  const label = h('label', { for: id, class: 'pt-field__label' });
  label.append(text);
  return h('div', { class: 'pt-field' }, label, control);
}

export function placeControl(store: Store): Control {
  const { el, title, badge } = fieldset('pt-places');
  const origin = selectBox((v) => store.set({ origin: v || null }));
  const dest = selectBox((v) => store.set({ dest: v ? Number(v) : null }));
  const originLabel = h('span');
  const destLabel = h('span');
  el.append(labelled(originLabel, origin.el), labelled(destLabel, dest.el));
  return {
    el,
    update({ state, names, known }: ControlInput) {
      const lang = state.lang;
      setText(title, `${t(lang, 'planner.origin')} · ${t(lang, 'planner.dest')}`);
      const n = [state.origin, state.dest].filter((x) => x !== null).length;
      setText(badge, n ? t(lang, 'planner.selected', { n }) : '');
      setText(originLabel, t(lang, 'planner.origin'));
      setText(destLabel, t(lang, 'planner.dest'));
      const origins = originOptions(known.origins ?? [], names, lang);
      // A value from the URL that the list lacks (e.g. data replaced) still shows.
      if (state.origin && !origins.some((o) => o.value === state.origin)) origins.push({ value: state.origin, label: state.origin });
      origin.update(origins, state.origin ?? '');
      const dests = [...(known.dests ?? [])].sort((a, b) => a - b).map((d) => ({ value: String(d), label: names.place(d, lang) }));
      if (state.dest !== null && !dests.some((d) => d.value === String(state.dest))) dests.push({ value: String(state.dest), label: String(state.dest) });
      dest.update([{ value: '', label: t(lang, 'planner.destAny') }, ...dests], state.dest === null ? '' : String(state.dest));
      origin.el.classList.toggle('pt-select--on', state.origin !== null);
      dest.el.classList.toggle('pt-select--on', state.dest !== null);
    },
  };
}
