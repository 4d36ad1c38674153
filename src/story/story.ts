/**
 * The guided story: a small card over the map that walks through data/story.csv, one step at a
 * time. Each step sets the filters (industry, years, focus, metric, tier) in the store, so the URL
 * carries `story=n` and the step's state, and moves the camera (a flight, or a jump when the
 * reader prefers reduced motion). Closing sets `story` to null and keeps whatever the map shows.
 *
 * - On for a first visit of the full page (no state in the URL but `lang`; a localStorage flag
 *   remembers the visit); never on its own in embed mode (only with `story=n` in the URL).
 * - Previous / Next buttons, ← / → keys (not while typing, on a slider, in the chart or on the
 *   map, which use the arrows themselves), a horizontal swipe on the card, clickable dots.
 * - The card never covers more than its corner (bottom-left; a bottom sheet on phones); the
 *   camera is framed in the part of the map the card leaves free.
 * - This module is loaded when the story opens (mount.ts decides); `story.csv` comes with it as
 *   text (it is validated by `npm run data`).
 */
import type { AppContext } from '../app.ts';
import { sourceTitle, type Source } from '../data/types.ts';
import { t } from '../i18n/index.ts';
import { MAX_BOUNDS, REGION_BOUNDS, type Bounds } from '../geo/region.ts';
import type { CameraView, Lang, ViewState } from '../state/viewState.ts';
import { familyRows, storyChart } from './chart.ts';
import { parseStory, type StoryStep } from './validate.ts';
import { boxAround } from './camera.ts';
import { el } from '../ui/dom.ts';
import storyCsv from '../../data/story.csv?raw';
import { NEUTRAL, openedKeys, SEEN_KEY, stateKeys, storage } from './visit.ts';

/** Arrow keys belong to these (text fields, sliders, radio groups, the year chart, the map, dialogs). */
function ownsArrows(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest(
    'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="spinbutton"], [role="listbox"], [role="menu"], [role="tablist"], [role="radiogroup"], [role="grid"], svg, dialog, .map-surface',
  );
}

export interface Story {
  /** The header's Story button: open at step 1, or move the focus into the open card. */
  openFromButton(): void;
}

/**
 * Starts the story: `from` 'page' (the page opened with a story link or as a first visit),
 * 'state' (a step asked for later: back/forward, a parent page) or 'button'.
 */
