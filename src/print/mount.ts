/**
 * Printing the map (Ctrl+P, the browser's Print): one A4 page, portrait or landscape, with the
 * view, its legend, the title, the filters in words, the sources and the page's address
 * (styles.css `@media print`). This stub stays in the page's entry; the sheet's code
 * (./sheet.ts) loads once the map has first drawn, so that `beforeprint` can fill the sheet at
 * once (printing does not wait for a download).
 */
import type { AppContext } from '../app.ts';

export function mountPrint(ctx: AppContext): void {
  if (ctx.store.get().embed) return;
  let sheet: typeof import('./sheet.ts') | null = null;
  const load = ctx.onDemand(() => import('./sheet.ts'));
  const off = ctx.on((e) => {
    if (e.type !== 'render') return;
    off();
    const start = () => load().then((m) => (sheet = m), () => {});
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 500);
  });
  addEventListener('beforeprint', () => sheet?.preparePrint(ctx));
  addEventListener('afterprint', () => sheet?.afterPrint(ctx));
}
