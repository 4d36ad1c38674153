/**
 * Pan and zoom on the 2D map's canvas: d3-zoom for mouse drag, wheel (about the pointer), touch
 * pinch and double-click; arrows and +/− on the keyboard; the camera kept inside the region's
 * limits (geo/camera.ts `clampTransform`). In an embed, cooperative gestures as MapLibre's: a
 * plain wheel or one finger scrolls the page and a short message says how to move the map.
 * `moveTo` jumps or flies (van Wijk's smooth zoom, d3-interpolate's `interpolateZoom`).
 *
 * Transforms are in world px (geo/camera.ts): screen = world · k + (x, y).
 */
import { zoom as d3zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { select } from 'd3-selection';
import { interpolateZoom } from 'd3-interpolate';
import { clampTransform, type CameraLimits, type Size, type ZoomTransform } from '../../geo/camera.ts';

export interface GestureOptions {
  size(): Size;
  limits: CameraLimits;
  /** Every change of the transform; `moving` while a gesture or flight goes on. */
  onChange(t: ZoomTransform, moving: boolean): void;
  /** A move (gesture, key, jump or flight) has ended. */
  onEnd(t: ZoomTransform): void;
  /** Show a cooperative-gesture hint. */
  hint(text: string): void;
  reducedMotion: boolean;
}

export interface Gestures {
  transform(): ZoomTransform;
  /** Jump or fly to `t`; `gesture` moves one step as a gesture would (no end: the caller's motion goes on). */
  moveTo(t: ZoomTransform, o?: { fly?: boolean; gesture?: boolean }): void;
  /** Zoom by `dz` levels about the centre, eased a little. */
  zoomBy(dz: number): void;
  setLimits(l: CameraLimits): void;
  setCooperative(message: { touch: string; wheel: string } | null): void;
  /** Re-apply the limits after a resize. */
  refresh(): void;
  destroy(): void;
}

const KEY_PAN = 100;

export function attachGestures(el: HTMLElement, o: GestureOptions): Gestures {
  let limits = o.limits;
  let coop: { touch: string; wheel: string } | null = null;
  let programmatic = false;
  let flight = 0;
  let stepping = false;
  const sel = select<HTMLElement, unknown>(el);
  const clamp = (t: ZoomTransform) => clampTransform(t, o.size(), limits);
  const toD3 = (t: ZoomTransform) => zoomIdentity.translate(t.x, t.y).scale(t.k);
  const current = (): ZoomTransform => {
    const t = (el as unknown as { __zoom?: ZoomTransform }).__zoom ?? zoomIdentity;
    return { k: t.k, x: t.x, y: t.y };
  };

  const behaviour: ZoomBehavior<HTMLElement, unknown> = d3zoom<HTMLElement, unknown>()
    .extent(() => {
      const s = o.size();
      return [[0, 0], [s.width, s.height]];
    })
    .scaleExtent([2 ** limits.minZoom, 2 ** limits.maxZoom])
    .constrain((t) => {
      const c = clamp(t);
      return c.k === t.k && c.x === t.x && c.y === t.y ? t : toD3(c);
    })
    .wheelDelta((e: WheelEvent) => -e.deltaY * (e.deltaMode === 1 ? 0.05 : e.deltaMode ? 1 : 0.002) * (e.ctrlKey && Math.abs(e.deltaY) < 10 ? 10 : 1))
    .filter((e: Event) => {
      if (e.type === 'wheel') {
        const w = e as WheelEvent;
        if (coop && !(w.ctrlKey || w.metaKey)) {
          o.hint(coop.wheel);
          return false;
        }
        return true;
      }
      if (e.type === 'touchstart') return !coop || (e as TouchEvent).touches.length >= 2;
      const m = e as MouseEvent;
      return !m.ctrlKey && !m.button;
    })
    .on('zoom', (e: D3ZoomEvent<HTMLElement, unknown>) => {
      o.onChange({ k: e.transform.k, x: e.transform.x, y: e.transform.y }, !programmatic || flight !== 0 || stepping);
    })
    .on('end', (e: D3ZoomEvent<HTMLElement, unknown>) => {
      if (!programmatic) o.onEnd({ k: e.transform.k, x: e.transform.x, y: e.transform.y });
    });
  sel.call(behaviour);

  const set = (t: ZoomTransform) => {
    programmatic = true;
    try {
      behaviour.transform(sel, toD3(clamp(t)));
    } finally {
      programmatic = false;
    }
  };
  const stopFlight = () => {
    if (flight) cancelAnimationFrame(flight);
    flight = 0;
  };

  const moveTo: Gestures['moveTo'] = (target, { fly = false, gesture = false } = {}) => {
    stopFlight();
    const to = clamp(target);
    if (gesture) {
      stepping = true;
      set(to);
      stepping = false;
      return;
    }
    if (!fly || o.reducedMotion) {
      set(to);
      o.onEnd(current());
      return;
    }
    const { width, height } = o.size();
    const from = current();
    // interpolateZoom works on [centre x, centre y, view width] in world px.
    const view = (t: ZoomTransform) => [(width / 2 - t.x) / t.k, (height / 2 - t.y) / t.k, width / t.k] as [number, number, number];
    const i = interpolateZoom(view(from), view(to));
    const duration = Math.min(3000, Math.max(300, i.duration));
    const start = performance.now();
    const step = (now: number) => {
      const u = Math.min(1, (now - start) / duration);
      const e = u < 0.5 ? 2 * u * u : 1 - (-2 * u + 2) ** 2 / 2;
      const [cx, cy, w] = i(e);
      const k = width / w;
      flight = u < 1 ? requestAnimationFrame(step) : 0;
      set({ k, x: width / 2 - cx * k, y: height / 2 - cy * k });
      if (!flight) o.onEnd(current());
    };
    flight = requestAnimationFrame(step);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const t = current();
    const { width, height } = o.size();
    let next: ZoomTransform | null = null;
    const zoomed = (dz: number) => {
      const k = t.k * 2 ** dz;
      return { k, x: width / 2 - ((width / 2 - t.x) / t.k) * k, y: height / 2 - ((height / 2 - t.y) / t.k) * k };
    };
    if (e.key === 'ArrowLeft') next = { ...t, x: t.x + KEY_PAN };
    else if (e.key === 'ArrowRight') next = { ...t, x: t.x - KEY_PAN };
    else if (e.key === 'ArrowUp') next = { ...t, y: t.y + KEY_PAN };
    else if (e.key === 'ArrowDown') next = { ...t, y: t.y - KEY_PAN };
    else if (e.key === '+' || e.key === '=') next = zoomed(1);
    else if (e.key === '-' || e.key === '_') next = zoomed(-1);
    if (!next) return;
    e.preventDefault();
    moveTo(next);
  };
  el.addEventListener('keydown', onKey);

  let touchHinted = 0;
  const onTouchMove = (e: TouchEvent) => {
    if (coop && e.touches.length === 1 && performance.now() - touchHinted > 1000) {
      touchHinted = performance.now();
      o.hint(coop.touch);
    }
  };
  el.addEventListener('touchmove', onTouchMove, { passive: true });

  return {
    transform: current,
    moveTo,
    zoomBy(dz) {
      const t = current();
      const { width, height } = o.size();
      const k = t.k * 2 ** dz;
      moveTo({ k, x: width / 2 - ((width / 2 - t.x) / t.k) * k, y: height / 2 - ((height / 2 - t.y) / t.k) * k }, { fly: true });
    },
    setLimits(l) {
      limits = l;
      behaviour.scaleExtent([2 ** l.minZoom, 2 ** l.maxZoom]);
      set(current());
    },
    setCooperative(message) {
      coop = message;
      el.style.touchAction = message ? 'pan-x pan-y' : 'none';
    },
    refresh() {
      set(current());
    },
    destroy() {
      stopFlight();
      el.removeEventListener('keydown', onKey);
      el.removeEventListener('touchmove', onTouchMove);
      sel.on('.zoom', null);
    },
  };
}
