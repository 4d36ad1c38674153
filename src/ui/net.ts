/**
 * Net flows (issue 18), loaded (in the chunk of ./compare.ts) when `net=1` is first set: the pairs netted — gross both ways and
 * the net in its direction — the arcs not netted listed apart, and a CSV of it all. Everything
 * read from the view model's `net` (selectors/net.ts). Names set as text.
 */
import type { AppContext } from '../app.ts';
import { netCsv } from '../export/netCsv.ts';
import { endName, groupText, type Names } from '../i18n/describe.ts';
import { NET_TEXT, pairName } from '../i18n/describeNet.ts';
import { formatFigure } from '../i18n/format.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import type { NetView } from '../selectors/net.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { h, saveBlob } from './dom.ts';

export { describeNetArc } from '../i18n/describeNet.ts';

export interface NetSection {
  el: HTMLElement;
  update(n: NetView | null, s: ViewState, names: Names): void;
}

export function netView(ctx: AppContext): NetSection {
  const el = h('section', { class: 'cmp', 'data-testid': 'net' });
  el.hidden = true;
  let drawn: { n: NetView; lang: Lang; names: Names } | null = null;
  const draw = (n: NetView, l: Lang, names: Names) => {
    const tx = NET_TEXT[l];
    const close = h('button', { type: 'button', class: 'btn btn--small', text: tx.close });
    close.addEventListener('click', () => ctx.store.set({ net: false }));
    const csv = h('button', { type: 'button', class: 'btn btn--small', text: tx.csv });
    csv.addEventListener('click', () => {
      const text = netCsv(n, { place: (key, adcode) => endName(names, key, adcode, l), industry: (id) => t(l, `industry.${id}` as MessageKey) });
      saveBlob(new Blob([text], { type: 'text/csv;charset=utf-8' }), 'jjj-net-flows.csv');
    });
    const head = h('div', { class: 'odm__head' }, h('h2', { class: 'odm__title', text: tx.title }), h('div', { class: 'cmp__actions' }, csv, close));
    const what = (g: NetView['notNetted'][number]['group']) => groupText(l, { ...g, value: 0 }).replace(/^[^·]*·\s*/, '');
    const rows = [...n.rows.values()];
    const table = h('table', { class: 'dt cmp__table', 'data-testid': 'net-rows' },
      h('caption', { text: `${tx.title}: ${tx.gross} · ${tx.net}` }),
      h('thead', {}, h('tr', {}, ...[tx.pair, tx.industry, tx.forward, tx.backward, tx.net].map((c) => h('th', { scope: 'col', text: c })))),
      h('tbody', {}, ...(rows.length ? rows.map((r) => h('tr', { 'data-id': r.id },
        h('th', { scope: 'row', text: pairName(r, names, l) }),
        h('td', { text: `${t(l, `industry.${r.forward.industry}` as MessageKey)} · ${what(r.forward.group)}` }),
        h('td', { text: formatFigure(l, r.forward.value, r.forward.group.unit) }),
        h('td', { text: formatFigure(l, r.backward.value, r.forward.group.unit) }),
        h('td', { class: 'cmp__diff', text: r.net === 0 ? `0 (${tx.balanced})` : `${formatFigure(l, r.net, r.forward.group.unit)} (${pairName(r, names, l)})` }),
      )) : [h('tr', {}, h('td', { colspan: '5', text: tx.empty }))])),
    );
    const items = n.notNetted.map((a) => `${endName(names, a.originKey, a.origin.adcode, l)} → ${endName(names, a.destinationKey, a.destination.adcode, l)}, ${t(l, `industry.${a.industry}` as MessageKey)}: ${groupText(l, a.group)}`);
    const not = h('details', { class: 'cmp__not', 'data-testid': 'net-not' }, h('summary', { text: `${tx.not} (${items.length})` }), h('ul', {}, ...(items.length ? items : [tx.none]).map((x) => h('li', { text: x }))));
    el.replaceChildren(head, h('div', { class: 'odm__scroll' }, table), not);
  };
  return {
    el,
    update(n, s, names) {
      el.hidden = n === null;
      if (!n) return;
      if (drawn && drawn.n === n && drawn.lang === s.lang && drawn.names === names) return;
      draw(n, s.lang, names);
      drawn = { n, lang: s.lang, names };
    },
  };
}
