/**
 * The place search box's behaviour, loaded on its first focus (controls/search.ts): the index
 * (../search/placeSearch.ts over the loader's resolver: one gazetteer, one set of rules) and the
 * ARIA combobox — a listbox of results under the input, Arrow Up/Down to move (the input keeps
 * focus; aria-activedescendant names the option), Enter to show the place, Escape to close.
 * Names from the data are set as text, never parsed as HTML.
 */
import type { AppContext } from '../app.ts';
import aliasesCsv from '../../data/names/place-aliases.csv?raw';
import { parsePlaceAliases } from '../data/placeAliases.ts';
import { placeResolver, unitsFromLayers } from '../data/placeNames.ts';
import { buildSearchIndex, searchPlaces, type SearchEntry, type SearchIndex, type SearchResult } from '../search/placeSearch.ts';
import type { Dataset } from '../data/dataset.ts';
import type { SearchShell } from './controls/search.ts';
import { h, setAttr, setText } from './controls/dom.ts';

/** The box's own messages: they load with it, not with every page. */
const TEXT = {
  zh: {
    count: '找到 {n} 个地点；用方向键选择，回车显示',
    count1: '找到 1 个地点；回车显示',
    none: '京津冀没有这个名称的地点',
    several: '多个地点同名，请选择',
    province: '省级',
    prefecture: '地级',
    county: '区县',
    platform: '平台',
  },
  en: {
    count: '{n} places found; arrow keys to choose, Enter to show',
    count1: '1 place found; Enter to show',
    none: 'No place of that name in Beijing, Tianjin or Hebei',
    several: 'Several places have this name: choose one',
    province: 'province-level',
    prefecture: 'prefecture',
    county: 'district / county',
    platform: 'platform',
  },
} as const;
const t = (lang: 'zh' | 'en', key: keyof (typeof TEXT)['en'], n = 0) => TEXT[lang][key].replace('{n}', String(n));

export type ShowPlace = (key: string, at: { lon: number; lat: number }) => void;

function indexFor(ctx: AppContext, data: Dataset): { index: SearchIndex; at: Map<string, { lon: number; lat: number }> } {
  const b = ctx.boundaries;
  const units = unitsFromLayers(b);
  const platforms = data.platforms.map((p) => ({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, adcode: p.adcode }));
  const resolver = placeResolver({ units, aliases: parsePlaceAliases(aliasesCsv), platforms });
  const at = new Map<string, { lon: number; lat: number }>();
  for (const layer of [b.region, b.prefectures, b.counties]) for (const f of layer.features) at.set(String(f.properties.adcode), { lon: f.properties.label[0], lat: f.properties.label[1] });
  for (const p of data.platforms) at.set(p.id, { lon: p.lon, lat: p.lat });
  return { index: buildSearchIndex({ units, platforms, resolver }), at };
}

export function mountPlaceSearch(ctx: AppContext, shell: SearchShell, show: ShowPlace): void {
  const { input, list, status } = shell;
  let built: { data: Dataset; index: SearchIndex; at: Map<string, { lon: number; lat: number }> } | null = null;
  const current = () => {
    const data = ctx.data();
    if (built?.data !== data) built = { data, ...indexFor(ctx, data) };
    return built;
  };
  let results: SearchResult[] = [];
  let active = -1;
  let bestKey: string | null = null;
  const lang = () => ctx.store.get().lang;
  const optionId = (i: number) => `${list.id}-o${i}`;

  const name = (e: SearchEntry) => (lang() === 'en' ? e.nameEn : e.nameZh);
  const where = (e: SearchEntry) => {
    const parent = lang() === 'en' ? e.parentEn : e.parentZh;
    const kind = t(lang(), e.kind);
    return [kind, parent, e.kind === 'platform' ? e.key : String(e.adcode)].filter(Boolean).join(' · ');
  };

  const close = () => {
    list.hidden = true;
    setAttr(input, 'aria-expanded', 'false');
    setAttr(input, 'aria-activedescendant', null);
  };
  const paintActive = () => {
    for (const [i, li] of Array.from(list.children).entries()) setAttr(li, 'aria-selected', String(i === active));
    setAttr(input, 'aria-activedescendant', active >= 0 ? optionId(active) : null);
    if (active >= 0) (list.children[active] as HTMLElement | undefined)?.scrollIntoView?.({ block: 'nearest' });
  };
  const choose = (i: number) => {
    const r = results[i];
    if (!r) return;
    const at = current().at.get(r.entry.key);
    input.value = name(r.entry);
    close();
    setText(status, '');
    if (at) show(r.entry.key, at);
  };
  const update = () => {
    const q = input.value;
    const answer = searchPlaces(current().index, q);
    results = answer.results;
    bestKey = answer.best?.entry.key ?? null;
    active = -1;
    list.replaceChildren(
      ...results.map((r, i) => {
        const li = h('li', { id: optionId(i), role: 'option', class: 'pt-search__option', 'aria-selected': 'false', 'data-key': r.entry.key }, h('span', { class: 'pt-search__name', text: name(r.entry) }), h('span', { class: 'pt-search__where', text: where(r.entry) }));
        // mousedown: choose before the input's blur closes the list.
        li.addEventListener('mousedown', (e) => {
          e.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    const open = results.length > 0;
    list.hidden = !open;
    setAttr(input, 'aria-expanded', String(open));
    setAttr(input, 'aria-activedescendant', null);
    const l = lang();
    if (q.trim() === '') setText(status, '');
    else if (!open) setText(status, t(l, 'none'));
    else if (bestKey === null && results[0]?.score === 1) setText(status, t(l, 'several'));
    else setText(status, results.length === 1 ? t(l, 'count1') : t(l, 'count', results.length));
  };

  input.addEventListener('input', update);
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) update();
      if (results.length === 0) return;
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      active = active < 0 ? (step > 0 ? 0 : results.length - 1) : (active + step + results.length) % results.length;
      paintActive();
    } else if (e.key === 'Enter') {
      if (list.hidden && input.value.trim() === '') return;
      e.preventDefault();
      if (list.hidden) update();
      if (active >= 0) choose(active);
      else if (bestKey !== null) choose(results.findIndex((r) => r.entry.key === bestKey));
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else input.value = '';
    }
  });
  if (input.value) update();
}
