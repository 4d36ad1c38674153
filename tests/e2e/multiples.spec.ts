/**
 * Small multiples by industry (issue 18, `multiples=industry`): one small map (a canvas) per
 * industry of the data with the view model's total; choosing one filters to it and brings the
 * map back, with the summary's total equal to the panel's. Runs in both projects (WebGL and 2D:
 * the small maps are plain canvases either way).
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { multiplesModel } from '../../src/selectors/multiples.ts';
import { defaultState } from '../../src/state/viewState.ts';
import AxeBuilder from '@axe-core/playwright';
import { waitForMap } from './helpers.ts';
import { pageServer, type TestServer } from './servers.ts';
import { frameOf, partnerPage, postToFrame, SOURCE, waitForMessage } from './partner.ts';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;

const grid = (page: Page) => page.getByTestId('multiples');

/** Does the canvas hold more than one colour (a drawn map, not a blank)? */
const drawn = (page: Page, industry: string) =>
  page.locator(`.mult__panel[data-industry="${industry}"] canvas`).evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return { colours: seen.size, width: c.width, cssWidth: c.clientWidth };
  });

test('multiples=industry: one small map per industry with its total; a click filters to it and the summary agrees', async ({ page }) => {
  const model = multiplesModel(dataset, { ...defaultState('en') }, viewSelector().flowsOf);
  await page.goto('/?lang=en&multiples=industry');
  await waitForMap(page);
  await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('heading', { name: /Small maps by industry · Projects/ })).toBeVisible();
  // One panel per industry of the data, in the model's order; the empty ones said so.
  const panels = grid(page).locator('.mult__panel');
  await expect(panels).toHaveCount(model.panels.length);
  expect(await panels.evaluateAll((els) => els.map((e) => e.getAttribute('data-industry')))).toEqual(model.panels.map((p) => p.industry));
  expect(await grid(page).locator('canvas').count()).toBe(model.panels.length);
  // The map's box is hidden meanwhile, not resized.
  await expect(page.locator('#map canvas').first()).toBeHidden();
  const pharma = model.panels.find((p) => p.industry === 'pharma')!;
  expect(pharma.records).toBeGreaterThan(0);
  const button = page.getByRole('button', { name: /^Pharmaceuticals: / });
  await expect(button).toBeVisible();
  const pix = await drawn(page, 'pharma');
  expect(pix.colours).toBeGreaterThan(3);
  expect(pix.width).toBe(Math.round(pix.cssWidth * (await page.evaluate(() => devicePixelRatio))));
  const panelValue = (await button.locator('.mult__value').textContent())!;
  expect(panelValue).toMatch(/\d/);
  await page.screenshot({ path: '/tmp/shots/multiples-desktop.png' });

  await button.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('industry')).toBe('pharma');
  expect(new URL(page.url()).searchParams.get('multiples')).toBeNull();
  await expect(grid(page)).toBeHidden();
  await waitForMap(page);
  await expect(page.locator('#map canvas').first()).toBeVisible();
  // The map, not drawn while hidden under the grid, now draws pharma alone (its legend with it).
  await expect(page.locator('.legend')).toContainText('Pharmaceuticals');
  await expect(page.locator('.legend')).not.toContainText('Automotive');
  // The summary's largest total is the panel's (the same view model, filtered to pharma).
  await expect(page.getByTestId('totals').locator('.pt-total__value').first()).toHaveText(panelValue);
  await expect(page.getByTestId('shown')).toHaveText(`${pharma.view.flows.length} of ${dataset.flows.length} flows shown`);
});

