/**
 * The one owner of the page's language: static text, the language switch, and the map's labels
 * and attribution follow `lang` in the state.
 */
import type { AppContext } from '../app.ts';
import type { Lang } from '../state/viewState.ts';
import type { RendererChoice } from '../map/renderer.ts';
import { t } from '../i18n/index.ts';
import { applyStaticText } from './chrome.ts';

/** The map's attribution lines in a language, the last saying which renderer draws and why. */
export function attribution(lang: Lang, choice: RendererChoice | null): string[] {
  const lines = [t(lang, 'attribution.boundaries'), t(lang, 'attribution.context'), 'Noto Sans (SIL OFL)'];
  if (choice) lines.push(`${t(lang, `renderer.${choice.kind}`)} (${t(lang, `renderer.reason.${choice.reason}`)})`);
  return lines;
}

/** Applies the language now and on every change; the renderer (once there is one) follows. */
export function mountLanguage(ctx: Pick<AppContext, 'store' | 'renderer' | 'rendererChoice'>): void {
  const { store } = ctx;
  applyStaticText(document, store.get().lang);
  document.getElementById('lang-switch')?.addEventListener('click', () => store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }));
  store.subscribe((s, prev) => {
    if (s.lang === prev.lang) return;
    applyStaticText(document, s.lang);
    ctx.renderer?.setLang(s.lang, attribution(s.lang, ctx.rendererChoice));
  });
}
