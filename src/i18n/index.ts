/**
 * Translation: `t(lang, key)` from one typed dictionary per language. A page downloads only the
 * dictionary of the language it shows: `loadLanguage` fetches one (its own chunk) before the
 * store switches to it (main.ts), so `t` stays synchronous.
 */
import type { MessageKey } from './zh.ts';
import type { Lang } from '../state/viewState.ts';

export type { MessageKey };
export type Dictionary = Record<MessageKey, string>;

const loaded: Partial<Record<Lang, Dictionary>> = {};
const importers: Record<Lang, () => Promise<Dictionary>> = {
  zh: () => import('./zh.ts').then((m) => m.zh),
  en: () => import('./en.ts').then((m) => m.en),
};

/** Fetches `lang`'s dictionary once; resolves when `t(lang, …)` can be used. */
export async function loadLanguage(lang: Lang): Promise<void> {
  loaded[lang] ??= await importers[lang]();
}

export const hasLanguage = (lang: Lang): boolean => loaded[lang] !== undefined;

/** Whether `lang`'s (loaded) dictionary has `key` (e.g. an optional singular form). */
export const hasMessage = (lang: Lang, key: string): boolean => key in (loaded[lang] ?? {});

/**
 * Translate `key`; `{name}` placeholders are replaced from `vars` (as text, never HTML). A
 * language not loaded yet falls back to one that is, then to the key itself (never throws).
 */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const s = (loaded[lang] ?? loaded.zh ?? loaded.en)?.[key] ?? key;
  return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
}
