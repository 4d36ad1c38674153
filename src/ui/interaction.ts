/**
 * Pointer and keyboard on the map, on the app's side of the renderer seam (works the same for
 * every renderer): hover shows a tooltip and a transient highlight; a click on a place or
 * platform selects it (state.focus), on an arc shows it and emits `select`, on a prefecture
 * selects it (again: clears); a click on empty map or Escape clears. A drag is not a click.
 */
import type { AppContext } from '../app.ts';
import type { Hit, Renderer, ScreenPoint } from '../map/renderer.ts';
import { createTooltip } from './tooltip.ts';
import { describeArc, describeIntake, describePlace, describePlatform, describeUnmeasured } from '../i18n/describe.ts';

/** A press that moved further than this (CSS px) was a drag, not a click. */
const CLICK_SLOP = 4;

export function mountMapInteraction(ctx: AppContext, renderer: Renderer): void {
  const { store } = ctx;
  const el = ctx.mapElement;
  const surface = renderer.surface;
  const tooltip = createTooltip(el);
  const describe = (hit: Hit) => {
    const lang = store.get().lang;
    const names = ctx.names();
    switch (hit.kind) {
      case 'arc':
        return describeArc(hit.arc, names, lang);
      case 'unmeasured':
        return describeUnmeasured(hit.arc, names, lang, store.get().metric);
      case 'intake':
        return describeIntake(hit.cell, hit.layer, names, lang);
      case 'place':
        return describePlace(hit.place, names, lang);
      default:
        return describePlatform(hit.platform, names, lang);
    }
  };
  const keyOf = (hit: Hit) => (hit.kind === 'place' ? hit.place.key : hit.kind === 'platform' ? hit.platform.id : null);
  const at = (e: MouseEvent): ScreenPoint => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  let frame = 0;
  let pressed: ScreenPoint | null = null;
  surface.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse' || e.buttons) return;
    const p = at(e);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const focus = store.get().focus;
      const hit = renderer.pick(p);
      surface.style.cursor = hit ? 'pointer' : '';
      if (!hit) {
        tooltip.hide();
        renderer.highlight(focus);
        return;
      }
      tooltip.show(describe(hit), p.x, p.y);
      if (focus === null) {
        if (hit.kind === 'arc' || hit.kind === 'unmeasured') renderer.highlight(null, hit.arc.id);
        else renderer.highlight(keyOf(hit));
      }
    });
  });
  surface.addEventListener('pointerleave', () => {
    cancelAnimationFrame(frame);
    tooltip.hide();
    renderer.highlight(store.get().focus);
  });
  // A press starts a drag or a click: the hover's tooltip and transient highlight go (a click
  // sets its own; a drag must not carry one arc lit and the rest faded across the map).
  surface.addEventListener('pointerdown', (e) => {
    pressed = at(e);
    cancelAnimationFrame(frame);
    tooltip.hide();
    renderer.highlight(store.get().focus);
  });
  surface.addEventListener('click', (e) => {
    const p = at(e);
    if (pressed && Math.hypot(p.x - pressed.x, p.y - pressed.y) > CLICK_SLOP) return;
    const hit = renderer.pick(p);
    if (!hit) {
      tooltip.hide();
      // A click on a prefecture selects it (again: clears); elsewhere it clears the selection.
      const area = renderer.areaAt(p);
      const key = area !== null ? String(area) : null;
      store.set({ focus: key !== null && key !== store.get().focus ? key : null });
      return;
    }
    // A dotted arc (no figure in this measure) is shown, not selected: embeds hear of measured marks only.
    if (hit.kind === 'intake') {
      // An intake symbol selects its prefecture (its details card shows the series year by year).
      tooltip.show(describe(hit), p.x, p.y);
      store.set({ focus: hit.cell.place.key });
      return;
    }
    if (hit.kind !== 'unmeasured') ctx.emit({ type: 'select', hit });
    const key = keyOf(hit);
    if (key !== null) store.set({ focus: key });
    else if (hit.kind === 'arc' || hit.kind === 'unmeasured') {
      tooltip.show(describe(hit), p.x, p.y);
      renderer.highlight(null, hit.arc.id);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    tooltip.hide();
    store.set({ focus: null });
    renderer.highlight(null);
  });
}
