/**
 * The virtualised OD matrix (issue 18) on a large matrix: 10,000 SYNTHETIC flows (bench/planner.ts
 * twoWayDataset: syntheticDataset with ~35 % of the flows turned round, seeded; served as data/dataset.json
 * by the test only, never shown as data) give ~200 × 250 cells at the fine level. Only a window of them is in the table; the keyboard
 * reaches cells not rendered; scrolling renders the cells there with the view model's values.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from './fixtures.ts';
import { twoWayDataset } from '../../bench/planner.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState } from '../../src/state/viewState.ts';
import { formatNumber } from '../../src/i18n/format.ts';
import { waitForMap } from './helpers.ts';

const data = twoWayDataset(10_000, 42);
const body = JSON.stringify(data);
const m = viewSelector({ analysis: ANALYSIS })(data, { ...defaultState('en'), matrix: true }).matrix!;
const R = m.rows.length;
const C = m.cols.length;

/** Every rendered filled cell against the view model's matrix: place, text, label. Returns how many. */
async function checkRendered(page: Page): Promise<number> {
  const cells = await page.locator('.odm td[data-arc]').evaluateAll((tds) =>
    tds.map((td) => ({ i: Number(td.parentElement!.getAttribute('aria-rowindex')) - 2, j: Number(td.getAttribute('aria-colindex')) - 2, o: td.getAttribute('data-origin'), d: td.getAttribute('data-destination'), text: td.textContent, label: td.getAttribute('aria-label') })),
  );
  for (const c of cells) {
    const want = m.cells[c.i]![c.j]!;
    expect(want, `cell ${c.i},${c.j}`).not.toBeNull();
    expect([c.o, c.d]).toEqual([m.rows[c.i]!.key, m.cols[c.j]!.key]);
    expect(c.text).toBe(formatNumber('en', want.size) + (want.groups.length > 1 ? '*' : ''));
    expect(c.label).toContain(' → ');
  }
  return cells.length;
}

const rendered = (page: Page) =>
  page.locator('.odm tbody tr[aria-rowindex]').evaluateAll((trs) => ({
    rows: trs.map((tr) => Number(tr.getAttribute('aria-rowindex'))),
    cols: [...trs[0]!.querySelectorAll('[aria-colindex]')].map((c) => Number(c.getAttribute('aria-colindex'))),
  }));

