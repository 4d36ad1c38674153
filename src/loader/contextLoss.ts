/**
 * A lost WebGL context (GPU reset, driver update, too many tabs) must not take the page down:
 * say so on the map, keep the table and panels working, and redraw when the browser gives the
 * context back. MapLibre rebuilds its own style on `webglcontextrestored`; the flow arcs (a
 * custom layer) re-add themselves (src/map/arcLayer.ts); here we only re-apply the highlight
 * (feature states do not survive) and tell the user.
 */
import type { AppContext } from '../app.ts';
import { t } from '../i18n/index.ts';

export function mountContextLoss(ctx: AppContext): void {
  const map = ctx.map;
  if (!map) return;
  const canvas = map.getCanvas();
  const message = document.createElement('p');
  message.className = 'map-lost';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  ctx.mapElement.append(message);
  const label = () => {
    message.textContent = t(ctx.store.get().lang, 'map.lost');
  };
  ctx.store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) label();
  });

  canvas.addEventListener('webglcontextlost', () => {
    label();
    message.hidden = false;
    ctx.mapElement.classList.add('map--lost');
    ctx.mapElement.setAttribute('aria-busy', 'true');
  });
  map.on('webglcontextrestored', () => {
    const done = () => {
      map.once('idle', () => {
        message.hidden = true;
        ctx.mapElement.classList.remove('map--lost');
        ctx.mapElement.setAttribute('aria-busy', 'false');
      });
      ctx.layers?.highlight(ctx.store.get().focus);
      map.triggerRepaint();
    };
    if (map.isStyleLoaded()) done();
    else map.once('style.load', done);
  });
}
