/**
 * Words for net flows (issue 18, selectors/net.ts): a net arc's tooltip — the net in its
 * direction and the gross both ways — and the net table's. Loaded on demand with `net=1` (not in
 * the first load), so its words live here in both languages.
 */
import type { NetRow } from '../selectors/net.ts';
import type { Lang } from '../state/viewState.ts';
import { endName, groupText, type Names, type TooltipContent } from './describe.ts';
import { formatValue } from './format.ts';
import { t, type MessageKey } from './index.ts';

export const NET_TEXT = {
  zh: {
    title: '净流向', net: '净流向', gross: '总量', pair: '两地', industry: '产业 · 口径', forward: '较大方向（总量）', backward: '反方向（总量）', balanced: '两向相等，无净流向（不画）',
    not: '不可相抵（口径不同或为“超过”数）：按总量双向画出', none: '无', csv: '下载净流向 CSV', close: '关闭净流向', empty: '当前筛选下没有双向流动',
  },
  en: {
    title: 'Net flows', net: 'Net', gross: 'Gross', pair: 'Places', industry: 'Industry · definition', forward: 'Larger direction (gross)', backward: 'Other direction (gross)', balanced: 'equal both ways: no net direction (not drawn)',
    not: 'Not netted (another definition, or an "over" figure): drawn gross both ways', none: 'none', csv: 'Download net flows (CSV)', close: 'Close net flows', empty: 'No flows run both ways under these filters',
  },
} as const;

export const pairName = (r: NetRow, names: Names, l: Lang, reverse = false): string => {
  const a = endName(names, r.forward.originKey, r.forward.origin.adcode, l);
  const b = endName(names, r.forward.destinationKey, r.forward.destination.adcode, l);
  return reverse ? `${b} → ${a}` : `${a} → ${b}`;
};

export function describeNetArc(r: NetRow, names: Names, l: Lang): TooltipContent {
  const u = r.forward.group.unit;
  const tx = NET_TEXT[l];
  return {
    title: `${pairName(r, names, l)} (${tx.net})`,
    lines: [
      `${t(l, `industry.${r.forward.industry}` as MessageKey)} · ${groupText(l, { ...r.forward.group, value: 0 }).replace(/^[^·]*·\s*/, '')}`,
      `${tx.net}: ${formatValue(l, r.net, u)}`,
      `${tx.gross} ${pairName(r, names, l)}: ${formatValue(l, r.forward.value, u, r.forward.group.bound)}`,
      `${tx.gross} ${pairName(r, names, l, true)}: ${formatValue(l, r.backward.value, u, r.backward.group.bound)}`,
    ],
  };
}
