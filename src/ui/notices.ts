/**
 * Visible notices (ignored URL options, a part of the page that failed to load, a flood of
 * messages from a parent page). Text only: values from the URL or data are set with
 * textContent, never as HTML.
 *
 * One box per cause (`data-cause`): showing a cause again replaces its box, `clearMessage`
 * removes it (e.g. once a retry succeeded). A box shows at most MAX_LINES lines and counts the
 * rest ("… and 11,997 more"), so that a link with thousands of bad options cannot make a
 * notice taller than a few lines (styles.css keeps the list clear of the map's controls).
 */
import { t } from '../i18n/index.ts';
import type { Notice } from '../state/url.ts';
import type { Lang } from '../state/viewState.ts';

/** Lines shown per notice; the rest are counted. */
export const MAX_LINES = 3;
/** Characters of a value shown in a line (the URL parser already clips values at 200). */
export const MAX_SHOWN_VALUE = 60;

/** The cause of the URL/setState notices (renderNotices). */
export const URL_CAUSE = 'url';

export interface NoticeLines {
  /** The distinct notices to show, in order, at most `max`. */
  shown: Notice[];
  /** How many more distinct notices there are. */
  more: number;
}

/** Distinct notices (same option, value and reason once), the first `max` of them and the count of the rest. */
export function noticeLines(notices: readonly Notice[], max = MAX_LINES): NoticeLines {
  const seen = new Set<string>();
  const shown: Notice[] = [];
  let more = 0;
  for (const n of notices) {
    const key = `${n.param}\u0000${n.reason}\u0000${n.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (shown.length < max) shown.push(n);
    else more++;
  }
  return { shown, more };
}

/** `param=value`, the value shortened to MAX_SHOWN_VALUE characters. */
export function noticeCode(n: Notice): string {
  const chars = [...n.value];
  const value = chars.length > MAX_SHOWN_VALUE ? `${chars.slice(0, MAX_SHOWN_VALUE).join('')}…` : n.value;
  return `${n.param}=${value}`;
}

export function noticeReason(lang: Lang, n: Notice): string {
  return n.reason === 'adjusted' ? t(lang, 'notice.adjusted', { to: n.to ?? '' }) : t(lang, `notice.${n.reason}`);
}

/** The bad URL or setState options (one box, cause `url`); an empty list removes the box. */
export function renderNotices(el: HTMLElement, lang: Lang, notices: readonly Notice[]): void {
  if (!notices.length) {
    clearMessage(el, URL_CAUSE);
    return;
  }
  const { shown, more } = noticeLines(notices);
  const title = document.createElement('p');
  title.textContent = t(lang, 'notice.title');
  const list = document.createElement('ul');
  for (const n of shown) {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = noticeCode(n);
    // The value is text from a link: isolated, so that bidirectional characters stay inside it.
    code.dir = 'auto';
    li.append(code, ` (${noticeReason(lang, n)})`);
    list.append(li);
  }
  if (more > 0) {
    const li = document.createElement('li');
    li.className = 'notice__more';
    li.textContent = t(lang, 'notice.more', { n: more.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') });
    list.append(li);
  }
  place(el, lang, URL_CAUSE, [title, list], false);
}

/** A message of the app's own, one per `cause` (shown again: replaced, not stacked), with Dismiss. */
export function renderMessage(el: HTMLElement, lang: Lang, text: string, cause = 'message'): void {
  const p = document.createElement('p');
  p.textContent = text;
  place(el, lang, cause, [p], true);
}

/** Removes the notice of `cause` (e.g. after a successful retry), if it is shown. */
export function clearMessage(el: HTMLElement, cause: string): void {
  for (const box of el.querySelectorAll<HTMLElement>(':scope > .notice')) if (box.dataset.cause === cause) box.remove();
}

function place(el: HTMLElement, lang: Lang, cause: string, content: Node[], alert: boolean): void {
  const box = document.createElement('div');
  box.className = 'notice';
  box.dataset.cause = cause;
  if (alert) box.setAttribute('role', 'alert');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn--small';
  close.textContent = t(lang, 'notice.dismiss');
  close.addEventListener('click', () => box.remove());
  box.append(...content, close);
  const old = [...el.querySelectorAll<HTMLElement>(':scope > .notice')].find((b) => b.dataset.cause === cause);
  if (old) old.replaceWith(box);
  else el.append(box);
}

export function showError(el: HTMLElement, message: string): void {
  const p = document.createElement('p');
  p.className = 'map-error';
  p.setAttribute('role', 'alert');
  p.textContent = message;
  el.replaceChildren(p);
}

/**
 * The notice area: `notify` shows notices (replacing the previous ones); they are re-rendered,
 * not dropped, when the language changes.
 */
export function noticeArea(el: HTMLElement, lang: () => Lang): { notify(notices: Notice[]): void; relabel(): void } {
  let shown: Notice[] = [];
  return {
    notify(notices) {
      renderNotices(el, lang(), (shown = notices));
    },
    relabel() {
      if (el.childElementCount) renderNotices(el, lang(), shown);
    },
  };
}
