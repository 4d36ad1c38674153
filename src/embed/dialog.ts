/**
 * The Embed dialog (loaded on the first click of the Embed button, button.ts): a modal <dialog> (the browser traps focus and closes it on
 * Escape) with a ready <iframe> snippet for the current view, the embed.js variant for
 * auto-height, and Copy buttons (Clipboard API, else the text is selected for Ctrl+C).
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';
import { embedState, iframeSnippet, scriptSnippet, urlFor, type EmbedOptions } from './snippet.ts';
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
    iframeBlock.area.value = iframeSnippet(urlFor(location.href, s), tr('embed.frameTitle'));
    scriptBlock.area.value = scriptSnippet(ctx.asset('embed.js'), s);
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
