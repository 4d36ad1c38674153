/**
 * Pointer and keyboard on the map: hover shows a tooltip and a transient highlight; a click on
 * a place or platform selects it (state.focus), on an arc shows it and emits `select`; Escape or
 * a click on empty map clears. The camera is mirrored in the URL (replace, not push).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppContext } from '../app.ts';
import type { FlowLayers, Hit } from './flowLayers.ts';
import { createTooltip } from '../ui/tooltip.ts';
import { describeArc, describePlace, describePlatform } from '../ui/describe.ts';

export function mountMapInteraction(ctx: AppContext, map: MapLibreMap, layers: FlowLayers): void {
  const { store } = ctx;
  const tooltip = createTooltip(ctx.mapElement);
  const describe = (hit: Hit) => {
    const lang = store.get().lang;
    const names = ctx.names();
    return hit.kind === 'arc' ? describeArc(hit.arc, names, lang) : hit.kind === 'place' ? describePlace(hit.place, names, lang) : describePlatform(hit.platform, names, lang);
  };
  const keyOf = (hit: Hit) => (hit.kind === 'place' ? hit.place.key : hit.kind === 'platform' ? hit.platform.id : null);

  map.on('moveend', () => {
    const c = map.getCenter();
    store.set({ view: { lon: c.lng, lat: c.lat, zoom: map.getZoom() } }, { history: 'replace' });
  });

  let frame = 0;
  map.on('mousemove', (e) => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const focus = store.get().focus;
      const hit = layers.pick(e);
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
      if (!hit) {
        tooltip.hide();
        layers.highlight(focus);
        return;
      }
      tooltip.show(describe(hit), e.point.x, e.point.y);
      if (focus === null) {
        if (hit.kind === 'arc') layers.highlight(null, hit.arc.id);
        else layers.highlight(keyOf(hit));
      }
    });
  });
  map.on('mouseout', () => {
    cancelAnimationFrame(frame);
    tooltip.hide();
    layers.highlight(store.get().focus);
  });
  map.on('click', (e) => {
    const hit = layers.pick(e);
    if (!hit) {
      tooltip.hide();
      // A click on a prefecture selects it (again: clears); elsewhere it clears the selection.
      const area = map.queryRenderedFeatures([e.point.x, e.point.y], { layers: ['prefecture-fill'] })[0];
      const key = area ? String(area.properties.adcode) : null;
      store.set({ focus: key !== null && key !== store.get().focus ? key : null });
      return;
    }
    ctx.emit({ type: 'select', hit });
    const key = keyOf(hit);
    if (key !== null) store.set({ focus: key });
    else if (hit.kind === 'arc') {
      tooltip.show(describe(hit), e.point.x, e.point.y);
      layers.highlight(null, hit.arc.id);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    tooltip.hide();
    store.set({ focus: null });
    layers.highlight(null);
  });
}
