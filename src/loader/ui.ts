/**
 * "Load data" (issue 8), mounted with one line in main.ts: a planner's own CSV on the map,
 * checked in a Web Worker, previewed, then shown instead of or together with the published data.
 *
 * - Header: a "Load data" button and, while custom data is shown, what is shown and a
 *   "Back to the published data" button that restores the dataset and the view state from
 *   before the first load exactly.
 * - Dialog: drop zone, file picker, paste box, options (what `value` counts; a year for rows
 *   without one), progress with Cancel (terminates the worker), preview (mapping, first rows,
 *   every unusable row as `file:line: column: reason`), Replace / Join / Cancel.
 * - Privacy: the file goes to the worker as a Blob; nothing is fetched or sent. The URL only notes
 *   `custom=1`; opening such a link (or going Forward to it) without the data in memory shows a
 *   notice and the published data.
 * - Text from the file is only ever set with textContent.
 */
import type { AppContext } from '../app.ts';
import { loadLanguage, t, type MessageKey } from '../i18n/index.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { h as el } from '../ui/dom.ts';
import type { LoadMode } from './dataset.ts';
import type { Dialog } from './dialog.ts';

interface Shown {
  file: string;
  count: number;
  mode: LoadMode;
}

export function mountLoader(ctx: AppContext): void {
  const { store } = ctx;
  const lang = (): Lang => store.get().lang;
  const tr = (key: MessageKey, vars?: Record<string, string | number>) => t(lang(), key, vars);

  let shown: Shown | null = null;
  /** The view state before the first load, restored by "Back to the published data". */
  let before: ViewState | null = null;

  // A link with custom=1 but no data in memory (reload, shared link, Forward): say so, show the published data.
  const lostNotice = () => {
    const root = document.getElementById('notices');
    if (!root || root.querySelector('.loader-notice')) return;
    const dismiss = el('button', { type: 'button', class: 'btn btn--small', text: tr('loader.dismiss') });
    const box = el('div', { class: 'notice loader-notice', 'data-testid': 'loader-lost' }, el('p', { text: tr('loader.lostCustom') }), dismiss);
    dismiss.addEventListener('click', () => box.remove());
    root.append(box);
  };
  if (store.get().custom) {
    lostNotice();
    store.set({ custom: false }, { history: 'replace' });
  }
  store.subscribe((s, prev) => {
    if (s.custom === prev.custom) return;
    if (!s.custom && shown) {
      // Back in the browser's history, to before the data was loaded.
      shown = null;
      before = null;
      ctx.setData(ctx.published, false);
      paintChip();
    } else if (s.custom && !shown) {
      lostNotice();
      queueMicrotask(() => store.set({ custom: false }, { history: 'replace' }));
    }
  });

  const actions = document.getElementById('app-actions');
  if (!actions || store.get().embed) return;

  // Header: button, and what is shown while custom data is loaded.
  const openButton = el('button', { type: 'button', class: 'btn', id: 'loader-open', 'aria-haspopup': 'dialog' });
  const chipText = el('span', { class: 'loader-chip__text' });
  const backButton = el('button', { type: 'button', class: 'btn btn--small btn--primary', id: 'loader-back' });
  const chip = el('div', { class: 'loader-chip', id: 'loader-chip', role: 'status' }, chipText, backButton);
  chip.hidden = true;
  actions.prepend(chip, openButton);
  const paintChip = () => {
    openButton.textContent = tr('loader.button');
    openButton.title = tr('loader.buttonLabel');
    backButton.textContent = tr('loader.back');
    chip.hidden = !shown;
    if (shown) {
      const n = formatNumber(lang(), shown.count);
      chipText.textContent = tr(shown.mode === 'join' ? 'loader.customJoined' : 'loader.custom', { file: shown.file, n });
      chipText.title = chipText.textContent;
    }
  };
  paintChip();
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) paintChip();
  });
  backButton.addEventListener('click', () => {
    if (!shown) return;
    const restore = before;
    shown = null;
    before = null;
    ctx.setData(ctx.published, false);
    store.set({ ...(restore ?? store.get()), custom: false });
    paintChip();
    openButton.focus();
  });

  // The dialog's code loads on first use (it is not needed to show the map).
  // With both dictionaries: a file may name industries in either language (dialog.ts, industryLabels).
  const load = ctx.onDemand(() => Promise.all([import('./dialog.ts'), loadLanguage('zh'), loadLanguage('en')]).then(([m]) => m));
  let dialog: Promise<Dialog> | null = null;
  const open = async (): Promise<Dialog> => {
    dialog ??= load().then(({ buildDialog }) => {
      const d = buildDialog(ctx, {
        onApplied(file, count, mode, state) {
          if (!shown) before = state;
          shown = { file, count, mode };
          paintChip();
        },
      });
      document.body.append(d.el);
      d.el.addEventListener('close', () => {
        d.reset();
        openButton.focus();
      });
      return d;
    });
    // Not loaded (told to the user by onDemand): the next use tries again.
    dialog.catch(() => (dialog = null));
    const d = await dialog;
    if (!d.el.open) {
      d.relabel();
      d.el.showModal();
      d.warm();
    }
    return d;
  };
  openButton.addEventListener('click', () => open().catch(() => {}));

  // Drop a file anywhere on the page.
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth++;
    document.documentElement.classList.add('loader-dragging');
    document.documentElement.dataset.loaderDrop = tr('loader.dropPage');
  });
  document.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.documentElement.classList.remove('loader-dragging');
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    document.documentElement.classList.remove('loader-dragging');
    const file = e.dataTransfer?.files[0];
    if (file) open().then((d) => d.check(file, file.name), () => {});
  });
}

