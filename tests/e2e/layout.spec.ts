/**
 * The unfolded legend and the attribution bar are both readable (issue 20's layout defect: the
 * legend ran under the attribution at the bottom left): at 1280×720, 1440×900 and in a 640×560
 * embed. Screenshots go to test-results/ for a look.
 */
import { test, expect, type Page } from './fixtures.ts';
import { waitForMap } from './helpers.ts';

interface Box { x: number; y: number; width: number; height: number }
const overlap = (a: Box, b: Box) => !(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y);

async function boxes(page: Page) {
  return page.evaluate(() => {
    const r = (el: Element | null) => { if (!el) return null; const b = el.getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; };
    const attrib = document.querySelector('.maplibregl-ctrl-attrib');
    const text = document.querySelector('.maplibregl-ctrl-attrib-inner');
    return { legend: r(document.querySelector('.legend')), attrib: r(attrib), text: r(text), open: attrib?.classList.contains('maplibregl-compact-show') ?? false, map: r(document.getElementById('map')) };
  });
}

for (const [width, height, embed] of [[1280, 720, false], [1440, 900, false], [640, 560, true]] as const) {
  test(`legend unfolded and attribution open do not overlap at ${width}×${height}${embed ? ' (embed)' : ''}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto(`/?lang=en${embed ? '&embed=1' : ''}`);
    await waitForMap(page);
    // Unfold the legend (an embed this small starts with it folded) and open the attribution.
    const details = page.locator('.legend > details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    const attrib = page.locator('.maplibregl-ctrl-attrib');
    if (!(await attrib.evaluate((a) => a.classList.contains('maplibregl-compact-show')))) await page.locator('.maplibregl-ctrl-attrib-button').click();
    await expect(attrib).toHaveClass(/maplibregl-compact-show/);
    const b = await boxes(page);
    await page.screenshot({ path: test.info().outputPath(`layout-${width}x${height}.png`) });
    expect(b.legend && b.attrib && b.text).toBeTruthy();
    expect(overlap(b.legend!, b.attrib!)).toBe(false);
    // Both inside the map.
    for (const x of [b.legend!, b.attrib!]) {
      expect(x.x).toBeGreaterThanOrEqual(b.map!.x);
      expect(x.y + x.height).toBeLessThanOrEqual(b.map!.y + b.map!.height + 0.5);
    }
  });
}

// The 2D renderer's attribution (map/2d/controls.ts) is always open and wraps to several lines
// on a phone: the legend (folded or not) stays above it, and on desktop it wraps to the right.
for (const [width, height] of [[1280, 800], [390, 844]] as const) {
  test(`2D map: legend and attribution do not overlap at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?lang=en&renderer=2d');
    await waitForMap(page);
    const legendBox = () => page.locator('.legend').boundingBox();
    const attribBox = await page.locator('.map2d-attrib').boundingBox();
    expect(attribBox).toBeTruthy();
    expect(overlap((await legendBox())!, attribBox!)).toBe(false);
    const details = page.locator('.legend > details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await page.screenshot({ path: test.info().outputPath(`layout-2d-${width}x${height}.png`) });
    expect(overlap((await legendBox())!, attribBox!)).toBe(false);
  });
}
