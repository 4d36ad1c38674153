/**
 * The WebGL renderer: MapLibre with the offline basemap (./style.ts), the custom arc layer
 * (./arcLayer.ts) and the circle layers (./flowLayers.ts), behind the seam in ../renderer.ts.
 * Everything MapLibre-specific stays here: theme repaint, label language, attribution,
 * cooperative gestures, busy tracking, and recovery from a lost WebGL context.
 */
import { AttributionControl, LngLat, LngLatBounds } from 'maplibre-gl';
import type { Renderer, RendererOptions } from '../renderer.ts';
import type { ViewModel } from '../../selectors/view.ts';
import { REGION_BOUNDS, REGION_PADDING } from '../../geo/region.ts';
import type { Lang, Theme } from '../../state/viewState.ts';
import { createMap, linkStylesheet } from './createMap.ts';
import { basemapStyle, paintProperties } from './style.ts';
import { mountFlowLayers } from './flowLayers.ts';

export async function createWebglRenderer(o: RendererOptions): Promise<Renderer> {
  const el = o.container;
  await linkStylesheet();
  let theme = o.theme;
  let lang = o.lang;
  const map = createMap({
    container: el,
    theme,
    lang,
    glyphs: `${o.asset('fonts/')}{fontstack}/{range}.pbf`,
    boundaries: o.boundaries,
    view: o.camera,
    attribution: o.attribution[0] ?? '',
    customAttribution: o.attribution.slice(1),
    reducedMotion: o.reducedMotion,
  });
  await new Promise<void>((resolve) => (map.loaded() ? resolve() : map.once('load', () => resolve())));
  map.getCanvasContainer().classList.add('map-surface');
  let attribution = map._controls.find((c): c is AttributionControl => c instanceof AttributionControl) ?? null;
  const layers = mountFlowLayers(map, { beforeId: 'county-label', theme, labels: o.boundaries.labels });
  let animated = false;
  let focus: { key: string | null; arcId: string | null } = { key: null, arcId: null };
  let drawn: ViewModel | null = null;

  /** aria-busy until the next complete frame (an animated layer never idles: the next render). */
  const busy = () => {
    el.setAttribute('aria-busy', 'true');
    map.once(animated ? 'render' : 'idle', () => el.setAttribute('aria-busy', 'false'));
    map.triggerRepaint();
  };

  mountContextLoss(map, el, () => o.lostMessage?.() ?? '', () => layers.highlight(focus.key, focus.arcId));

  const api: Renderer = {
    kind: 'webgl',
    canAnimate: true,
    surface: map.getCanvas(),
    setView(view: ViewModel) {
      drawn = view;
      layers.update(view);
      layers.highlight(focus.key, focus.arcId);
      busy();
    },
    highlight(key, arcId = null) {
      if (key === focus.key && arcId === focus.arcId) return;
      focus = { key, arcId };
      layers.highlight(key, arcId);
      busy();
    },
    setAnimated(on) {
      if (on === animated) return;
      animated = on;
      layers.setAnimated(on);
      busy();
    },
    setTheme(next: Theme) {
      if (next === theme) return;
      theme = next;
      const style = basemapStyle({ theme, lang, glyphs: '', attribution: '' });
      for (const [layer, prop, value] of paintProperties(style)) map.setPaintProperty(layer, prop as never, value as never);
      busy();
    },
    setLang(next: Lang, lines: string[]) {
      lang = next;
      const field = lang === 'zh' ? 'name_zh' : 'name_en';
      for (const id of ['prefecture-label', 'county-label', 'context-label']) map.setLayoutProperty(id, 'text-field', ['get', field]);
      if (attribution) map.removeControl(attribution);
      attribution = new AttributionControl({ compact: true, customAttribution: lines });
      map.addControl(attribution, 'bottom-right');
      busy();
    },
    getCamera() {
      const c = map.getCenter();
      return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
    },
    setCamera(camera, { fly = false } = {}) {
      if (camera === null) {
        map.fitBounds(REGION_BOUNDS, { padding: REGION_PADDING, animate: fly });
        return;
      }
      const target = { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom, bearing: 0, pitch: 0 };
      if (fly) map.flyTo({ ...target, speed: 1.4, curve: 1.42, essential: false });
      else map.jumpTo(target);
    },
    cameraFor([[w, s], [e, n]], padding) {
      const cam = map.cameraForBounds([w, s, e, n], { padding, bearing: 0 });
      if (!cam?.center) return null;
      const c = LngLat.convert(cam.center);
      return { lon: c.lng, lat: c.lat, zoom: Math.min(cam.zoom ?? map.getMaxZoom(), map.getMaxZoom()) };
    },
    setMaxBounds([[w, s], [e, n]]) {
      map.setMaxBounds(new LngLatBounds([w, s], [e, n]));
    },
    onCameraEnd(listener) {
      // A resize of the map's box is not a camera move (MapLibre fires `resize` just before its
      // `moveend`): the state's camera, or its absence, stays as it is.
      let resized = false;
      const onResize = () => (resized = true);
      const on = () => {
        if (resized) resized = false;
        else listener(api.getCamera());
      };
      map.on('resize', onResize);
      map.on('moveend', on);
      return () => {
        map.off('resize', onResize);
        map.off('moveend', on);
      };
    },
    pick(p) {
      const ll = map.unproject([p.x, p.y]);
      return layers.pick({ point: p, lngLat: ll });
    },
    areaAt(p) {
      const area = map.queryRenderedFeatures([p.x, p.y], { layers: ['prefecture-fill'] })[0];
      return area ? Number(area.properties.adcode) : null;
    },
    setCooperativeGestures(message) {
      const cg = map.cooperativeGestures;
      if (cg.isEnabled()) cg.disable();
      if (!message) return;
      Object.assign(map._locale, {
        'CooperativeGesturesHandler.WindowsHelpText': message.wheel,
        'CooperativeGesturesHandler.MacHelpText': message.wheelMac,
        'CooperativeGesturesHandler.MobileHelpText': message.touch,
      });
      cg.enable();
    },
    idle() {
      return new Promise((resolve) => {
        map.once(animated ? 'render' : 'idle', () => resolve());
        map.triggerRepaint();
      });
    },
    async svg(frame) {
      // The shared writer (map/svgExport.ts), loaded on first use: the same camera, size, theme,
      // language, highlight and view model as on screen; basemap and labels as the 2D map draws them.
      const { exportSvg } = await import('../svgExport.ts');
      return exportSvg({ boundaries: o.boundaries, view: drawn, camera: api.getCamera(), width: el.clientWidth, height: el.clientHeight, theme, lang, highlight: focus, ...frame });
    },
    smallMaps: () => import('../smallMaps.ts').then((m) => m.smallMapPainter(o.boundaries)),
    copy() {
      map.redraw();
      return copyCanvas(map.getCanvas());
    },
    snapshot() {
      // The WebGL canvas is only readable while its frame is current: copy it in `render`.
      return new Promise((resolve) => {
        map.once('render', () => resolve(copyCanvas(map.getCanvas())));
        map.triggerRepaint();
      });
    },
    destroy() {
      map.remove();
    },
  };
  return api;
}

