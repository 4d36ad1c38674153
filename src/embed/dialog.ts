/**
 * The Embed dialog (loaded on the first click of the Embed button, button.ts): a modal <dialog> (the browser traps focus and closes it on
 * Escape) with a ready <iframe> snippet for the current view, the embed.js variant for
 * auto-height, and Copy buttons (Clipboard API, else the text is selected for Ctrl+C).
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';
import { embedState, fullMapState, iframeSnippet, scriptSnippet, urlFor, type EmbedOptions, type Fallback } from './snippet.ts';
import { altSummary, altText } from './altText.ts';
import { PICTURE, picturePath } from './pictures.ts';
import { computeView } from '../selectors/view.ts';
import { yearExtent } from '../selectors/filter.ts';
import { defaultState } from '../state/viewState.ts';
import { h } from '../ui/dom.ts';

export function buildDialog(ctx: AppContext): HTMLDialogElement {
  const lang = ctx.store.get().lang;
  const tr = (k: Parameters<typeof t>[1]) => t(lang, k);
  const now = ctx.store.get();
  const opts: EmbedOptions = { controls: now.controls, legend: now.legend, view: true, story: false };

  const dialog = h('dialog', { class: 'embed-dialog', 'aria-labelledby': 'embed-dialog-title' });
  // Escape closes the dialog (native); keep it from also clearing the map's selection.
  dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') e.stopPropagation(); });

  const block = (id: string, labelText: string, rows: number) => {
    const area = h('textarea', { id, readonly: '', rows: String(rows), spellcheck: 'false', autocomplete: 'off', class: 'embed-dialog__code' });
    const status = h('span', { class: 'embed-dialog__status', role: 'status' });
    const copy = h('button', { type: 'button', class: 'btn btn--small', text: tr('embed.copy') });
    copy.addEventListener('click', () => void copyText(area, status, lang));
    area.addEventListener('focus', () => area.select());
    return { area, node: h('div', { class: 'embed-dialog__block' }, h('label', { for: id, class: 'embed-dialog__label', text: labelText }), area, h('div', { class: 'embed-dialog__row' }, copy, status)) };
  };
  const iframeBlock = block('embed-code-iframe', tr('embed.iframeLabel'), 4);
  const scriptBlock = block('embed-code-script', tr('embed.scriptLabel'), 3);

  const update = () => {
    const s = embedState(ctx.store.get(), opts);
    const fallback = fallbackPicture(ctx, lang, urlFor(location.href, fullMapState(s)));
    const label = altText(lang, altSummary(lang, { state: s, view: ctx.view(), names: ctx.names(), extent: yearExtent(ctx.data()) }));
    iframeBlock.area.value = iframeSnippet({ src: urlFor(location.href, s), title: tr('embed.frameTitle'), label, fallback });
    scriptBlock.area.value = scriptSnippet(ctx.asset('embed.js'), s, fallback);
  };
  const check = (key: keyof EmbedOptions, text: string) => {
    const box = h('input', { type: 'checkbox' });
    box.checked = opts[key] === true;
    box.addEventListener('change', () => { opts[key] = box.checked; update(); });
    return h('label', {}, box, ' ', text);
  };
  update();

  const close = h('button', { type: 'submit', class: 'btn btn--small embed-dialog__close', text: tr('embed.close') });
  const form = h('form', { method: 'dialog' }, close);
  dialog.append(
    form,
    h('h2', { id: 'embed-dialog-title', text: tr('embed.title') }),
    h('p', { text: tr('embed.intro') }),
    h('div', { class: 'embed-dialog__opts' },
      check('controls', tr('embed.optControls')), check('legend', tr('embed.optLegend')), check('view', tr('embed.optView')),
      ...(now.story !== null ? [check('story', tr('embed.optStory'))] : [])),
    iframeBlock.node,
    h('p', { class: 'embed-dialog__note', text: tr('embed.autoHeight') }),
    scriptBlock.node,
  );
  return dialog;
}

/**
 * The picture built with the site for the default view (scripts/build-pictures.ts), described
 * by what it shows: readers without script see it, linked to the full map of the chosen view.
 */
function fallbackPicture(ctx: AppContext, lang: Lang, href: string): Fallback {
  const state = defaultState(lang);
  const alt = altText(lang, altSummary(lang, { state, view: computeView(ctx.published, state), names: ctx.names(), extent: yearExtent(ctx.published) }));
  return { href, img: ctx.asset(picturePath('default', lang, 'png')), alt, width: PICTURE.width, height: PICTURE.height };
}

async function copyText(area: HTMLTextAreaElement, status: HTMLElement, lang: Lang): Promise<void> {
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = t(lang, 'embed.copied');
  } catch {
    // No Clipboard API or no permission (e.g. an insecure origin): select it for Ctrl+C.
    area.focus();
    area.select();
    status.textContent = t(lang, 'embed.copyManual');
  }
}
