/**
 * Numbers, units, bounds and periods per language. Thousands separators; decimals kept as
 * published (never rounded away: 3,671.58 stays 3,671.58).
 */
import { hasMessage, t, type MessageKey } from './index.ts';
import type { Lang } from '../state/viewState.ts';

const formatters = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(lang: Lang, v: number): string {
  let f = formatters.get(lang);
  if (!f) formatters.set(lang, (f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 4 })));
  return f.format(v);
}

export type Bound = 'exact' | 'at-least' | 'about';

/**
 * A figure's number as its unit is written: in English 亿元 (100 million yuan) in billions from
 * 10 亿 up, else in millions ("44.3 billion", "150 million"; the decimals as published, shifted);
 * otherwise the number ("443" 亿元 in Chinese).
 */
export function formatFigure(lang: Lang, v: number, unit: string): string {
  if (lang === 'zh' || unit !== 'cny-100m') return formatNumber(lang, v);
  const big = Math.abs(v) >= 10;
  return `${formatNumber(lang, big ? v / 10 : v * 100)} ${big ? 'billion' : 'million'}`;
}

/** "超过 6,000 个项目", "over 6,000 projects", "3,671.58 亿元", "over CNY 44.3 billion" (the bound comes first in both languages). */
export function formatValue(lang: Lang, v: number, unit: string, bound: Bound = 'exact'): string {
  const singular = `unit.${unit}.one` as MessageKey;
  // "1 project", "about 1 project"; "over 1 projects" stays plural (more than one).
  const key = v === 1 && bound !== 'at-least' && hasMessage(lang, singular) ? singular : (`unit.${unit}` as MessageKey);
  return t(lang, `bound.${bound}` as MessageKey, { v: t(lang, key, { v: formatFigure(lang, v, unit) }) });
}

/** A record's period note in `lang`; the English one where no Chinese was given (a planner's own file may have only one). */
export function periodNoteIn(lang: Lang, r: { periodNote: string | null; periodNoteZh: string | null }): string | null {
  return lang === 'zh' ? (r.periodNoteZh ?? r.periodNote) : (r.periodNote ?? r.periodNoteZh);
}

export function formatPeriod(lang: Lang, a: number, b: number, note?: string | null): string {
  const p = a === b ? t(lang, 'period.single', { a }) : t(lang, 'period.range', { a, b });
  if (!note) return p;
  return lang === 'zh' ? `${p}（${note}）` : `${p} (${note})`;
}
