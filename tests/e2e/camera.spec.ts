/**
 * One owner of the camera (src/ui/camera.ts): a camera in the address moves the map; Back to an
 * address without `view` shows the whole region again (the camera does not stay where it was).
 */
import { test, expect, type Page } from './fixtures.ts';
import { screenshotPixels, waitForMap, type Pixels } from './helpers.ts';

/** Share of a 40 × 30 grid of points whose colour differs (by more than 40 in r+g+b). */
function differing(a: Pixels, b: Pixels): number {
  let n = 0;
  for (let i = 0; i < 40; i++)
    for (let j = 0; j < 30; j++) {
      const x = ((i + 0.5) / 40) * a.width;
      const y = ((j + 0.5) / 30) * a.height;
      const [p, q] = [a.at(x, y), b.at(x, y)];
      if (Math.abs(p[0] - q[0]) + Math.abs(p[1] - q[1]) + Math.abs(p[2] - q[2]) > 40) n++;
    }
  return n / 1200;
}

/** Go to an address within the page, as a link handled by the app would (history entry + popstate). */
async function visit(page: Page, query: string) {
  await page.evaluate((q) => {
    history.pushState(null, '', `${location.pathname}${q}`);
    dispatchEvent(new PopStateEvent('popstate'));
  }, query);
  await waitForMap(page);
}

test('Back to an address without a view returns the camera to the whole region', async ({ page }) => {
  await page.goto('/?lang=en&industry=pharma&view=118.4,39.2,9');
  await waitForMap(page);
  await visit(page, '?lang=en&industry=pharma');
  // The picture of the whole region once it has settled (labels fade in, late panels mount).
  let whole = await screenshotPixels(page);
  await expect.poll(async () => {
    const next = await screenshotPixels(page);
    const d = differing(next, whole);
    whole = next;
    return d;
  }, { timeout: 15_000, intervals: [500] }).toBeLessThan(0.005);
  await visit(page, '?lang=en&industry=pharma&view=118.4,39.2,9');
  expect(differing(await screenshotPixels(page), whole)).toBeGreaterThan(0.2);
  await page.goBack();
  await waitForMap(page);
  // Labels may be placed a little differently after a zoom out (collision and fade depend on history): most of the map is as it was.
  await expect.poll(async () => differing(await screenshotPixels(page), whole), { timeout: 15_000 }).toBeLessThan(0.15);
  // The whole region is "no view": the address stays without one.
  await expect(page).toHaveURL(/\?lang=en&industry=pharma$/);
});
