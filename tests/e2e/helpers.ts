import { expect, type Page, type ConsoleMessage } from './fixtures.ts';
import { PNG } from 'pngjs';

/** Web Mercator: pixel of [lon, lat] in a map of `size` centred on `view` (MapLibre's 512 px tiles). */
export function project(lon: number, lat: number, view: { lon: number; lat: number; zoom: number }, size: { width: number; height: number }) {
  const scale = 512 * 2 ** view.zoom;
  const x = (l: number) => ((l + 180) / 360) * scale;
  const y = (p: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (p * Math.PI) / 360)) / Math.PI) / 2) * scale;
  return { x: size.width / 2 + x(lon) - x(view.lon), y: size.height / 2 + y(lat) - y(view.lat) };
}

export async function waitForMap(page: Page): Promise<void> {
  await expect(page.locator('#map')).toHaveAttribute('aria-busy', 'false', { timeout: 45_000 });
}

/** Records console errors, page errors and every request that leaves the page's origin. */
export function watchPage(page: Page, origin: string) {
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (m: ConsoleMessage) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  });
  return { errors, external };
}

export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
}

export async function screenshotPixels(page: Page, selector = '#map'): Promise<Pixels> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  return {
    width: png.width,
    height: png.height,
    at(x, y) {
      const i = (Math.round(y) * png.width + Math.round(x)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    },
  };
}

export function hex(c: string): [number, number, number] {
  const n = parseInt(c.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function near(a: readonly number[], b: readonly number[], tol = 6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
}
