/**
 * The printed sheet's words and picture (loaded after the first frame, see ./mount.ts):
 * `preparePrint` runs in `beforeprint`, synchronously — it fills the print-only section (filters,
 * what the view shows, sources, the address) and puts a 2D copy of the WebGL map in place of the
 * canvas (a WebGL canvas is not reliably printed once the browser has shown its frame).
 * Text from the data is set as text, never as HTML.
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import { filtersText } from '../ui/imageFrame.ts';
import { sourcesOf, sourceText } from '../i18n/describe.ts';
import { altSummary, altText } from '../embed/altText.ts';
import { yearExtent } from '../selectors/filter.ts';
import { printSources } from './sources.ts';

/** Sources listed on the sheet; the rest are counted (one page). */
export const PRINT_SOURCES = 6;

export function preparePrint(ctx: AppContext): void {
  const s = ctx.store.get();
  const lang = s.lang;
  const view = ctx.view();
  const names = ctx.names();
  let sheet = document.getElementById('print-sheet');
  if (!sheet) {
    sheet = document.createElement('section');
    sheet.id = 'print-sheet';
    sheet.className = 'print-sheet';
    document.querySelector('.app-main')?.after(sheet);
  }
  const line = (cls: string, label: string, text: string) => {
    const p = document.createElement('p');
    p.className = cls;
    const b = document.createElement('strong');
    b.textContent = `${label} `;
    p.append(b, text);
    return p;
  };
  const { shown, more } = printSources(sourcesOf(names, view.flows.flatMap((f) => f.sourceIds)), PRINT_SOURCES);
  const sources = document.createElement('ol');
  sources.className = 'print-sheet__sources';
  for (const src of shown) sources.append(Object.assign(document.createElement('li'), { textContent: sourceText(src) }));
  if (more) sources.append(Object.assign(document.createElement('li'), { className: 'print-sheet__more', textContent: t(lang, 'print.moreSources', { n: more }) }));
  sheet.replaceChildren(
    line('print-sheet__filters', t(lang, 'print.filters'), filtersText(s, names)),
    line('print-sheet__summary', t(lang, 'print.shows'), altText(lang, altSummary(lang, { state: s, view, names, extent: yearExtent(ctx.data()) }))),
    Object.assign(document.createElement('p'), { className: 'print-sheet__label', textContent: t(lang, 'print.sources') }),
    sources,
    line('print-sheet__url', t(lang, 'print.url'), location.href),
  );

  // The legend unfolded on paper (restored after printing).
  const legend = ctx.mapElement.querySelector<HTMLDetailsElement>('.legend > details');
  if (legend && !legend.open) {
    legend.open = true;
    legend.dataset.printOpened = 'true';
  }

  // The map as drawn now, as a 2D canvas (printed reliably) in front of the renderer's own.
  if (!ctx.renderer) return;
  const copy = ctx.renderer.copy();
  copy.className = 'print-map';
  ctx.mapElement.querySelector('.print-map')?.remove();
  ctx.mapElement.append(copy);
}

export function afterPrint(ctx: AppContext): void {
  ctx.mapElement.querySelector('.print-map')?.remove();
  const legend = ctx.mapElement.querySelector<HTMLDetailsElement>('.legend > details[data-print-opened]');
  if (legend) {
    legend.open = false;
    delete legend.dataset.printOpened;
  }
}
