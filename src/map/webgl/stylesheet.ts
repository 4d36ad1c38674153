/**
 * MapLibre's stylesheet, linked as soon as the WebGL renderer is chosen (map/create.ts), so it
 * downloads beside the renderer's code instead of after it (one round trip less on a slow
 * network). A CSS import in a lazily loaded chunk is not reliably preloaded by Vite's build, and
 * the 2D path never downloads it. Imports nothing but the file's URL.
 */
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?url';

let loaded: Promise<void> | null = null;

export function linkStylesheet(doc: Document = document): Promise<void> {
  if (loaded && doc.querySelector('link[data-maplibre]')) return loaded;
  const link = Object.assign(doc.createElement('link'), { rel: 'stylesheet', href: maplibreCss });
  link.dataset.maplibre = '';
  loaded = new Promise<void>((resolve) => {
    link.onload = link.onerror = () => resolve();
  });
  doc.head.append(link);
  return loaded;
}
