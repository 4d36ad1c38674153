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

/** Sweep the map until the tooltip's text matches `title` (a net arc by default; the arcs lie between Beijing and Tianjin/Cangzhou). */
async function hoverArc(page: Page, _id: string, title: RegExp = /\(Net\)/) {
  const map = page.locator('#map');
  const box = (await map.boundingBox())!;
  const tip = page.locator('#map-tooltip');
  for (let y = 0.2; y < 0.9; y += 0.02) {
    for (let x = 0.2; x < 0.9; x += 0.02) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      if ((await tip.isVisible()) && title.test((await tip.textContent()) ?? '')) return tip;
    }
  }
  return tip;
}

/**
 * Origins anywhere in the region (SYNTHETIC file tests/fixtures/loader/synthetic-region-two-way.csv,
 * made-up firm counts): Dongcheng → Cangzhou 9 and back 4, Huanghua (a Cangzhou county) →
 * Dongcheng 2, Shijiazhuang → Xiong'an 3, Binhai → Dongcheng 1.
 */
const REGION = 'tests/fixtures/loader/synthetic-region-two-way.csv';

async function loadRegion(page: Page, query: string): Promise<void> {
  await page.goto(`/?lang=en${query}`);
  await waitForMap(page);
  await chooseFile(page, REGION);
  await expect(page.getByTestId('loader-summary')).toContainText('5 rows read, 5 will be drawn, 0 cannot be used');
  await page.locator('#loader-replace').click();
  await expect(page.locator('#loader-dialog')).toBeHidden();
  await waitForMap(page);
}

test('origins anywhere in the region: net Dongcheng ↔ Cangzhou (fine) and Beijing ↔ Cangzhou (city), the origin filter, the table and CSV', async ({ page }) => {
  await loadRegion(page, '&net=1');
  const net = page.getByTestId('net');
  const rows = net.getByTestId('net-rows').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const cells = await rows.first().locator('th, td').allTextContents();
  expect(cells[0]).toMatch(/Dongcheng.* → .*Cangzhou/);
  expect(cells.slice(2)).toEqual(['9', '4', expect.stringMatching(/^5 \(/)]);
  const tip = await hoverArc(page, (await rows.first().getAttribute('data-id'))!);
  await expect(tip).toContainText('Net: 5 firms');
  await expect(tip).toContainText(/Gross .*Dongcheng.* → .*Cangzhou.*: 9 firms/);
  await expect(tip).toContainText(/Gross .*Cangzhou.* → .*Dongcheng.*: 4 firms/);
  await page.screenshot({ path: '/tmp/shots/origins-net-fine.png' });

  // City level: Huanghua joins Cangzhou, Dongcheng and Binhai join Beijing and Tianjin; 9 against 4 + 2.
  await page.getByRole('radio', { name: 'Cities' }).check();
  await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('city');
  await expect(rows).toHaveCount(1);
  const city = await rows.first().locator('th, td').allTextContents();
  expect(city[0]).toMatch(/^Beijing → Cangzhou/);
  expect(city.slice(2)).toEqual(['9', '6', expect.stringMatching(/^3 \(/)]);
  const [download] = await Promise.all([page.waitForEvent('download'), net.getByRole('button', { name: 'Download net flows (CSV)' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split('\n');
  expect(csv[1]).toMatch(/^\W?Beijing,Cangzhou,.*,9,6,3,yes$/);
  const ends = await page.locator('#data-table table.dt').first().locator('.dt-origin').allTextContents();
  expect(ends.sort()).toEqual(['Beijing', 'Cangzhou', 'Cangzhou', 'Shijiazhuang', 'Tianjin']);

  // The summary's top origins (city level): Cangzhou among them.
  const summary = page.locator('.pt-summary');
  await summary.scrollIntoViewIfNeeded();
  await expect(summary).toContainText('Cangzhou');
  await summary.screenshot({ path: '/tmp/shots/origins-summary.png' });

  // The origin filter offers the Hebei origins, grouped by prefecture (the prefecture as a whole first); Huanghua alone.
  const origin = page.getByLabel('Origin', { exact: true });
  await expect(origin.locator('optgroup[label^="Hebei · Cangzhou"] option')).toHaveText([/^Cangzhou.* \(all\)$/, /Huanghua/]);
  await origin.selectOption('130983');
  await expect.poll(() => new URL(page.url()).searchParams.get('origin')).toBe('130983');
  await expect(page.getByTestId('shown')).toContainText('1 of 5');
  const [flows] = await Promise.all([page.waitForEvent('download'), page.locator('.pt-download--csv').click()]);
  const lines = readFileSync((await flows.path())!, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(2);
  // At city level the CSV follows the level (Huanghua's row as Cangzhou → Beijing); the entity keeps the file's names.
  expect(lines[1]).toContain('黄骅市 → 东城区,Huanghua → Dongcheng District,130900,Cangzhou,110000,Beijing,');
});

for (const renderer of ['webgl', '2d'] as const) {
  test(`origins anywhere in the region (${renderer}): the net arcs' tooltips at the fine and the city level`, async ({ page }) => {
    await loadRegion(page, `&net=1&renderer=${renderer}`);
    const fine = await hoverArc(page, '', /Dongcheng.* → Cangzhou.*\(Net\)/);
    await expect(fine).toContainText('Net: 5 firms');
    await expect(fine).toContainText(/Gross .*Cangzhou.* → .*Dongcheng.*: 4 firms/);
    await page.getByRole('radio', { name: 'Cities' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('city');
    await waitForMap(page);
    const city = await hoverArc(page, '', /^Beijing → Cangzhou \(Net\)/);
    await expect(city).toContainText('Net: 3 firms');
    await expect(city).toContainText('Gross Beijing → Cangzhou: 9 firms');
    await expect(city).toContainText('Gross Cangzhou → Beijing: 6 firms');
    await page.screenshot({ path: `/tmp/shots/origins-net-city-${renderer}.png` });
  });

  test(`origins anywhere in the region, gross both ways (${renderer}): arcs into Beijing drawn with their direction, the tooltip names it`, async ({ page }) => {
    // Zoomed on Beijing–Cangzhou: the two arcs of the pair fan apart, each narrowing to where it lands.
    await loadRegion(page, `&renderer=${renderer}&view=116.7,39.0,7.3`);
    await expect(page.getByTestId('shown')).toContainText('5 of 5');
    await page.screenshot({ path: `/tmp/shots/origins-gross-${renderer}.png` });
    const tip = await hoverArc(page, '', /^Huanghua.* → Dongcheng/);
    await expect(tip).toContainText(/^Huanghua.* → Dongcheng District/);
    await expect(tip).toContainText('2 firms');
    // Cangzhou's card: what it received, and what it and its county Huanghua sent.
    const box = page.getByRole('combobox', { name: 'Find a place' });
    await box.click();
    await box.pressSequentially('cangzhou');
    await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Cangzhou');
    await box.press('Enter');
    const card = page.locator('.details__card');
    await expect(card.locator('.details__title')).toHaveText('Cangzhou');
    await expect(card.locator('.details__h')).toHaveText(['Records arriving here (1)', 'Records leaving from here (2)']);
    await expect(card.locator('.details__flows').nth(1)).toContainText('Huanghua');
    await page.screenshot({ path: `/tmp/shots/origins-card-${renderer}.png` });
  });
}
