/**
 * The guided story: a small card over the map that walks through data/story.csv, one step at a
 * time. Each step sets the filters (industry, years, focus, metric, tier) in the store, so the URL
 * carries `story=n` and the step's state, and moves the camera (a flight, or a jump when the
 * reader prefers reduced motion). Closing sets `story` to null and keeps whatever the map shows.
 *
 * - On for a first visit of the full page (no state in the URL but `lang`; a localStorage flag
 *   remembers the visit); never on its own in embed mode (only with `story=n` in the URL).
 * - Previous / Next buttons, clickable dots (card.ts), ← / → keys and a swipe (gestures.ts).
 * - The card never covers more than its corner (bottom-left; a bottom sheet on phones); the
 *   camera is framed in the part of the map the card leaves free (frame.ts).
 * - This module is loaded when the story opens (mount.ts decides); `story.csv` comes with it as
 *   text (it is validated by `npm run data`).
 */
import type { AppContext } from '../app.ts';
import { MAX_BOUNDS, REGION_BOUNDS } from '../geo/region.ts';
import type { CameraView, ViewState } from '../state/viewState.ts';
import { parseStory, type StoryStep } from './validate.ts';
import { boxAround } from './camera.ts';
import { storyCard } from './card.ts';
import { storyFrame } from './frame.ts';
import { bindStoryGestures } from './gestures.ts';
import storyCsv from '../../data/story.csv?raw';
import { NEUTRAL, openedKeys, SEEN_KEY, stateKeys, storage } from './visit.ts';

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
  const steps: StoryStep[] = parseStory(storyCsv).steps;
  let shown: number | null = null;
  let applying = false;
  const lang = () => store.get().lang;
  const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

  const card = storyCard(ctx.published);
  mapEl.append(card.el);

  // Overlays of the map (legend, details, attribution) make room for the card (styles.css).
  const attribution = mapEl.querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right, .map2d-attrib');
  const resize = () => {
    mapEl.style.setProperty('--story-h', `${card.el.offsetHeight}px`);
    if (attribution) mapEl.style.setProperty('--story-attrib', `${attribution.offsetHeight}px`);
  };
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver(resize);
    observer.observe(card.el);
    if (attribution) observer.observe(attribution);
  }

  /** Renders step `n` (1-based) in the card. */
  function render(n: number): void {
    shown = n;
    card.render(steps, n, lang(), (i) => go(i, 'push'));
    mapEl.classList.add('map--story');
    opener.setAttribute('aria-expanded', 'true');
    resize();
  }

  function hide(): void {
    const hadFocus = card.el.contains(document.activeElement);
    shown = null;
    card.el.hidden = true;
    delete card.el.dataset.step;
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
    const details = mapEl.querySelector<HTMLElement>(':scope > .details:not([hidden])')?.getBoundingClientRect();
    const { padding, sheet } = storyFrame(mapEl.getBoundingClientRect(), card.el.getBoundingClientRect(), details);
    loosenBounds(sheet);
    return map.cameraFor(s.view ? boxAround(s.view) : REGION_BOUNDS, padding) ?? s.view;
  }

  function moveCamera(s: StoryStep, instant: boolean): void {
    if (!map) return;
    const cam = cameraFor(s);
    if (!cam) return;
    card.el.dataset.camera = `${cam.lon.toFixed(4)},${cam.lat.toFixed(4)},${cam.zoom.toFixed(2)}`;
    const fly = !(instant || reduceMotion());
    card.el.dataset.motion = fly ? 'fly' : 'jump';
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

  const closeStory = () => store.set({ story: null });
  const step = (d: number) => {
    if (shown === null) return;
    if (shown + d > steps.length) closeStory();
    else if (shown + d >= 1) go(shown + d, 'push');
  };
  card.prev.addEventListener('click', () => step(-1));
  card.next.addEventListener('click', () => step(1));
  card.close.addEventListener('click', closeStory);
  bindStoryGestures(card.el, { open: () => shown !== null, atLast: () => shown === steps.length, step, close: closeStory });

  /** A step number from the URL or a parent page; past the last step: the last, with a notice (as the URL parser does for other adjusted values). */
  const stepOf = (n: number): number => {
    if (n <= steps.length) return n;
    ctx.notify([{ param: 'story', value: String(n), reason: 'adjusted', to: String(steps.length) }]);
    return steps.length;
  };
  /** A step asked for from outside: back/forward (the URL already holds the step's filters and camera) or a parent page / another module (apply it after this change settles). */
  const follow = (story: number) => {
    const n = stepOf(story);
    if (store.lastOptions().history === 'none') render(n);
    else queueMicrotask(() => go(n, 'replace'));
  };

  store.subscribe((s, before) => {
    if (s.lang !== before.lang) {
      card.staticText(s.lang);
      if (shown !== null) render(shown);
    }
    if (applying || s.story === before.story || !steps.length) return;
    if (s.story === null) return hide();
    follow(s.story);
  });

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
    if (from === 'state') follow(s.story);
    else if (stateKeys(s, openedKeys()).every((k) => NEUTRAL.includes(k))) {
      // A bare `?story=3` link: apply the step. A full link (filters, camera): show it as it is.
      go(stepOf(s.story), 'replace', true);
    } else {
      render(stepOf(s.story));
      if (s.story > steps.length) store.set({ story: steps.length }, { history: 'replace' });
    }
  }

  card.staticText(lang());
  if (steps.length) start();
  return {
    openFromButton() {
      if (!steps.length) return;
      if (shown === null) go(1, 'push');
      card.next.focus();
    },
  };
}
