/**
 * The full page's "Embed" button: a modal <dialog> (the browser traps focus and closes it on
 * Escape) with a ready <iframe> snippet for the current view, the embed.js variant for
 * auto-height, and Copy buttons (Clipboard API, else the text is selected for Ctrl+C).
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';
import { embedState, iframeSnippet, scriptSnippet, urlFor, type EmbedOptions } from './snippet.ts';

export function mountEmbedButton(ctx: AppContext): void {
  const actions = document.getElementById('app-actions');
  if (!actions) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'btn';
  button.id = 'embed-button';
  button.setAttribute('aria-haspopup', 'dialog');
  const label = (lang: Lang) => {
    button.textContent = t(lang, 'embed.button');
    button.title = t(lang, 'embed.buttonLabel');
  };
  label(ctx.store.get().lang);
  ctx.store.subscribe((s, prev) => { if (s.lang !== prev.lang) label(s.lang); });
  actions.prepend(button);

  let dialog: HTMLDialogElement | null = null;
  button.addEventListener('click', () => {
    dialog?.remove();
    dialog = buildDialog(ctx);
    document.body.append(dialog);
    dialog.showModal();
    dialog.addEventListener('close', () => { dialog?.remove(); dialog = null; button.focus(); });
  });
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function buildDialog(ctx: AppContext): HTMLDialogElement {
  const lang = ctx.store.get().lang;
  const tr = (k: Parameters<typeof t>[1]) => t(lang, k);
  const now = ctx.store.get();
  const opts: EmbedOptions = { controls: now.controls, legend: now.legend, view: true, story: false };

  const dialog = el('dialog', { className: 'embed-dialog' });
  dialog.setAttribute('aria-labelledby', 'embed-dialog-title');
  // Escape closes the dialog (native); keep it from also clearing the map's selection.
  dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape') e.stopPropagation(); });

  const block = (id: string, labelText: string, rows: number) => {
    const area = el('textarea', { id, readOnly: true, rows, spellcheck: false, className: 'embed-dialog__code' });
    area.setAttribute('autocomplete', 'off');
    const status = el('span', { className: 'embed-dialog__status' });
    status.setAttribute('role', 'status');
    const copy = el('button', { type: 'button', className: 'btn btn--small', textContent: tr('embed.copy') });
    copy.addEventListener('click', () => void copyText(area, status, lang));
    area.addEventListener('focus', () => area.select());
    return { area, node: el('div', { className: 'embed-dialog__block' }, el('label', { htmlFor: id, className: 'embed-dialog__label', textContent: labelText }), area, el('div', { className: 'embed-dialog__row' }, copy, status)) };
  };
  const iframeBlock = block('embed-code-iframe', tr('embed.iframeLabel'), 4);
  const scriptBlock = block('embed-code-script', tr('embed.scriptLabel'), 3);

  const update = () => {
    const s = embedState(ctx.store.get(), opts);
    iframeBlock.area.value = iframeSnippet(urlFor(location.href, s), tr('embed.frameTitle'));
    scriptBlock.area.value = scriptSnippet(ctx.asset('embed.js'), s);
  };
  const check = (key: keyof EmbedOptions, text: string) => {
    const box = el('input', { type: 'checkbox', checked: opts[key] === true });
    box.addEventListener('change', () => { opts[key] = box.checked; update(); });
    return el('label', {}, box, ' ', text);
  };
  update();

  const close = el('button', { type: 'submit', className: 'btn btn--small embed-dialog__close', textContent: tr('embed.close') });
  const form = el('form', { method: 'dialog' }, close);
  dialog.append(
    form,
    el('h2', { id: 'embed-dialog-title', textContent: tr('embed.title') }),
    el('p', { textContent: tr('embed.intro') }),
    el('div', { className: 'embed-dialog__opts' },
      check('controls', tr('embed.optControls')), check('legend', tr('embed.optLegend')), check('view', tr('embed.optView')),
      ...(now.story !== null ? [check('story', tr('embed.optStory'))] : [])),
    iframeBlock.node,
    el('p', { className: 'embed-dialog__note', textContent: tr('embed.autoHeight') }),
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
