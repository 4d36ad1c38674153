/**
 * Embed mode (`embed=1`): the map alone in a partner's iframe, and its message API.
 *
 * - `<html class="embed">`: no page header, table or skip link; compact overlays (styles.css).
 *   `controls=0` hides the panel, `legend=0` the legend (main.ts), `theme=` presets the theme.
 * - An "open full map" link: the same view on the full page, in a new tab.
 * - In a frame: cooperative gestures (Ctrl/⌘ + wheel to zoom, two fingers to pan) so that the
 *   partner's page still scrolls under a finger or a wheel.
 * - postMessage to the parent (see protocol.ts): `ready` once the map has first drawn,
 *   `resize` when the document height changes, `state` after each change, `select` on a click.
 *   Incoming `setState` goes through the URL parser like a link; all other messages are ignored.
 *
 * Outside embed mode it only adds the Embed button (button.ts; the dialog loads on first use).
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';
import type { GestureMessages } from '../map/renderer.ts';
import { applyRaw, queryString } from '../state/url.ts';
import type { Lang, ViewState } from '../state/viewState.ts';
import { parseIncoming, PROTOCOL_VERSION, selectMessage, SOURCE, urlFields, type OutgoingMessage } from './protocol.ts';
import { fullMapState, urlFor } from './snippet.ts';
import { mountEmbedButton } from './button.ts';
import { createInbox } from './inbox.ts';
import { heightMessages, type HeightMessage } from './resizers.ts';
import { renderMessage } from '../ui/notices.ts';

export function mountEmbed(ctx: AppContext): void {
  if (!ctx.store.get().embed) {
    mountEmbedButton(ctx);
    return;
  }
  const root = document.documentElement;
  root.classList.add('embed');
  const framed = window.parent !== window;

  // "Open full map": a plain link (works with a middle click, and without script in the parent).
  const bar = document.createElement('div');
  bar.className = 'embed-bar';
  const open = document.createElement('a');
  open.className = 'embed-open';
  open.target = '_blank';
  open.rel = 'noopener';
  bar.append(open);
  (ctx.mapElement.parentElement ?? document.body).append(bar);

  const applyChrome = (s: ViewState, prev: ViewState | null) => {
    root.classList.toggle('embed--no-controls', !s.controls);
    open.href = urlFor(location.href, fullMapState(s));
    if (!prev || s.lang !== prev.lang) {
      open.textContent = t(s.lang, 'embed.openFull');
      open.title = t(s.lang, 'embed.openFullLabel');
    }
  };
  applyChrome(ctx.store.get(), null);

  // In a small frame the legend starts folded (its <details>; the reader opens it with one tap).
  const offFirst = ctx.on((e) => {
    if (e.type !== 'render') return;
    offFirst();
    const details = ctx.mapElement.querySelector<HTMLDetailsElement>('.legend > details');
    if (details && (innerWidth < 900 || innerHeight < 600)) details.open = false;
  });

  if (ctx.renderer && framed) ctx.renderer.setCooperativeGestures(gestureMessages(ctx.store.get().lang));

  /*
   * targetOrigin: the parent named in `parentOrigin=` when set; otherwise '*', because the
   * map does not know who framed it and everything it posts is public anyway: the view state
   * (already in the iframe's address, which the parent chose), heights and published names.
   */
  const post = (m: OutgoingMessage | HeightMessage) => {
    if (!framed) return;
    window.parent.postMessage(m, ctx.store.get().parentOrigin ?? '*');
  };

  // resize: the height the document needs, whenever it changes (before and after `ready`).
  let height = -1;
  const measure = () => Math.ceil(root.getBoundingClientRect().height);
  const postHeight = () => {
    const h = measure();
    if (h === height) return;
    height = h;
    // Ours, Datawrapper's and AMP's shapes: CMS resizers already on the partner's page work too.
    for (const m of heightMessages(h, ctx.store.get().embedId)) post(m);
  };
  if (framed && typeof ResizeObserver === 'function') new ResizeObserver(postHeight).observe(root);

  // ready: once, when the first render has finished drawing (the map element is no longer busy).
  let ready = false;
  const postReady = () => {
    if (ready) return;
    ready = true;
    height = measure();
    const s = ctx.store.get();
    post({ source: SOURCE, type: 'ready', version: PROTOCOL_VERSION, height, query: queryString(s), state: urlFields(s) });
  };
  const offRender = ctx.on((e) => {
    if (e.type !== 'render') return;
    offRender();
    const el = ctx.mapElement;
    if (el.getAttribute('aria-busy') === 'false') return postReady();
    const mo = new MutationObserver(() => {
      if (el.getAttribute('aria-busy') !== 'false') return;
      mo.disconnect();
      postReady();
    });
    mo.observe(el, { attributes: true, attributeFilter: ['aria-busy'] });
  });

  // state: after each change, coalesced (a camera move or a setState changes several fields).
  let queued = false;
  let lastQuery = queryString(ctx.store.get());
  ctx.store.subscribe((s, prev) => {
    applyChrome(s, prev);
    if (ctx.renderer && framed && s.lang !== prev.lang) ctx.renderer.setCooperativeGestures(gestureMessages(s.lang));
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const now = ctx.store.get();
      const q = queryString(now);
      if (q === lastQuery) return;
      lastQuery = q;
      post({ source: SOURCE, type: 'state', query: q, state: urlFields(now) });
    });
  });

  ctx.on((e) => {
    if (e.type === 'select') post(selectMessage(e.hit, ctx.names()));
  });

  // setState from the parent only (not from other frames or windows), through the URL parser,
  // coalesced per frame and rate-limited (inbox.ts): a flood costs one render per frame.
  let applying = false;
  const inbox = createInbox({
    apply(payload) {
      const { state, notices } = applyRaw(ctx.store.get(), payload, ctx.known());
      applying = true;
      try {
        // The camera follows `view` (ui/camera.ts): a new view moves it, none shows the whole region.
        ctx.store.set(state, { history: 'replace' });
      } finally {
        applying = false;
      }
      // After the change: a change of language re-renders (and clears) the notices.
      if (notices.length) ctx.notify(notices);
    },
    nextFrame: nextFrame,
    later: (run, ms) => setTimeout(run, ms),
    now: () => performance.now(),
    onFlood() {
      const el = document.getElementById('notices');
      if (el) renderMessage(el, ctx.store.get().lang, t(ctx.store.get().lang, 'notice.flood'), 'flood');
    },
  });
  // The reader's own changes (a click, a drag, the panel) win over messages still waiting.
  ctx.store.subscribe((s, prev) => {
    if (applying) return;
    inbox.readerChanged((Object.keys(s) as Array<keyof ViewState>).filter((k) => s[k] !== prev[k] && JSON.stringify(s[k]) !== JSON.stringify(prev[k])));
  });
  window.addEventListener('message', (e: MessageEvent) => {
    if (!framed || e.source !== window.parent) return;
    const payload = parseIncoming(e.data, e.origin, ctx.store.get().parentOrigin);
    if (payload) inbox.push(payload);
  });
}

/**
 * The next animation frame, or 100 ms when frames do not come (browsers pause them in hidden
 * documents and throttle them in off-screen cross-origin frames).
 */
function nextFrame(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  requestAnimationFrame(once);
  setTimeout(once, 100);
}

/** Cooperative gestures' hints in the page's language. */
function gestureMessages(lang: Lang): GestureMessages {
  return { wheel: t(lang, 'embed.gestureWindows'), wheelMac: t(lang, 'embed.gestureMac'), touch: t(lang, 'embed.gestureMobile') };
}
