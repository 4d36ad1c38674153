/**
 * Words for the marks of two compared periods (issue 18, selectors/changeMap.ts): an arc's or a
 * place's figure in each period and the difference, and the legend's lines. Loaded on demand
 * with the first comparison (not in the first load), so its words live here in both languages.
 */
import type { ChangeLayer, PlaceChange } from '../selectors/changeMap.ts';
import type { ChangeRow, TotalChange } from '../selectors/compare.ts';
import type { Lang } from '../state/viewState.ts';
import { endName, groupText, type Names, type TooltipContent } from './describe.ts';
import { formatFigure, formatValue } from './format.ts';
import { t, type MessageKey } from './index.ts';

export const CHANGE_TEXT = {
  zh: {
    title: '两个时期的变化', all: '全部年份', diff: '变化', up: '增加', down: '减少', none: '无变化', only: '仅在 {p}（虚线）',
    width: '线宽与圆圈：变化幅度', circles: '圆圈：地点的变化（终点实心，起点空心）', not: '{n} 项数字不可相减（累计数、年度数，或时段跨出所比时期），未画出（见对比表）',
    unmeasured: '对比时不画无该指标数值的记录', noRow: '此流向不在对比之中',
  },
  en: {
    title: 'Change between two periods', all: 'all years', diff: 'Change', up: 'increase', down: 'decrease', none: 'no change', only: 'only in {p} (dashed)',
    width: 'Width and circles: size of the change', circles: 'Circles: change at each place (destinations filled, origins ringed)', not: '{n} figures cannot be subtracted (running totals, yearly figures, or a period running outside a compared period): not drawn (see the comparison table)',
    unmeasured: 'Records with no figure in this measure are not drawn while comparing', noRow: 'This flow is not in the comparison',
  },
} as const;

export const periodText = (y: readonly [number, number] | null, l: Lang): string => (y ? (y[0] === y[1] ? String(y[0]) : `${y[0]}–${y[1]}`) : CHANGE_TEXT[l].all);
/** +12, −3; in English 亿元 as billion or million (i18n/format.ts formatFigure). */
export const signed = (l: Lang, v: number, unit = ''): string => (v > 0 ? `+${formatFigure(l, v, unit)}` : v < 0 ? `−${formatFigure(l, -v, unit)}` : '0');

function figures(l: Lang, c: Pick<ChangeLayer, 'a' | 'b'>, x: Pick<TotalChange, 'a' | 'b' | 'diff' | 'group'>): string[] {
  const v = (n: number | null) => (n === null ? '—' : formatValue(l, n, x.group.unit));
  return [`${periodText(c.a, l)}: ${v(x.a)}`, `${periodText(c.b, l)}: ${v(x.b)}`, `${CHANGE_TEXT[l].diff}: ${signed(l, x.diff, x.group.unit)}`];
}

export function describeChangeArc(row: ChangeRow | undefined, c: ChangeLayer, names: Names, l: Lang): TooltipContent | null {
  if (!row) return null;
  const lines = [`${t(l, `industry.${row.industry}` as MessageKey)} · ${groupText(l, { ...row.group, value: 0 }).replace(/^[^·]*·\s*/, '')}`, ...figures(l, c, row)];
  if (row.only) lines.push(CHANGE_TEXT[l].only.replace('{p}', periodText(row.only === 'a' ? c.a : c.b, l)));
  return { title: `${endName(names, row.originKey, row.origin.adcode, l)} → ${endName(names, row.destinationKey, row.destination.adcode, l)}`, lines };
}

export function describeChangePlace(p: PlaceChange | undefined, c: ChangeLayer, names: Names, l: Lang): TooltipContent | null {
  if (!p) return null;
  const head = t(l, p.role === 'destination' ? 'tooltip.received' : 'tooltip.sent');
  return { title: endName(names, p.key, p.place.adcode, l), lines: [head, ...p.groups.flatMap((g) => figures(l, c, g))] };
}
