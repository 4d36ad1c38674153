import { test, expect } from './fixtures.ts';
import AxeBuilder from '@axe-core/playwright';
import { waitForMap } from './helpers.ts';

const modes = [
  { name: 'full', q: '' },
  { name: 'embed', q: '&embed=1' },
  { name: 'story', q: '&story=2' },
] as const;

// Each surface in both languages and both themes, paired (zh dark, en light): contrast depends on
// the theme, names and lengths on the language; the four-way product doubled the suite's time.
for (const mode of modes) {
  for (const [lang, theme] of [['zh', 'dark'], ['en', 'light']] as const) {
    test(`axe: no serious or critical violation (${mode.name}, ${lang}, ${theme})`, async ({ page }) => {
      test.setTimeout(150_000); // axe walks the whole page (table, panel); slow on a busy 2-core machine
      await page.goto(`/?lang=${lang}&theme=${theme}${mode.q}`);
      await waitForMap(page);
      const results = await new AxeBuilder({ page })
        // The WebGL canvas is drawn pixels: its text alternative is the data table.
        .exclude('.maplibregl-canvas')
        .analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
}

test('keyboard only: choose an industry, change years, choose Cangzhou, read its flows in the table', async ({ page }) => {
  // A first visit opens the guided story; this walk is about the explorer's own controls.
  await page.addInitScript(() => localStorage.setItem('jjj-story-seen', '1'));
  await page.goto('/?lang=en');
  await waitForMap(page);
  const active = () => page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement | HTMLSelectElement | null;
    return e ? `${e.tagName.toLowerCase()}|${(e as HTMLInputElement).name ?? ''}|${e.value ?? ''}|${e.className}` : '';
  });
  const tabTo = async (what: string, match: (a: string) => boolean, key = 'Tab') => {
    for (let i = 0; i < 120 && !match(await active()); i++) await page.keyboard.press(key);
    expect(match(await active()), `${what}: focus is on ${await active()}`).toBe(true);
  };
  // The first Tab lands on the skip link; the focus ring is visible (focus-visible outline).
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');

  await tabTo('pharma', (a) => a.startsWith('input|industry|pharma|'));
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/industry=pharma/);

  await tabTo('years', (a) => a.includes('pt-range__lo'));
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/years=\d{4}-\d{4}/);

  // Destination prefecture: a native select, changed with the arrow keys.
  for (let i = 0; i < 30 && !/dest=130900/.test(page.url()); i++) {
    const isDest = await page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.querySelector('option[value="130900"]') !== null);
    await page.keyboard.press(isDest ? 'ArrowDown' : 'Tab');
  }
  await expect(page).toHaveURL(/dest=130900/);
  await waitForMap(page);
  // The table now lists only flows into Cangzhou, each with its source.
  const rows = page.locator('#data-table table.dt:not(.dt--platforms) tbody tr');
  await expect(rows.first()).toBeVisible();
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) await expect(rows.nth(i)).toContainText('Cangzhou');
});
