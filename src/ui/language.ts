/**
 * The one owner of the page's language: static text, the language switch, and the map's labels
 * and attribution follow `lang` in the state.
 */
import type { AppContext } from '../app.ts';
import type { Lang } from '../state/viewState.ts';
import { t } from '../i18n/index.ts';
import { applyStaticText } from './chrome.ts';

/** The map's attribution lines in a language. */
export const attribution = (lang: Lang): string[] => [t(lang, 'attribution.boundaries'), t(lang, 'attribution.context'), 'Noto Sans (SIL OFL)'];

/** Applies the language now and on every change; the renderer (once there is one) follows. */
export function mountLanguage(ctx: Pick<AppContext, 'store' | 'renderer'>): void {
  const { store } = ctx;
  applyStaticText(document, store.get().lang);
  document.getElementById('lang-switch')?.addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));
  store.subscribe((s, prev) => {
    if (s.lang === prev.lang) return;
    applyStaticText(document, s.lang);
    ctx.renderer?.setLang(s.lang, attribution(s.lang));
  });
}
