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