function copyCanvas(src: HTMLCanvasElement): HTMLCanvasElement {
  const out = document.createElement('canvas');
  out.width = src.width;
  out.height = src.height;
  out.getContext('2d')!.drawImage(src, 0, 0);
  return out;
}

/**
 * A lost WebGL context (GPU reset, driver update, too many tabs) must not take the page down:
 * say so on the map and redraw when the browser gives the context back. MapLibre rebuilds its
 * own style; the arc layer re-adds itself; feature states (the highlight) are re-applied here.
 */
function mountContextLoss(map: ReturnType<typeof createMap>, el: HTMLElement, text: () => string, rehighlight: () => void): void {
  const message = document.createElement('p');
  message.className = 'map-lost';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  el.append(message);
  map.getCanvas().addEventListener('webglcontextlost', () => {
    message.textContent = text();
    message.hidden = false;
    el.classList.add('map--lost');
    el.setAttribute('aria-busy', 'true');
  });
  map.on('webglcontextrestored', () => {
    const done = () => {
      map.once('idle', () => {
        message.hidden = true;
        el.classList.remove('map--lost');
        el.setAttribute('aria-busy', 'false');
      });
      rehighlight();
      map.triggerRepaint();
    };
    if (map.isStyleLoaded()) done();
    else map.once('style.load', done);
  });
}
