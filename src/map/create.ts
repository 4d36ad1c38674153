/**
 * Loads and creates a renderer. Each implementation is its own chunk, so a page downloads
 * only the renderer it uses (the 2D path never downloads MapLibre). `load` can start before
 * the data has arrived; `create` then waits for it.
 */
import type { Renderer, RendererKind, RendererOptions } from './renderer.ts';
import { linkStylesheet } from './webgl/stylesheet.ts';

type Factory = (o: RendererOptions) => Promise<Renderer>;

/** Starts downloading a renderer's code. */
/** One loader per renderer, each its own import(): Vite preloads only the chosen chunk's files. */
const loaders: Record<RendererKind, () => Promise<Factory>> = {
  // MapLibre's stylesheet downloads beside the code; the renderer is created once both are here.
  webgl: () => Promise.all([import('./webgl/index.ts'), linkStylesheet()]).then(([m]) => m.createWebglRenderer),
  '2d': () => import('./2d/index.ts').then((m) => m.create2dRenderer),
};

export function loadRenderer(kind: RendererKind): Promise<Factory> {
  return loaders[kind]();
}
