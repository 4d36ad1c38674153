/**
 * Translation: `t(lang, key)` from one typed dictionary per language.
 */
import { zh, type MessageKey } from './zh.ts';
import { en } from './en.ts';
import type { Lang } from '../state/viewState.ts';

export type { MessageKey };
export const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

/** Translate `key`; `{name}` placeholders are replaced from `vars` (as text, never HTML). */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const s = dictionaries[lang][key];
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}
