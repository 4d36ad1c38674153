import { test, expect } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState } from '../../src/state/viewState.ts';
import { waitForMap } from './helpers.ts';
import { syntheticDataset } from '../../bench/planner.ts';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;

test('compare=2014-2016 beside years=2017-2020: both periods and their difference in the tables and the CSV; the rest listed as not comparable', async ({ page }) => {
  const c = viewSelector({ analysis: ANALYSIS })(dataset, { ...defaultState('en'), years: [2017, 2020], compare: [2014, 2016] }).compare!;
  await page.goto('/?lang=en&years=2017-2020&compare=2014-2016');
  await waitForMap(page);
  const section = page.getByTestId('compare');
  await expect(section).toBeVisible();
  await expect(section.getByRole('heading')).toContainText('Period A 2017–2020 · Period B 2014–2016');
  await expect(section.getByTestId('compare-rows').locator('tbody tr')).toHaveCount(c.rows.length);
  await expect(section.getByTestId('compare-totals').locator('tbody tr')).toHaveCount(c.totals.length);
  // What a difference is (of published figures), and a total in one period only is marked as such (a gap, not a zero).
  await expect(section).toContainText('a period with fewer reports shows less, not necessarily less transfer');
  const onlyB = c.totals.find((tc) => tc.a === null)!;
  expect(onlyB).toBeTruthy();
  await expect(section.getByTestId('compare-totals')).toContainText(`${onlyB.diff < 0 ? '−' : '+'}${Math.abs(onlyB.diff)} (only in B)`);
  await expect(section.getByTestId('compare-not').locator('summary')).toContainText(`(${c.notComparable.length + c.totalsNotComparable.length})`);
  if (c.rows.length) {
    const top = c.rows[0]!;
    const cells = await section.locator(`tr[data-id="${top.id}"] td`).allTextContents();
    expect(cells[cells.length - 1]).toContain(top.diff > 0 ? '+' : top.diff < 0 ? '−' : '0');
  }
  // A figure whose period runs partly outside period A (F59, a period total 2019–2023) is listed with the reason.
  expect(c.notComparable.find((n) => n.id === 'F59')).toMatchObject({ reason: 'outside', period: 'a' });
  const not = section.getByTestId('compare-not');
  await not.locator('summary').click();
  await expect(not).toContainText('(its period 2019–2023 lies partly outside Period A 2017–2020)');
  await expect(not).toContainText('(its period 2014–2020 runs into both periods)');
  await not.screenshot({ path: '/tmp/shots/compare-not.png' });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/compare.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download the comparison (CSV)' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.split('\n')[0]).toContain('period_a_2017-2020,period_b_2014-2016,difference_a_minus_b');
  expect(text.trim().split('\n').length).toBe(1 + c.rows.length + c.notComparable.length);
  expect(text.split('\n')[0]).toContain('only_in,not_comparable_reason,figure_years,figure_not_differenced');
  expect(text).toMatch(/,no,a,outside,2019-2023,210\r?\n/);
});

test('the panel\'s "Compare with another period" switch (keyboard) and year selects write compare= and the map draws the change', async ({ page }) => {
  const [e0] = viewSelector({ analysis: ANALYSIS })(dataset, defaultState('en')).extent;
  await page.goto('/?lang=en&years=2017-2020');
  await waitForMap(page);
  const sw = page.getByRole('switch', { name: 'Compare with another period' });
  await sw.focus();
  await page.keyboard.press('Space');
  await expect(sw).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`compare=${Math.max(e0, 2013)}-2016`));
  const from = page.getByLabel('Compare with: from');
  await expect(from).toHaveValue(String(Math.max(e0, 2013)));
  await from.selectOption('2014');
  await expect(page).toHaveURL(/compare=2014-2016/);
  await expect(page.getByTestId('change-legend')).toContainText('only in 2014–2016 (dashed)');
  await page.getByLabel('to', { exact: true }).selectOption('2015');
  await expect(page).toHaveURL(/compare=2014-2015/);
  await page.getByTestId('compare-switch').screenshot({ path: '/tmp/shots/compare-switch.png' });
  await page.locator('.pt-compare').screenshot({ path: '/tmp/shots/compare-control.png' });
  await sw.press('Space');
  await expect(page).not.toHaveURL(/compare=/);
  await expect(page.getByTestId('change-legend')).toHaveCount(0);
});

test('English investment figures read "CNY … billion / million" (legend, summary, table, comparison), Chinese "亿元"', async ({ page }) => {
  await page.goto('/?lang=en&metric=investment&years=2017-2020&compare=2014-2016');
  await waitForMap(page);
  const body = page.locator('body');
  await expect(page.getByTestId('compare-totals')).toContainText(/CNY · .*\d billion/);
  await expect(page.getByTestId('change-legend')).toContainText(/±[\d.,]+ billion/);
  await expect(body).not.toContainText('100 million yuan');
  await page.goto('/?lang=en&metric=investment');
  await waitForMap(page);
  await expect(page.locator('.legend')).toContainText(/CNY [\d.,]+ billion/);
  await expect(page.locator('#panel')).toContainText(/CNY [\d.,]+ billion/);
  await expect(page.locator('#data-table')).toContainText(/CNY [\d.,]+ (billion|million)/);
  await expect(body).not.toContainText('100 million yuan');
  await page.screenshot({ path: '/tmp/shots/investment-en.png' });
  await page.goto('/?lang=zh&metric=investment');
  await waitForMap(page);
  await expect(page.locator('.legend')).toContainText(/[\d,]+ 亿元/);
  await expect(page.locator('.legend')).not.toContainText('billion');
});

test('a large comparison (10,000 SYNTHETIC flows, served by the test only): the pairs a page at a time, largest change first; the CSV has them all', async ({ page }) => {
  const data = syntheticDataset(10_000, 42);
  const c = viewSelector({ analysis: ANALYSIS })(data, { ...defaultState('en'), years: [2020, 2024], compare: [2015, 2019] }).compare!;
  expect(c.rows.length).toBeGreaterThan(1000);
  await page.route('**/data/dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
  await page.goto('/?lang=en&years=2020-2024&compare=2015-2019');
  await waitForMap(page);
  const section = page.getByTestId('compare');
  const rows = section.getByTestId('compare-rows').locator('tbody tr');
  await expect(rows).toHaveCount(100);
  await expect(rows.first()).toHaveAttribute('data-id', c.rows[0]!.id);
  const more = section.getByTestId('compare-more');
  await expect(more).toHaveText(`Show 100 more (of ${c.rows.length.toLocaleString('en')}; the CSV has them all)`);
  await more.click();
  await expect(rows).toHaveCount(200);
  await expect(rows.nth(100)).toHaveAttribute('data-id', c.rows[100]!.id);
  // The not-comparable list is written when opened.
  const not = section.getByTestId('compare-not');
  await expect(not.locator('li')).toHaveCount(0);
  await not.locator('summary').click();
  await expect(not.locator('li')).toHaveCount(Math.max(1, c.notComparable.length + c.totalsNotComparable.length));
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download the comparison (CSV)' }).click()]);
  expect(readFileSync((await download.path())!, 'utf8').trim().split('\n').length).toBe(1 + c.rows.length + c.notComparable.length);
});
