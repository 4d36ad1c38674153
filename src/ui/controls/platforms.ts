/** Platform tier and category: checkbox lists (empty = every platform and non-platform flow). */
import { t, type MessageKey } from '../../i18n/index.ts';
import { TIER_STYLE } from '../../scales/tiers.ts';
import type { Store } from '../../state/store.ts';
import { CATEGORIES, TIERS, type CategoryId, type TierId } from '../../state/viewState.ts';
import { checkList, fieldset, setText, type Control, type ControlInput } from './dom.ts';

export function platformControl(store: Store, kind: 'tier' | 'category'): Control {
  const { el, title, badge } = fieldset(`pt-${kind}`);
  const list = checkList(kind, (key, on) => {
    const cur: string[] = store.get()[kind];
    const next = on ? [...cur.filter((k) => k !== key), key] : cur.filter((k) => k !== key);
    if (kind === 'tier') store.set({ tier: next as TierId[] });
    else store.set({ category: next as CategoryId[] });
  });
  el.append(list.el);
  return {
    el,
    update({ state, view }: ControlInput) {
      const lang = state.lang;
      setText(title, t(lang, kind === 'tier' ? 'planner.tier' : 'planner.category'));
      const selected: readonly string[] = state[kind];
      setText(badge, selected.length ? t(lang, 'planner.selected', { n: selected.length }) : '');
      const counts = view.platformCounts[kind];
      const ids: readonly string[] = kind === 'tier' ? TIERS : CATEGORIES;
      list.update(ids.map((id) => ({
        key: id,
        label: t(lang, `${kind}.${id}` as MessageKey),
        extra: String(counts.get(id as never) ?? 0),
        checked: selected.includes(id),
        ...(kind === 'tier' ? { swatch: TIER_STYLE[id as TierId].fill } : {}),
      })));
    },
  };
}
