/**
 * Pointer and keyboard on the map, on the app's side of the renderer seam (works the same for
 * every renderer): hover shows a tooltip and a transient highlight; a click on a place or
 * platform selects it (state.focus), on an arc shows it and emits `select`, on a prefecture
 * selects it (again: clears); a click on empty map or Escape clears. A drag is not a click.
 */
import type { AppContext } from '../app.ts';
import type { Hit, Renderer, ScreenPoint } from '../map/renderer.ts';
import { createTooltip } from './tooltip.ts';
import type { TooltipContent } from '../i18n/describe.ts';

/** A press that moved further than this (CSS px) was a drag, not a click. */
const CLICK_SLOP = 4;

export function mountMapInteraction(ctx: AppContext, renderer: Renderer): void {
  const { store } = ctx;
  const el = ctx.mapElement;
  const surface = renderer.surface;
  const tooltip = createTooltip(el);
  // The marks' wording loads with the first hover or click (not needed to draw the map).
  const texts = ctx.onDemand(() => import('../i18n/describe.ts'));
  const describe = (hit: Hit): Promise<TooltipContent> => {
    const lang = store.get().lang;
    const names = ctx.names();
    // Two periods compared: arcs and places say both periods and the difference (its own chunk).
    const change = ctx.view().change;
    if (change && (hit.kind === 'arc' || hit.kind === 'place')) {
      return import('./compare.ts').then((m) => {
        const c = hit.kind === 'arc' ? m.describeChangeArc(change.rows.get(hit.arc.id), change, names, lang) : m.describeChangePlace(change.places.find((p) => p.key === hit.place.key && p.role === hit.place.role), change, names, lang);
        return c ?? { title: '', lines: [m.CHANGE_TEXT[lang].noRow] };
      });
    }
    // Net flows: a net arc gives the net and the gross both ways (its own chunk).
    const netRow = hit.kind === 'arc' ? ctx.view().net?.rows.get(hit.arc.id) : undefined;
    if (netRow) return import('./compare.ts').then((m) => m.describeNetArc(netRow, names, lang));
    switch (hit.kind) {
      case 'arc':
        return texts().then((d) => d.describeArc(hit.arc, names, lang));
      case 'unmeasured': {
        const metric = store.get().metric;
        return import('../i18n/describeMore.ts').then((m) => m.describeUnmeasured(hit.arc, names, lang, metric));
      }
      case 'intake':
        return import('../i18n/describeMore.ts').then((m) => m.describeIntake(hit.cell, hit.layer, names, lang));
      case 'place':
        return texts().then((d) => d.describePlace(hit.place, names, lang));
      default:
        return texts().then((d) => d.describePlatform(hit.platform, names, lang));
    }
  };
  // A hover that has moved on while the words load wins.
  let tipSeq = 0;
  const showTip = (hit: Hit, p: ScreenPoint) => {
    const seq = ++tipSeq;
    void describe(hit).then((x) => seq === tipSeq && tooltip.show(x, p.x, p.y));
  };
  const hideTip = () => {
    tipSeq++;
    tooltip.hide();
  };
  const keyOf = (hit: Hit) => (hit.kind === 'place' ? hit.place.key : hit.kind === 'platform' ? hit.platform.id : null);
  const at = (e: MouseEvent): ScreenPoint => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };

  let frame = 0;
  let pressed: ScreenPoint | null = null;
  let hovered: string | null = null;
  const hover = (arcId: string | null) => {
    if (arcId === hovered) return;
    hovered = arcId;
    ctx.emit({ type: 'hover', arcId });
  };
  surface.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse' || e.buttons) return;
    const p = at(e);
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const focus = store.get().focus;
      const hit = renderer.pick(p);
      surface.style.cursor = hit ? 'pointer' : '';
      hover(hit?.kind === 'arc' ? hit.arc.id : null);
      if (!hit) {
        hideTip();
        renderer.highlight(focus);
        return;
      }
      showTip(hit, p);
      if (focus === null) {
        if (hit.kind === 'arc' || hit.kind === 'unmeasured') renderer.highlight(null, hit.arc.id);
        else renderer.highlight(keyOf(hit));
      }
    });
  });
  surface.addEventListener('pointerleave', () => {
    cancelAnimationFrame(frame);
    hover(null);
    hideTip();
    renderer.highlight(store.get().focus);
  });
  // A press starts a drag or a click: the hover's tooltip and transient highlight go (a click
  // sets its own; a drag must not carry one arc lit and the rest faded across the map).
  surface.addEventListener('pointerdown', (e) => {
    pressed = at(e);
    cancelAnimationFrame(frame);
    hideTip();
    renderer.highlight(store.get().focus);
  });
  surface.addEventListener('click', (e) => {
    const p = at(e);
    if (pressed && Math.hypot(p.x - pressed.x, p.y - pressed.y) > CLICK_SLOP) return;
    const hit = renderer.pick(p);
    if (!hit) {
      hideTip();
      // A click on a prefecture selects it (again: clears); elsewhere it clears the selection.
      const area = renderer.areaAt(p);
      const key = area !== null ? String(area) : null;
      store.set({ focus: key !== null && key !== store.get().focus ? key : null });
      return;
    }
    // A dotted arc (no figure in this measure) is shown, not selected: embeds hear of measured marks only.
    if (hit.kind === 'intake') {
      // An intake symbol selects its prefecture (its details card shows the series year by year).
      showTip(hit, p);
      store.set({ focus: hit.cell.place.key });
      return;
    }
    if (hit.kind !== 'unmeasured') ctx.emit({ type: 'select', hit });
    const key = keyOf(hit);
    if (key !== null) store.set({ focus: key });
    else if (hit.kind === 'arc' || hit.kind === 'unmeasured') {
      showTip(hit, p);
      renderer.highlight(null, hit.arc.id);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    hideTip();
    store.set({ focus: null });
    renderer.highlight(null);
  });
}
