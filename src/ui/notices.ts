/**
 * Visible notices (e.g. ignored URL options). Text only: values from the URL or data are set
 * with textContent, never as HTML.
 */
import { t } from '../i18n/index.ts';
import type { Notice } from '../state/url.ts';
import type { Lang } from '../state/viewState.ts';

export function renderNotices(el: HTMLElement, lang: Lang, notices: readonly Notice[]): void {
  el.replaceChildren();
  if (!notices.length) return;
  const box = document.createElement('div');
  box.className = 'notice';
  const title = document.createElement('p');
  title.textContent = t(lang, 'notice.title');
  const list = document.createElement('ul');
  for (const n of notices) {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = `${n.param}=${n.value}`;
    li.append(code, ` (${t(lang, `notice.${n.reason}`)})`);
    list.append(li);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn--small';
  close.textContent = t(lang, 'notice.dismiss');
  close.addEventListener('click', () => el.replaceChildren());
  box.append(title, list, close);
  el.append(box);
}

/** A message of the app's own (e.g. a part of the page that failed to load), with Dismiss. */
export function renderMessage(el: HTMLElement, lang: Lang, text: string): void {
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'alert');
  const p = document.createElement('p');
  p.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn--small';
  close.textContent = t(lang, 'notice.dismiss');
  close.addEventListener('click', () => box.remove());
  box.append(p, close);
  el.replaceChildren(box);
}

export function showError(el: HTMLElement, message: string): void {
  const p = document.createElement('p');
  p.className = 'map-error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  el.replaceChildren(p);
}