export function startStory(ctx: AppContext, opener: HTMLButtonElement, from: 'page' | 'state' | 'button'): Story {
  const { store, renderer: map, mapElement: mapEl } = ctx;
  let steps: StoryStep[] = [];
  let shown: number | null = null;
  let applying = false;
  const lang = () => store.get().lang;
  const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

  // --- The card --------------------------------------------------------------------------
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
  mapEl.append(card);

  // Overlays of the map (legend, details, attribution) make room for the card (styles.css).
  const attribution = mapEl.querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right, .map2d-attrib');
  const resize = () => {
    mapEl.style.setProperty('--story-h', `${card.offsetHeight}px`);
    if (attribution) mapEl.style.setProperty('--story-attrib', `${attribution.offsetHeight}px`);
  };
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver(resize);
    observer.observe(card);
    if (attribution) observer.observe(attribution);
  }


  const sourceIndex = () => new Map<string, Source>(ctx.published.sources.map((s) => [s.id, s]));

  function staticText(l: Lang): void {
    card.setAttribute('aria-label', t(l, 'story.label'));
    kicker.textContent = t(l, 'story.label');
    close.textContent = t(l, 'story.close');
    close.title = t(l, 'story.closeLabel');
    prev.textContent = t(l, 'story.prev');
  }

  /** Renders step `n` (1-based) in the card. */
  function render(n: number): void {
    const s = steps[n - 1]!;
    const l = lang();
    const total = steps.length;
    staticText(l);
    shown = n;
    card.hidden = false;
    card.dataset.step = String(n);
    mapEl.classList.add('map--story');
    opener.setAttribute('aria-expanded', 'true');
    progress.textContent = t(l, 'story.progress', { n, total });
    title.textContent = s.title[l];
    caption.textContent = s.caption[l];

    chartBox.replaceChildren();
    if (s.chart) chartBox.append(storyChart(familyRows(ctx.published.aggregates, s.chart), l, s.title[l]));
    chartBox.hidden = !s.chart;

    const index = sourceIndex();
    const list = s.sourceIds.flatMap((id) => (index.has(id) ? [index.get(id)!] : []));
    sourcesSummary.textContent = t(l, 'story.sources', { n: list.length });
    sourcesList.replaceChildren(
      ...list.map((src) => {
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
      }),
    );

    dots.replaceChildren(
      ...steps.map((_, i) => {
        const d = el('li', `story__dot${i + 1 === n ? ' story__dot--on' : ''}${i + 1 < n ? ' story__dot--done' : ''}`);
        d.title = t(l, 'story.goto', { n: i + 1 });
        d.addEventListener('click', () => go(i + 1, 'push'));
        return d;
      }),
    );
    const hadFocus = document.activeElement;
    prev.disabled = n === 1;
    if (hadFocus === prev && prev.disabled) next.focus();
    const last = n === total;
    next.textContent = last ? t(l, 'story.finish') : t(l, 'story.next');
    next.classList.toggle('story__next--finish', last);
    resize();
  }

  function hide(): void {
    const hadFocus = card.contains(document.activeElement);
    shown = null;
    card.hidden = true;
    delete card.dataset.step;
    mapEl.classList.remove('map--story');
    opener.setAttribute('aria-expanded', 'false');
    loosenBounds(false);
    if (hadFocus) (opener.isConnected && !opener.hidden ? opener : mapEl.querySelector<HTMLElement>('canvas'))?.focus();
  }

  // As a bottom sheet the card covers the map's lower half, and the map's max bounds would keep
  // a step's area from moving up above it: while the sheet is open the bounds reach further south.
  let loosened = false;
  function loosenBounds(sheet: boolean): void {
    if (!map || sheet === loosened) return;
    loosened = sheet;
    const [[w, south], [e, n]] = MAX_BOUNDS;
    map.setMaxBounds(sheet ? [[w, south - 10], [e, n]] : MAX_BOUNDS);
  }

  /** The camera that frames the step in the part of the map the card leaves free. */
  function cameraFor(s: StoryStep): CameraView | null {
    if (!map) return null;
    const bounds: Bounds = s.view ? boxAround(s.view) : REGION_BOUNDS;
    const m = mapEl.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    const padding = { top: 16, right: 16, bottom: 16, left: 16 };
    const sheet = c.width >= m.width * 0.9;
    loosenBounds(sheet);
    if (sheet) padding.bottom = Math.max(16, m.bottom - c.top + 8);
    else {
      padding.left = Math.max(16, c.right - m.left + 12);
      padding.right = 52; // the zoom buttons
      padding.bottom = 28; // the attribution
    }
    // The details card of a selected place (top right): leave it the side that costs less map.
    const d = mapEl.querySelector<HTMLElement>(':scope > .details:not([hidden])')?.getBoundingClientRect();
    if (d && d.width > 0) {
      const right = Math.max(padding.right, m.right - d.left + 8);
      const below = Math.max(padding.top, d.bottom - m.top + 8);
      const areaRight = (m.width - padding.left - right) * (m.height - padding.top - padding.bottom);
      const areaBelow = (m.width - padding.left - padding.right) * (m.height - below - padding.bottom);
      if (areaRight >= areaBelow) padding.right = right;
      else padding.top = below;
    }
    // Keep at least a small free area (a tiny map: frame the whole map instead).
    if (padding.left + padding.right > m.width - 80) padding.left = padding.right = 16;
    if (padding.top + padding.bottom > m.height - 80) padding.top = 16;
    if (padding.top + padding.bottom > m.height - 80) padding.bottom = 16;
    return map.cameraFor(bounds, padding) ?? s.view;
  }

  function moveCamera(s: StoryStep, instant: boolean): void {
    if (!map) return;
    const cam = cameraFor(s);
    if (!cam) return;
    card.dataset.camera = `${cam.lon.toFixed(4)},${cam.lat.toFixed(4)},${cam.zoom.toFixed(2)}`;
    const fly = !(instant || reduceMotion());
    card.dataset.motion = fly ? 'fly' : 'jump';
    map.setCamera(cam, { fly });
  }

  /** Shows step `n` and applies it: filters in the store (one history entry), then the camera. */
  function go(n: number, history: 'push' | 'replace', instant = false): void {
    if (!steps.length) return;
    const i = Math.max(1, Math.min(steps.length, n));
    const s = steps[i - 1]!;
    render(i);
    const patch: Partial<ViewState> = {
      story: i,
      industry: [...s.industry],
      years: s.years ? [s.years[0], s.years[1]] : null,
      focus: s.focus,
      metric: s.metric,
      tier: [...s.tier],
      origin: null,
      dest: null,
      category: [],
    };
    if (!map) patch.view = s.view;
    applying = true;
    try {
      store.set(patch, { history });
    } finally {
      applying = false;
    }
    moveCamera(s, instant);
  }

  function closeStory(): void {
    store.set({ story: null });
  }

  const step = (d: number) => {
    if (shown === null) return;
    if (shown + d > steps.length) closeStory();
    else if (shown + d >= 1) go(shown + d, 'push');
  };

  prev.addEventListener('click', () => step(-1));
  next.addEventListener('click', () => step(1));
  close.addEventListener('click', closeStory);
  card.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation(); // Escape elsewhere clears the map's selection; here it only closes the story.
    closeStory();
  });
  document.addEventListener('keydown', (e) => {
    if (shown === null || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || ownsArrows(e.target)) return;
    if (e.key === 'ArrowRight' && shown === steps.length) return;
    e.preventDefault();
    step(e.key === 'ArrowRight' ? 1 : -1);
  });

  // Swipe (touch or pen) across the card: left = next, right = previous.
  let swipe: { id: number; x: number; y: number } | null = null;
  card.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse') swipe = { id: e.pointerId, x: e.clientX, y: e.clientY };
  });
  card.addEventListener('pointerup', (e) => {
    if (!swipe || swipe.id !== e.pointerId) return;
    const dx = e.clientX - swipe.x;
    const dy = e.clientY - swipe.y;
    swipe = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
      if (dx < 0 && shown !== steps.length) step(1);
      else if (dx > 0) step(-1);
    }
  });
  card.addEventListener('pointercancel', () => (swipe = null));

  store.subscribe((s, before) => {
    if (s.lang !== before.lang) {
      staticText(s.lang);
      if (shown !== null) render(shown);
    }
    if (applying || s.story === before.story || !steps.length) return;
    if (s.story === null) return hide();
    const n = stepOf(s.story);
    // Back/forward: the URL already holds the step's filters and camera. A parent page
    // (setState) or another module asking for a step: apply it (after this change settles).
    if (store.lastOptions().history === 'none') render(n);
    else queueMicrotask(() => go(n, 'replace'));
  });

  /** A step number from the URL or a parent page; past the last step: the last, with a notice (as the URL parser does for other adjusted values). */
  const stepOf = (n: number): number => {
    if (n <= steps.length) return n;
    ctx.notify([{ param: 'story', value: String(n), reason: 'adjusted', to: String(steps.length) }]);
    return steps.length;
  };

  const markSeen = () => storage()?.setItem(SEEN_KEY, '1');

  function start(): void {
    const s = store.get();
    opener.setAttribute('aria-expanded', 'false');
    if (s.story === null) {
      // A first visit of the bare page (mount.ts checked): open at step 1.
      if (from === 'page') {
        markSeen();
        go(1, 'replace', true);
      }
      return;
    }
    markSeen();
    if (from === 'state') {
      // As the store subscription above does for a story that was already loaded.
      const n = stepOf(s.story);
      if (store.lastOptions().history === 'none') render(n);
      else queueMicrotask(() => go(n, 'replace'));
    } else if (stateKeys(s, openedKeys()).every((k) => NEUTRAL.includes(k))) {
      // A bare `?story=3` link: apply the step. A full link (filters, camera): show it as it is.
      go(stepOf(s.story), 'replace', true);
    } else {
      render(stepOf(s.story));
      if (s.story > steps.length) store.set({ story: steps.length }, { history: 'replace' });
    }
  }

  staticText(lang());
  steps = parseStory(storyCsv).steps;
  if (steps.length) start();
  return {
    openFromButton() {
      if (!steps.length) return;
      if (shown === null) go(1, 'push');
      next.focus();
    },
  };
}
