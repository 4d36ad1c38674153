/**
 * The full page's "Embed" button. The dialog itself (dialog.ts, with the snippet builders) is
 * loaded on the first click: embedding pages and most visitors never download it.
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';
import { h } from '../ui/dom.ts';

export function mountEmbedButton(ctx: AppContext): void {
  const actions = document.getElementById('app-actions');
  if (!actions) return;
  const button = h('button', { type: 'button', class: 'btn', id: 'embed-button', 'aria-haspopup': 'dialog' });
  const label = (lang: Lang) => {
    button.textContent = t(lang, 'embed.button');
    button.title = t(lang, 'embed.buttonLabel');
  };
  label(ctx.store.get().lang);
  ctx.store.subscribe((s, prev) => { if (s.lang !== prev.lang) label(s.lang); });
  actions.prepend(button);

  const load = ctx.onDemand(() => import('./dialog.ts'));
  let dialog: HTMLDialogElement | null = null;
  button.addEventListener('click', () => {
    load().then(({ buildDialog }) => {
      dialog?.remove();
      dialog = buildDialog(ctx);
      document.body.append(dialog);
      dialog.showModal();
      dialog.addEventListener('close', () => { dialog?.remove(); dialog = null; button.focus(); });
    }, () => {});
  });
}
