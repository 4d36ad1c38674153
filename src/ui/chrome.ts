/**
 * Static page text: every element with `data-i18n="key"` gets its string; the document language
 * and title follow the state.
 */
import { t, type MessageKey } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';

export function applyStaticText(doc: Document, lang: Lang): void {
  doc.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  doc.title = t(lang, 'app.title');
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = t(lang, el.dataset.i18n as MessageKey);
  }
  const sw = doc.getElementById('lang-switch');
  if (sw) {
    sw.textContent = t(lang, 'lang.switch');
    sw.setAttribute('aria-label', t(lang, 'lang.switchLabel'));
    sw.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-Hans');
  }
}
