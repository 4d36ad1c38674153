import { test, expect } from './fixtures.ts';
import { palettes } from '../../src/scales/palette.ts';
import { hex, near, project, screenshotPixels, waitForMap, watchPage } from './helpers.ts';

const VIEW = { lon: 116.4, lat: 39.2, zoom: 6.4 };
// legend=0: these tests look at the basemap, which the legend would partly cover.
const q = (lang: string) => `/?lang=${lang}&legend=0&view=${VIEW.lon},${VIEW.lat},${VIEW.zoom}`;

test('the region map renders from our own origin, without console errors', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto(q('zh'));
  await waitForMap(page);
  await expect(page.locator('h1')).toHaveText('京津冀产业转移地图');
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('prefecture fills, municipalities, sea and context are where they belong', async ({ page }) => {
  // Flows from Shunyi only (one arc, to Cangzhou): the sample points below stay clear of arcs as the data grows.
  await page.goto(`${q('zh')}&origin=110113`);
  await waitForMap(page);
  const px = await screenshotPixels(page);
  const size = { width: px.width, height: px.height };
  const colour = (lon: number, lat: number) => { const p = project(lon, lat, VIEW, size); return px.at(p.x, p.y); };
  const light = palettes.light;
  const expectColour = (got: number[], want: string, what: string) => expect(near(got, hex(want)), `${what}: got rgb(${got.join(',')}), want ${want}`).toBe(true);
  // Points chosen away from labels and borders.
  expectColour(colour(115.3, 38.55), light.region, 'Baoding (Hebei fill)');
  expectColour(colour(117.3, 40.95), light.region, 'Chengde (Hebei fill)');
  expectColour(colour(116.0, 40.3), light.municipality, 'Beijing (municipality fill)');
  expectColour(colour(120.3, 39.2), light.sea, 'Bohai sea');
  expectColour(colour(112.6, 38.8), light.context, 'Shanxi (context)');
});

test('Chinese and Latin labels render', async ({ page }) => {
  const darkPixelsNear = async (lon: number, lat: number) => {
    const px = await screenshotPixels(page);
    const c = project(lon, lat, VIEW, { width: px.width, height: px.height });
    let n = 0;
    for (let dx = -30; dx <= 30; dx++) for (let dy = -8; dy <= 8; dy++) { const [r, g, b] = px.at(c.x + dx, c.y + dy); if (r + g + b < 300) n++; }
    return n;
  };
  await page.goto(q('zh'));
  await waitForMap(page);
  // A CJK font is available to the page, and text is drawn at Baoding's label.
  expect(await page.evaluate(() => document.fonts.check('14px "Noto Sans CJK SC"', '保定'))).toBe(true);
  const zhInk = await darkPixelsNear(115.2, 39.0);
  expect(zhInk).toBeGreaterThan(20);
  await page.goto(q('en'));
  await waitForMap(page);
  const enInk = await darkPixelsNear(115.2, 39.0);
  expect(enInk).toBeGreaterThan(20);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GS(2024)0650');
});

test('without WebGL the 2D renderer draws the map: no uncaught error, MapLibre never downloaded', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl')) return null;
      return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof original;
  });
  await page.goto('/?lang=en');
  await waitForMap(page);
  await expect(page.locator('#map canvas.map2d-canvas')).toBeVisible();
  await expect(page.locator('#map')).not.toContainText('cannot show the interactive map');
  expect(requested.filter((u) => /maplibre|\/webgl-/.test(u))).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test.describe('the renderer choice on this machine (software GL)', () => {
  test.use({ gpu: false });
  test('software WebGL chooses the 2D renderer; renderer=webgl forces MapLibre', async ({ page }) => {
    await page.goto('/?lang=en');
    await waitForMap(page);
    await expect(page.locator('#map canvas.map2d-canvas')).toBeVisible();
    await expect(page.locator('#map .map2d-attrib')).toContainText('no graphics card');
    await page.goto('/?lang=en&renderer=webgl');
    await waitForMap(page);
    await expect(page.locator('#map canvas.maplibregl-canvas')).toBeVisible();
    await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('as the address asks');
  });
});
