/**
 * The story's entry point, with the page: the header's Story button, and the decision to open
 * the story as the page loads (visit.ts). The story itself (story.ts, its card, steps and
 * charts) is loaded when it opens: returning visitors and embedding pages do not download it.
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';
import { h } from '../ui/dom.ts';
import type { Story } from './story.ts';
import { openedKeys, opensAtStart, SEEN_KEY, storage } from './visit.ts';

export function mountStory(ctx: AppContext): void {
  const { store, mapElement: mapEl } = ctx;
  // A header button opens the story (full page only; embedded pages have no header).
  const opener = h('button', { type: 'button', class: 'btn story-open', 'aria-controls': 'story', 'aria-expanded': 'false' });
  const label = (l: Lang) => {
    opener.textContent = t(l, 'story.open');
    opener.title = t(l, 'story.openLabel');
  };
  label(store.get().lang);
  const actions = document.getElementById('app-actions');
  if (actions && !store.get().embed) actions.prepend(opener);

  const load = ctx.onDemand(() => import('./story.ts'));
  let story: Promise<Story> | null = null;
  const start = (from: 'page' | 'state' | 'button'): Promise<Story> => {
    story ??= load().then(({ startStory }) => startStory(ctx, opener, from));
    story.catch(() => (story = null));
    return story;
  };
  /** For tests: the story has decided whether to open. */
  const decided = () => (mapEl.dataset.storyReady = 'true');

  opener.addEventListener('click', () => start('button').then((s) => s.openFromButton(), () => {}));
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) label(s.lang);
    // A step asked for later (back/forward, a parent page's setState) before the story loaded.
    if (!story && s.story !== null && s.story !== prev.story) start('state').catch(() => {});
  });
  if (opensAtStart(store.get(), openedKeys(), storage()?.getItem(SEEN_KEY) !== null)) start('page').then(decided, decided);
  else decided();
}
