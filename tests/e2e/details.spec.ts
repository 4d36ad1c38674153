/**
 * The details card never hides the place it describes (ui/keepBeside.ts): the camera moves, at
 * the same zoom, to put the place in the free part of the map beside the card (not under the
 * legend either); a place already clear stays; a shared link's camera is kept.
 */
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { decodeBoundaries } from '../../src/geo/boundaries.ts';
import { test, expect, type Page } from './fixtures.ts';
import { project, waitForMap } from './helpers.ts';

const b = decodeBoundaries(JSON.parse(readFileSync('public/geo/jjj.topo.json', 'utf8')) as Topology);
const labelOf = (adcode: number) => [...b.prefectures.features, ...b.region.features].find((f) => f.properties.adcode === adcode)!.properties.label;
const viewOf = (url: string) => {
  const v = new URL(url).searchParams.get('view');
  if (!v) return null;
  const [lon, lat, zoom] = v.split(',').map(Number) as [number, number, number];
  return { lon, lat, zoom };
};

async function placeOnScreen(page: Page, adcode: number) {
  await expect.poll(() => viewOf(page.url()), { timeout: 20_000 }).not.toBeNull();
  const map = (await page.locator('#map').boundingBox())!;
  const [lon, lat] = labelOf(adcode);
  const p = project(lon, lat, viewOf(page.url())!, map);
  return { x: p.x + map.x, y: p.y + map.y };
}

test('a card opened for a place under it brings the place beside it, clear of the legend', async ({ page }) => {
  // Cangzhou (130900) and Tangshan (130200) lie under the card at 1280 × 800 in the region's view.
  for (const [adcode, name] of [[130900, 'Cangzhou'], [130200, 'Tangshan']] as const) {
    await page.goto(`/?lang=en&focus=${adcode}`);
    await waitForMap(page);
    await expect(page.locator('.details__title')).toHaveText(name);
    const p = await placeOnScreen(page, adcode);
    const card = (await page.locator('.details').boundingBox())!;
    const legend = (await page.locator('.legend').boundingBox())!;
    expect(p.x, `${name} left of the card`).toBeLessThan(card.x - 24);
    expect(p.x, `${name} right of the legend`).toBeGreaterThan(legend.x + legend.width);
    // The other ends of its arcs come along (Beijing's districts, fitted into the same strip).
    const beijing = await placeOnScreen(page, 110000);
    expect(beijing.x, 'Beijing beside the card').toBeLessThan(card.x);
    expect(beijing.x, 'Beijing clear of the legend').toBeGreaterThan(legend.x + legend.width);
    await page.screenshot({ path: `/tmp/shots/details-beside-${adcode}.png` });
  }
});

test('the place search puts the place in the middle of the free part of the map', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const box = page.getByRole('combobox', { name: 'Find a place' });
  await box.click();
  await box.pressSequentially('tangshan');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Tangshan');
  await box.press('Enter');
  await expect(page.locator('.details__title')).toHaveText('Tangshan');
  const p = await placeOnScreen(page, 130200);
  const card = (await page.locator('.details').boundingBox())!;
  const legend = (await page.locator('.legend').boundingBox())!;
  const middle = (legend.x + legend.width + card.x) / 2;
  expect(Math.abs(p.x - middle)).toBeLessThan(4);
  expect(viewOf(page.url())!.zoom).toBeGreaterThanOrEqual(8);
});

test('a shared link with a camera and a card keeps its camera', async ({ page }) => {
  await page.goto('/?lang=en&focus=130900&view=117.5,39.2,7');
  await waitForMap(page);
  await expect(page.locator('.details__title')).toHaveText('Cangzhou');
  await expect(page.locator('#map')).toHaveAttribute('aria-busy', 'false');
  expect(new URL(page.url()).searchParams.get('view')).toBe('117.5,39.2,7');
});
