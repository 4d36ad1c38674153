/**
 * The story's card: its DOM (built once) and the rendering of one step into it — title,
 * caption, chart, sources, progress dots, Previous/Next. Text is set with textContent only.
 */
import { sourceTitle, type Aggregate, type Source } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';
import { el } from '../ui/dom.ts';
import { familyRows, storyChart } from './chart.ts';
import type { StoryStep } from './validate.ts';

export interface StoryCard {
  el: HTMLElement;
  close: HTMLButtonElement;
  prev: HTMLButtonElement;
  next: HTMLButtonElement;
  /** The card's fixed words (label, Close, Previous) in `lang`. */
  staticText(lang: Lang): void;
  /** Shows step `n` (1-based) of `steps`; a click on a dot calls `onDot` with its step. */
  render(steps: readonly StoryStep[], n: number, lang: Lang, onDot: (n: number) => void): void;
}

export interface StoryCardData {
  sources: readonly Source[];
  aggregates: readonly Aggregate[];
}

export function storyCard(data: StoryCardData): StoryCard {
  const card = el('section', 'story');
  card.hidden = true;
  card.setAttribute('role', 'region');
  card.id = 'story';
  const top = el('div', 'story__top');
  const kicker = el('p', 'story__kicker');
  const close = el('button', 'btn btn--small story__close');
  close.type = 'button';
  top.append(kicker, close);
  const live = el('div', 'story__live');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const progress = el('p', 'story__progress');
  const dots = el('ol', 'story__dots');
  dots.setAttribute('aria-hidden', 'true');
  const meta = el('div', 'story__meta');
  meta.append(progress, dots);
  const title = el('h2', 'story__title');
  const caption = el('p', 'story__caption');
  live.append(meta, title, caption);
  const chartBox = el('div', 'story__chart');
  const sources = el('details', 'story__sources');
  sources.open = !matchMedia('(max-width: 640px)').matches;
  const sourcesSummary = el('summary', 'story__sources-summary');
  const sourcesList = el('ul', 'story__sources-list');
  sources.append(sourcesSummary, sourcesList);
  const nav = el('div', 'story__nav');
  const prev = el('button', 'btn story__prev');
  prev.type = 'button';
  const next = el('button', 'btn btn--primary story__next');
  next.type = 'button';
  nav.append(prev, next);
  card.append(top, live, chartBox, sources, nav);

  const sourceIndex = new Map<string, Source>(data.sources.map((s) => [s.id, s]));

  const staticText = (l: Lang) => {
    card.setAttribute('aria-label', t(l, 'story.label'));
    kicker.textContent = t(l, 'story.label');
    close.textContent = t(l, 'story.close');
    close.title = t(l, 'story.closeLabel');
    prev.textContent = t(l, 'story.prev');
  };

  const sourceItem = (src: Source) => {
    const li = el('li', '');
    const text = `${src.publisher}, ${src.date}`;
    const href = src.url ?? src.archivedUrl;
    if (href && /^https?:\/\//.test(href)) {
      const a = el('a', '', text);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer external';
      a.title = sourceTitle(src) ?? '';
      li.append(a);
    } else {
      li.textContent = text;
      li.title = sourceTitle(src) ?? '';
    }
    return li;
  };

  function render(steps: readonly StoryStep[], n: number, l: Lang, onDot: (n: number) => void): void {
    const s = steps[n - 1]!;
    const total = steps.length;
    staticText(l);
    card.hidden = false;
    card.dataset.step = String(n);
    progress.textContent = t(l, 'story.progress', { n, total });
    title.textContent = s.title[l];
    caption.textContent = s.caption[l];

    chartBox.replaceChildren();
    if (s.chart) chartBox.append(storyChart(familyRows(data.aggregates, s.chart), l, s.title[l]));
    chartBox.hidden = !s.chart;

    const list = s.sourceIds.flatMap((id) => (sourceIndex.has(id) ? [sourceIndex.get(id)!] : []));
    sourcesSummary.textContent = t(l, 'story.sources', { n: list.length });
    sourcesList.replaceChildren(...list.map(sourceItem));

    dots.replaceChildren(
      ...steps.map((_, i) => {
        const d = el('li', `story__dot${i + 1 === n ? ' story__dot--on' : ''}${i + 1 < n ? ' story__dot--done' : ''}`);
        d.title = t(l, 'story.goto', { n: i + 1 });
        d.addEventListener('click', () => onDot(i + 1));
        return d;
      }),
    );
    const hadFocus = document.activeElement;
    prev.disabled = n === 1;
    if (hadFocus === prev && prev.disabled) next.focus();
    const last = n === total;
    next.textContent = last ? t(l, 'story.finish') : t(l, 'story.next');
    next.classList.toggle('story__next--finish', last);
  }

  return { el: card, close, prev, next, staticText, render };
}
