/**
 * The loading state (issue 21, item 6): from the first paint the map area says what it is
 * loading and ticks each part off; it is gone once the map has drawn. The data and boundaries
 * are asked for by the page itself (preload), once.
 */
import { test, expect } from './fixtures.ts';
import { waitForMap } from './helpers.ts';

test('the map area says what it loads, ticks parts off, and makes way for the map', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((ok) => (release = ok));
  const asked: string[] = [];
  page.on('request', (r) => { if (/\/(data\/dataset|geo\/jjj\.topo)\.json/.test(r.url())) asked.push(new URL(r.url()).pathname); });
  await page.route('**/data/dataset.json', async (route) => { await gate; await route.continue(); });
  await page.goto('/?lang=en', { waitUntil: 'commit' });
  const box = page.locator('.map-loading');
  await expect(box).toBeVisible();
  await expect(box).toContainText('Loading the map');
  await expect(box.locator('[data-part="code"]')).toHaveAttribute('data-done', 'true');
  await expect(box.locator('[data-part="geo"]')).toHaveAttribute('data-size', /\d+ KB/);
  await expect(box.locator('[data-part="data"]')).not.toHaveAttribute('data-done', 'true');
  const width = await box.locator('.map-loading__bar > span').evaluate((e) => parseFloat((e as HTMLElement).style.width));
  expect(width).toBeGreaterThan(0);
  expect(width).toBeLessThan(100);
  await page.screenshot({ path: test.info().outputPath('loading.png') });
  release();
  await waitForMap(page);
  await expect(box).toHaveCount(0);
  // Preloaded and fetched: one request each.
  expect(asked.sort()).toEqual(['/data/dataset.json', '/geo/jjj.topo.json']);
});

test('the panel and the table work from the data while the map engine is still on its way', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((ok) => (release = ok));
  await page.addInitScript(() => localStorage.setItem('jjj-story-seen', '1'));
  // Hold back the WebGL renderer's code (MapLibre: most of a first load's bytes).
  await page.route(/\/assets\/webgl-[^/]+\.js$/, async (route) => { await gate; await route.continue(); });
  await page.goto('/?lang=en');
  const map = page.locator('#map');
  await expect(page.locator('#data-table table.dt tbody tr').first()).toBeVisible();
  await expect(page.locator('#panel').getByTestId('shown')).toContainText('flows shown');
  await expect(map).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('.map-loading')).toBeVisible();
  await expect(page.locator('#map canvas')).toHaveCount(0);
  // A filter set now takes effect at once in the panel and the address, and on the map when it comes.
  const box = page.locator('#panel input[name="industry"][value="pharma"]');
  const label = page.locator('#panel label.pt-check', { has: page.locator('input[name="industry"][value="pharma"]') });
  const n = Number(await label.locator('.pt-check__extra').textContent());
  await label.click();
  await expect(box).toBeChecked();
  await expect.poll(() => new URL(page.url()).searchParams.get('industry')).toBe('pharma');
  await expect(page.locator('#panel').getByTestId('shown')).toContainText(`${n} of`);
  await page.screenshot({ path: test.info().outputPath('panel-before-map.png') });
  release();
  await waitForMap(page);
  await expect(page.locator('.map-loading')).toHaveCount(0);
  await expect(box).toBeChecked();
  await expect(page.locator('.legend__industries li')).toHaveText(['Pharmaceuticals']);
});

test('a part that failed to load and loads on the next try clears its notice', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('jjj-story-seen', '1'));
  await page.goto('/?lang=en');
  await waitForMap(page);
  const notice = page.locator('#notices');
  const failed = 'This part of the page could not be loaded';
  // The other language's dictionary: the switch fails, says so, and the page stays in English.
  await page.route(/\/assets\/zh-[^/]+\.js$/, (route) => route.abort());
  await page.locator('#lang-switch').click();
  await expect(notice).toContainText(failed);
  await expect(page.locator('html')).toHaveAttribute('lang', /^en/);
  await page.unroute(/\/assets\/zh-[^/]+\.js$/);
  await page.locator('#lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expect(notice).not.toContainText('页面的这一部分未能加载');
  await expect(notice).not.toContainText(failed);
  // A feature's chunk (the story): the same.
  await page.route(/\/assets\/story-[^/]+\.js$/, (route) => route.abort());
  await page.locator('.story-open').click();
  await expect(notice).toContainText('页面的这一部分未能加载');
  await page.unroute(/\/assets\/story-[^/]+\.js$/);
  await page.locator('.story-open').click();
  await expect(page.locator('#story')).toBeVisible();
  await expect(notice).not.toContainText('页面的这一部分未能加载');
});
