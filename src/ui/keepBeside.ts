/**
 * The details card must not hide the place it describes. When a card opens for a place — clicked
 * on the map, or asked for by the search, the summary or the table (a `reveal` event: where, and
 * how close) — the camera moves so that the place lies beside the card: a place asked for to the
 * middle of the free strip, at least that close; a clicked place the card covers together with
 * the other ends of its arcs, fitted into the strip no closer than the map was (geo/camera.ts
 * `freeStrip`, `panBeside`, `fitBounds`); a place already clear of the card stays where it is. The story frames its
 * own steps (`.map--story`): there only a reveal's camera is applied, as asked. (When to call it —
 * a new card, a reveal, not a shared link's first card — is ./mapView.ts's.)
 */
import type { AppContext, AppEvent } from '../app.ts';
import { fitBounds, freeStrip, panBeside, placeAt } from '../geo/camera.ts';
import { ARC_HIGHLIGHT, arcStates } from '../selectors/highlight.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { Bounds } from '../geo/region.ts';

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A place asked to be shown (the search, the summary, the table): where, and at least how close. */
export type Reveal = Extract<AppEvent, { type: 'reveal' }>;

/** Where a place stands: a drawn place's point, else a platform's, else the unit's label point. */
function pointOf(ctx: AppContext, view: ViewModel, key: string): [number, number] | null {
  const p = view.places.find((q) => q.key === key)?.place ?? ctx.data().platforms.find((q) => q.id === key);
  if (p) return [p.lon, p.lat];
  const b = ctx.boundaries;
  for (const layer of [b.prefectures, b.counties, b.region]) for (const f of layer.features) if (String(f.properties.adcode) === key) return [f.properties.label[0], f.properties.label[1]];
  return null;
}

/** Room kept around what is fitted beside the card, CSS px. */
const PAD = 36;

/** The box around a place and the other ends of the arcs it lights (selectors/highlight.ts). */
function reach(view: ViewModel, key: string, at: readonly [number, number]): Bounds {
  let [w, s, e, n] = [at[0], at[1], at[0], at[1]];
  const states = arcStates(view.arcs, key);
  view.arcs.forEach((a, i) => {
    if (states[i] !== ARC_HIGHLIGHT) return;
    for (const p of [a.origin, a.destination]) {
      w = Math.min(w, p.lon);
      e = Math.max(e, p.lon);
      s = Math.min(s, p.lat);
      n = Math.max(n, p.lat);
    }
  });
  return [[w, s], [e, n]];
}

/**
 * Move the camera for the card now showing `key`: `wanted` when the place was asked for (a
 * `reveal` event), else only if the card covers it. Loaded with the card's code (./details.ts).
 */
export function moveBeside(ctx: AppContext, card: HTMLElement, key: string, view: ViewModel, wanted: Reveal | null): void {
  const r = ctx.renderer;
  if (!r) return;
  const mapEl = ctx.mapElement;
  const now = r.getCamera();
  const at: [number, number] | null = wanted ? [wanted.at.lon, wanted.at.lat] : pointOf(ctx, view, key);
  const target = wanted && at ? { lon: at[0], lat: at[1], zoom: Math.max(now.zoom, wanted.zoom) } : now;
  let cam = wanted ? target : null;
  if (at && !card.hidden && !mapEl.classList.contains('map--story')) {
    const m = mapEl.getBoundingClientRect();
    const box = (b: DOMRect) => ({ left: b.left - m.left, top: b.top - m.top, right: b.right - m.left, bottom: b.bottom - m.top });
    // The legend on the map's left (desktop) narrows the free part…
    const legend = mapEl.querySelector<HTMLElement>(':scope > .legend:not([hidden])');
    const l = legend ? box(legend.getBoundingClientRect()) : null;
    const c = box(card.getBoundingClientRect());
    // … and the attribution along its foot.
    const attrib = mapEl.querySelector<HTMLElement>('.maplibregl-ctrl-bottom-right, .map2d-attrib');
    const foot = attrib ? box(attrib.getBoundingClientRect()).top : m.height;
    const free = { left: l && l.bottom - l.top > m.height / 2 && l.right < c.left ? l.right : 0, top: 0, right: m.width, bottom: foot > m.height / 2 ? foot : m.height };
    const size = { width: m.width, height: m.height };
    const room = freeStrip(size, c, free);
    // A place asked for goes to the middle of the free strip; a clicked one moves only if covered.
    if (wanted && room) cam = placeAt(target, size, at, [(room.left + room.right) / 2, (room.top + room.bottom) / 2]);
    else if (!wanted && room && panBeside(target, size, at, c, { free })) {
      // Covered: the place and the other ends of its arcs, fitted into the free strip — no closer than now.
      cam = fitBounds(reach(view, key, at), size, { left: room.left + PAD, right: size.width - room.right + PAD, top: room.top + PAD, bottom: size.height - room.bottom + PAD }, now.zoom);
    }
  }
  if (cam) r.setCamera(cam, { fly: !reducedMotion() });
}
