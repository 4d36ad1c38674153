/**
 * Net flows (issue 18) on a planner's own file that runs both ways. The file is SYNTHETIC
 * (tests/fixtures/loader/synthetic-two-way.csv: made-up firm counts, never shown as real): the
 * published data has no flow both ways.
 */
import { test, expect, type Page } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { waitForMap } from './helpers.ts';

test.describe.configure({ timeout: 120_000 });

async function chooseFile(page: Page, path: string): Promise<void> {
  await page.locator('#loader-open').click();
  await expect(page.locator('#loader-dialog')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('label[for="loader-file"]').click();
  await (await chooser).setFiles(path);
}

test('net=1 on a loaded two-way file: one net arc in the larger direction, gross both ways in the tooltip, the net table and its CSV', async ({ page }) => {
  await page.goto('/?lang=en&net=1');
  await waitForMap(page);
  await chooseFile(page, 'tests/fixtures/loader/synthetic-two-way.csv');
  await expect(page.getByTestId('loader-summary')).toContainText('3 rows read, 3 will be drawn, 0 cannot be used');
  await page.locator('#loader-replace').click();
  await expect(page.locator('#loader-dialog')).toBeHidden();
  await waitForMap(page);
  expect(page.url()).toContain('net=1');
  const net = page.getByTestId('net');
  await expect(net).toBeVisible();
  const rows = net.getByTestId('net-rows').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const cells = await rows.first().locator('th, td').allTextContents();
  expect(cells[0]).toMatch(/Chaoyang.* → .*Binhai/);
  expect(cells.slice(2)).toEqual(['9', '4', expect.stringMatching(/^5 \(/)]);
  await expect(net.getByTestId('net-not').locator('summary')).toContainText('(0)');
  // Pairs netted: the panel's switch is on and gives no "nothing to net" hint.
  await expect(page.getByRole('switch', { name: 'Net flows (both directions netted)' })).toBeChecked();
  await expect(page.getByText('nothing to net')).toBeHidden();
  const [download] = await Promise.all([page.waitForEvent('download'), net.getByRole('button', { name: 'Download net flows (CSV)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toContain('gross_origin_to_destination,gross_destination_to_origin,net_origin_to_destination');
  expect(csv[1]).toMatch(/,9,4,5,yes$/);
  // The tooltip of the net arc, found through the table's row id on the map's picking.
  const id = await rows.first().getAttribute('data-id');
  expect(id).toMatch(/^n:/);
  await expect(page.locator('.legend__net')).toContainText('Net flows: where flows run both ways (pairs: 1)');
  const tip = await hoverArc(page, id!);
  await expect(tip).toContainText('Net: 5 firms');
  await expect(tip).toContainText(/Gross .*Chaoyang.* → .*Binhai.*: 9 firms/);
  await expect(tip).toContainText(/Gross .*Binhai.* → .*Chaoyang.*: 4 firms/);
  await page.screenshot({ path: '/tmp/shots/net.png' });
});

test('the panel\'s "Net flows" switch: reflects net=1, toggles with the keyboard, says when nothing runs both ways (zh/en, desktop and phone)', async ({ page }) => {
  await page.goto('/?lang=en&net=1');
  await waitForMap(page);
  const sw = page.getByRole('switch', { name: 'Net flows (both directions netted)' });
  await expect(sw).toBeChecked();
  // The published data has no flow both ways: the switch stays usable, a hint says so.
  const hint = page.getByText('No flows run both ways between two places here: nothing to net.');
  await expect(hint).toBeVisible();
  await expect(sw).toHaveAttribute('aria-describedby', (await hint.getAttribute('id'))!);
  await sw.scrollIntoViewIfNeeded();
  await page.locator('.pt-lock', { has: sw }).screenshot({ path: '/tmp/shots/net-switch-desktop.png' });
  await page.screenshot({ path: '/tmp/shots/net-switch-page.png' });
  await sw.focus();
  await page.keyboard.press('Space');
  await expect(sw).not.toBeChecked();
  await expect(page).not.toHaveURL(/net=1/);
  await expect(hint).toBeHidden();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/net=1/);
  await expect(hint).toBeVisible();
  // Chinese, on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?lang=zh&net=1');
  await waitForMap(page);
  await page.getByRole('button', { name: /显示筛选与概要/ }).click();
  const zh = page.getByRole('switch', { name: '净流向（双向相抵）' });
  await expect(zh).toBeChecked();
  await expect(page.getByText('此处没有两地之间的双向流动，无可相抵。')).toBeVisible();
  await zh.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/shots/net-switch-phone.png' });
});

/** Hover along the map's midline until the tooltip names a net arc (the arcs lie between Beijing and Tianjin). */
async function hoverArc(page: Page, _id: string) {
  const map = page.locator('#map');
  const box = (await map.boundingBox())!;
  const tip = page.locator('#map-tooltip');
  for (let y = 0.2; y < 0.9; y += 0.02) {
    for (let x = 0.2; x < 0.9; x += 0.02) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      if ((await tip.isVisible()) && /\(Net\)/.test((await tip.textContent()) ?? '')) return tip;
    }
  }
  return tip;
}
