import { test, expect } from './fixtures.ts';
import { waitForMap } from './helpers.ts';

const CITIES = ['Beijing', 'Tianjin', 'Hebei', 'Shijiazhuang', 'Tangshan', 'Qinhuangdao', 'Handan', 'Xingtai', 'Baoding', 'Zhangjiakou', 'Chengde', 'Cangzhou', 'Langfang', 'Hengshui'];

test('level=city: the control writes it, the table lists cities only, the totals stay', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const shown = await page.getByTestId('shown').textContent();
  await page.getByRole('radio', { name: 'Cities' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('city');
  const table = page.locator('#data-table table.dt').first();
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const ends = await table.locator('.dt-origin, .dt-destination').allTextContents();
  expect(ends.length).toBeGreaterThan(0);
  for (const e of ends) expect(CITIES, e).toContain(e);
  await expect(page.getByTestId('shown')).toHaveText(shown!);
  await page.screenshot({ path: '/tmp/shots/level-city.png' });
  // And back: the fine level names districts again.
  await page.getByRole('radio', { name: 'Districts & platforms' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBeNull();
});

test('level=county in the URL is refused with a notice; level=city from the URL', async ({ page }) => {
  await page.goto('/?lang=en&level=county');
  await waitForMap(page);
  await expect(page.locator('#notices')).toContainText('level');
  await page.goto('/?lang=zh&level=city');
  await waitForMap(page);
  await expect(page.getByRole('radio', { name: '城市' })).toBeChecked();
});