test('on a phone: two columns, Enter on a small map filters to it; a malformed value is refused with a notice', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/?lang=zh&multiples=industry&years=2014-2016');
  await waitForMap(page);
  await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('heading', { name: /按产业分幅小图/ })).toBeVisible();
  const cols = await grid(page).locator('.mult__grid').evaluate((g) => getComputedStyle(g).gridTemplateColumns.split(' ').length);
  expect(cols).toBe(2);
  // An industry the years leave empty is an empty small map saying so (not a button).
  const model = multiplesModel(dataset, { ...defaultState('zh'), years: [2014, 2016] }, viewSelector().flowsOf);
  const empty = model.panels.filter((p) => p.records === 0);
  await expect(grid(page).locator('figure.mult__panel--empty')).toHaveCount(empty.length);
  if (empty.length) await expect(grid(page).locator(`figure[data-industry="${empty[0]!.industry}"]`)).toContainText('当前筛选下没有记录');
  await page.screenshot({ path: '/tmp/shots/multiples-phone.png' });
  const first = grid(page).locator('button.mult__panel').first();
  const industry = (await first.getAttribute('data-industry'))!;
  await first.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => new URL(page.url()).searchParams.get('industry')).toBe(industry);
  await expect(grid(page)).toBeHidden();

  await page.goto('/?lang=en&multiples=sector');
  await waitForMap(page);
  await expect(page.locator('#notices')).toContainText('multiples=sector');
  await expect(page.getByTestId('multiples')).toHaveCount(0);
});

test('the panel’s switch opens the grid; Escape and "Back to the single map" leave it', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const toggle = page.getByRole('switch', { name: 'Small maps by industry' });
  const label = page.locator('.pt-switch__text', { hasText: 'Small maps by industry' });
  await label.click();
  await expect(toggle).toBeChecked();
  await expect.poll(() => new URL(page.url()).searchParams.get('multiples')).toBe('industry');
  await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
  await grid(page).locator('button.mult__panel').first().focus();
  await page.keyboard.press('Escape');
  await expect(grid(page)).toBeHidden();
  await expect(toggle).not.toBeChecked();
  expect(new URL(page.url()).searchParams.get('multiples')).toBeNull();
  await label.click();
  await grid(page).getByRole('button', { name: 'Back to the single map' }).click();
  await expect(grid(page)).toBeHidden();
  await expect(page.locator('#map canvas').first()).toBeVisible();
  expect(new URL(page.url()).searchParams.get('industry')).toBeNull();
});

test('setState in an embed turns the small multiples on and off', async ({ page, baseURL }) => {
  const servers: TestServer[] = [];
  try {
    const map = new URL(baseURL!).origin;
    const partner = await pageServer({ '/': partnerPage(`<iframe src="${map}/?embed=1&lang=en" title="map" style="width:1000px;height:800px;border:0"></iframe>`) });
    servers.push(partner);
    await page.goto(partner.origin + '/');
    await waitForMessage(page, 'ready');
    const frame = await frameOf(page);
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { multiples: 'industry', metric: 'investment' } }, map);
    await waitForMessage(page, 'state', 0, (d) => d.state?.multiples === 'industry');
    await expect(frame.getByTestId('multiples')).toHaveAttribute('aria-busy', 'false');
    await expect(frame.getByRole('heading', { name: /Small maps by industry · Investment/ })).toBeVisible();
    await expect.poll(() => frame.evaluate(() => location.search)).toContain('multiples=industry');
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { multiples: 'sector' } }, map);
    await expect(frame.locator('#notices')).toContainText('multiples=sector');
    await expect(frame.getByTestId('multiples')).toBeVisible();
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { multiples: '' } }, map);
    await expect(frame.getByTestId('multiples')).toBeHidden();
    expect(await frame.evaluate(() => location.search)).not.toContain('multiples');
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
});

test('axe: the grid has no serious or critical violation (zh dark, en light)', async ({ page }) => {
  test.setTimeout(120_000);
  for (const [lang, theme] of [['zh', 'dark'], ['en', 'light']] as const) {
    await page.goto(`/?lang=${lang}&theme=${theme}&multiples=industry&years=2014-2016`);
    await waitForMap(page);
    await expect(grid(page)).toHaveAttribute('aria-busy', 'false');
    const results = await new AxeBuilder({ page }).include('[data-testid="multiples"]').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    if (theme === 'dark') await page.screenshot({ path: '/tmp/shots/multiples-dark.png' });
  }
});
