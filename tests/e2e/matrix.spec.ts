import { test, expect } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState } from '../../src/state/viewState.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { waitForMap } from './helpers.ts';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;

test('matrix=1 at city level: a table with caption and headers; Beijing→Cangzhou equals the view model\'s figure for the pair; hover lights the arc; click focuses', async ({ page }) => {
  const view = viewSelector({ analysis: ANALYSIS })(dataset, { ...defaultState('en'), level: 'city', matrix: true });
  const arcs = view.arcs.filter((a) => a.originKey === '110000' && a.destinationKey === '130900');
  expect(arcs.length).toBeGreaterThan(0);
  const byGroup = new Map<string, number>();
  for (const a of arcs) byGroup.set(a.group.key, (byGroup.get(a.group.key) ?? 0) + a.value);
  const want = Math.max(...byGroup.values());

  await page.goto('/?lang=en&level=city&matrix=1');
  await waitForMap(page);
  const table = page.getByRole('table', { name: /Origin–destination matrix/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Cangzhou' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Beijing' })).toBeVisible();
  const cell = table.locator('td[data-origin="110000"][data-destination="130900"]');
  await expect(cell).toHaveText(new RegExp(`^${formatNumber('en', want).replace(/[,.]/g, '\\$&')}\\*?$`));
  await expect(cell).toHaveAttribute('aria-label', /Beijing → Cangzhou/);
  expect(await table.locator('tbody tr').count()).toBe(view.matrix!.rows.length);
  await cell.scrollIntoViewIfNeeded();
  await cell.hover();
  await page.screenshot({ path: '/tmp/shots/matrix-hover.png', fullPage: true });
  await cell.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('focus')).toBe('130900');
});

test('matrix at the fine level scrolls inside its box and answers the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/?lang=zh&matrix=1');
  await waitForMap(page);
  const table = page.getByRole('table', { name: /起点–终点矩阵/ });
  await expect(table).toBeVisible();
  const box = page.locator('.odm__scroll');
  const [sw, cw] = await box.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(sw).toBeGreaterThan(cw);
  const first = table.locator('td[tabindex="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(table.locator('td[tabindex="0"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('focus')).not.toBeNull();
  await page.screenshot({ path: '/tmp/shots/matrix-phone.png', fullPage: false });
});