test('a large matrix: whole size announced, a window rendered, keys reach cells not rendered, scrolling renders the right values', async ({ page }) => {
  expect(R * C).toBeGreaterThan(20_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.route('**/data/dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('/?lang=en&matrix=1');
  await waitForMap(page);
  const table = page.getByRole('table', { name: /Origin–destination matrix/ });
  await expect(table).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', String(R + 1));
  await expect(table).toHaveAttribute('aria-colcount', String(C + 1));
  // A fraction of the cells in the DOM; the scroll box is as large as the whole matrix.
  const tds = await table.locator('td.odm__cell').count();
  expect(tds).toBeGreaterThan(50);
  expect(tds).toBeLessThan((R * C) / 10);
  const box = page.locator('.odm__scroll');
  const size = await box.evaluate((e) => ({ w: e.scrollWidth, h: e.scrollHeight }));
  const w = await table.evaluate((t) => Number.parseFloat(getComputedStyle(t).getPropertyValue('--w')));
  expect(size.w).toBeGreaterThanOrEqual(C * w);
  expect(size.h).toBeGreaterThanOrEqual(R * 24);
  expect(await checkRendered(page)).toBeGreaterThan(0);
  // The spacers and row/column indices keep it a valid table for assistive technology.
  const axe = await new AxeBuilder({ page }).include('.odm').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  // ArrowDown from the tab stop until a row that was not rendered: it is rendered and focused.
  const before = await rendered(page);
  const stop = table.locator('td[tabindex="0"]');
  await expect(stop).toHaveCount(1);
  await stop.focus();
  const col = Number(await stop.getAttribute('aria-colindex'));
  let row = 0;
  for (let n = 0; n < R && row <= Math.max(...before.rows); n++) {
    await page.keyboard.press('ArrowDown');
    row = await page.evaluate(() => Number(document.activeElement?.parentElement?.getAttribute('aria-rowindex')));
  }
  expect(row).toBeGreaterThan(Math.max(...before.rows));
  const focused = page.locator('td:focus');
  await expect(focused).toHaveAttribute('aria-colindex', String(col));
  await expect(focused).toHaveAttribute('tabindex', '0');
  await expect(focused).toBeInViewport();
  const want = m.cells[row - 2]![col - 2]!;
  await expect(focused).toHaveAttribute('data-arc', want.arcId);
  // Still the only tab stop.
  await expect(table.locator('[tabindex="0"]')).toHaveCount(1);

  // ArrowRight until a column that was not rendered.
  const cols = await rendered(page);
  let c = 0;
  for (let n = 0; n < C && c <= Math.max(...cols.cols); n++) {
    await page.keyboard.press('ArrowRight');
    c = await page.evaluate(() => Number(document.activeElement?.getAttribute('aria-colindex')));
  }
  expect(c).toBeGreaterThan(Math.max(...cols.cols));
  await expect(page.locator('td:focus')).toHaveAttribute('data-arc', m.cells[row - 2]![c - 2]!.arcId);
  await expect(page.locator('td:focus')).toBeInViewport();
  await checkRendered(page);

  // Scroll far (mid-way down and across): the cells there are rendered with the view model's values.
  await box.evaluate((e) => {
    e.scrollTop = e.scrollHeight * 0.55;
    e.scrollLeft = e.scrollWidth * 0.45;
  });
  const i = Math.floor(R * 0.55) + 2;
  await expect(table.locator(`tbody tr[aria-rowindex="${i}"]`)).toHaveCount(1);
  await expect(table.locator(`thead th[aria-colindex="${Math.floor(C * 0.45) + 4}"]`)).toHaveCount(1);
  expect(await checkRendered(page)).toBeGreaterThan(0);
  await page.screenshot({ path: '/tmp/shots/matrix-large-scrolled.png' });
  // Scrolled sideways (back at the top), the caption's words are still in view.
  await box.evaluate((e) => (e.scrollTop = 0));
  const [cap, port] = [(await table.locator('.odm__caption-text').boundingBox())!, (await box.boundingBox())!];
  expect(cap.x).toBeGreaterThanOrEqual(port.x);
  expect(cap.x).toBeLessThan(port.x + 40);
  // End of the grid with Ctrl+End from a rendered cell.
  await table.locator('td[tabindex="0"]').focus();
  await page.keyboard.press('Control+End');
  const last = page.locator('td:focus');
  await expect(last).toBeInViewport();
  const li = Number(await last.evaluate((td) => td.parentElement!.getAttribute('aria-rowindex'))) - 2;
  expect(li).toBe(R - 1 - [...m.cells].reverse().findIndex((r) => r.some((x) => x !== null)));
});

test('a large matrix on a phone: it scrolls inside its box, the page does not; names and cells readable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.route('**/data/dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('/?lang=zh&matrix=1');
  await waitForMap(page);
  const table = page.getByRole('table', { name: /起点–终点矩阵/ });
  await expect(table).toHaveAttribute('aria-rowcount', String(R + 1));
  const box = page.locator('.odm__scroll');
  await box.scrollIntoViewIfNeeded();
  const [sw, cw, right] = await box.evaluate((e) => [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right]);
  expect(sw).toBeGreaterThan(cw);
  expect(right).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Row names keep their column while the cells scroll under them.
  const rowX = () => box.evaluate((e) => e.querySelector('tbody th')!.getBoundingClientRect().x);
  const x0 = await rowX();
  await box.evaluate((e) => (e.scrollLeft = 800));
  await expect(table.locator('thead th[aria-colindex="2"]')).toHaveCount(0);
  expect(await rowX()).toBe(x0);
  expect(await checkRendered(page)).toBeGreaterThan(0);
  await page.screenshot({ path: '/tmp/shots/matrix-large-phone.png' });
});
