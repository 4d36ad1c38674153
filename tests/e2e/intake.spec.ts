/**
 * Issue 17's intake layer, in both renderers and both languages: for one series and year, the
 * symbol at the prefecture answers the pointer with that prefecture's figure and its source.
 */
import { readFileSync } from 'node:fs';
import { test, expect, type Page } from './fixtures.ts';
import type { Topology } from 'topojson-specification';
import type { Dataset } from '../../src/data/dataset.ts';
import { decodeBoundaries } from '../../src/geo/boundaries.ts';
import { intakeSeries, intakeView } from '../../src/selectors/intake.ts';
import { intakeSymbols } from '../../src/map/intakeSymbols.ts';
import { coverageGrid } from '../../src/selectors/coverage.ts';
import AxeBuilder from '@axe-core/playwright';
import { project, waitForMap } from './helpers.ts';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const boundaries = decodeBoundaries(JSON.parse(readFileSync('public/geo/jjj.topo.json', 'utf8')) as Topology);
// Baoding clear of the legend (left) and the filters.
const VIEW = { lon: 115.0, lat: 39.0, zoom: 7.3 };

async function hoverSymbol(page: Page, series: string, year: number | null) {
  const view = intakeView(intakeSeries(dataset.aggregates), series, year)!;
  const [sym] = intakeSymbols({ intake: view, platforms: new Map(dataset.platforms.map((p) => [p.id, p])) }, boundaries.labels);
  expect(sym, 'a symbol for the series').toBeTruthy();
  const box = (await page.locator('#map').boundingBox())!;
  const p = project(sym!.lon, sym!.lat, VIEW, { width: box.width, height: box.height });
  // South-west of the centre, inside the symbol: the place's own circle sits on the centre, and
  // the arcs arrive from the north-east (an arc under the pointer is picked first).
  await page.mouse.move(box.x + p.x - sym!.r * 0.6, box.y + p.y + sym!.r * 0.6);
  return view;
}

for (const renderer of ['webgl', '2d'] as const) {
  test(`intake layer (${renderer}): Baoding's 2020 running total in the tooltip, with its source, in en and zh`, async ({ page }) => {
    const src = dataset.sources.find((s) => s.id === dataset.aggregates.find((a) => a.id === 'A126')!.sourceIds[0])!;
    const q = `intake=baoding-bt-coop-projects-cum&intakeYear=2020&view=${VIEW.lon},${VIEW.lat},${VIEW.zoom}&renderer=${renderer}`;
    await page.goto(`/?lang=en&${q}`);
    await waitForMap(page);
    await expect(page.locator('.legend__intake')).toContainText('Year: 2020');
    await page.screenshot({ path: `test-results/intake-${renderer}-en-before.png` });
    await hoverSymbol(page, 'baoding-bt-coop-projects-cum', 2020);
    const tip = page.locator('.tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('Baoding');
    await expect(tip).toContainText('469 projects');
    await expect(tip).toContainText(src.publisher);
    await page.screenshot({ path: `test-results/intake-${renderer}-en.png` });

    await page.goto(`/?lang=zh&${q}`);
    await waitForMap(page);
    await expect(page.locator('.legend__intake')).toContainText('2020');
    await hoverSymbol(page, 'baoding-bt-coop-projects-cum', 2020);
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('保定');
    await expect(tip).toContainText('469');
    await page.screenshot({ path: `test-results/intake-${renderer}-zh.png` });
  });
}

test('intake layer: a year without a figure is a hole, said so, with no symbol', async ({ page }) => {
  await page.goto(`/?lang=en&intake=baoding-bt-coop-projects-cum&intakeYear=2019`);
  await waitForMap(page);
  await expect(page.locator('.legend__intake')).toContainText('No figure in this series for 2019');
});

test('intake control: the panel\'s series and year selects write intake= and intakeYear=, the legend follows', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const series = page.getByTestId('intake-series');
  await expect(series).toBeVisible();
  await expect(page.getByTestId('intake-control')).toContainText('Prefecture intake layer');
  await series.selectOption('baoding-bt-coop-projects-cum');
  await expect(page).toHaveURL(/intake=baoding-bt-coop-projects-cum/);
  await expect(page.locator('.legend__intake')).toContainText('Latest figure (2023)');
  await expect(page.getByTestId('intake-definition')).toHaveText('running total · projects · from Beijing and Tianjin');
  await page.getByTestId('intake-year').selectOption('2020');
  await expect(page).toHaveURL(/intakeYear=2020/);
  await expect(page.locator('.legend__intake')).toContainText('Year: 2020');
  await page.getByTestId('intake-control').screenshot({ path: 'test-results/intake-control.png' });
  // The option says the series' definition.
  await expect(series.locator('option[value="baoding-bt-coop-projects-cum"]')).toContainText('running total · projects · from Beijing and Tianjin');
});

for (const lang of ['en', 'zh'] as const) {
  test(`coverage grid (${lang}): its marks are the rows of aggregates.csv, a mark sets the layer, the year and the card`, async ({ page }) => {
    await page.goto(`/?lang=${lang}&coverage=1`);
    await waitForMap(page);
    const grid = page.getByTestId('coverage');
    await expect(grid).toBeVisible();
    await expect(grid.locator('caption')).toContainText(lang === 'en' ? 'place × year' : '地区 × 年份');
    // Every (place, year, series) with a row in 2014–2025, and nothing else.
    const want = coverageGrid(intakeSeries(dataset.aggregates).values()).rows.flatMap((r) => r.cells.flatMap((c, i) => c.series.map((s) => `${r.place.key}|${2014 + i}|${s.id}`))).sort();
    const got = await grid.locator('tr[data-place]').evaluateAll((rows) =>
      rows.flatMap((tr) => [...tr.querySelectorAll<HTMLElement>('button.cov__mark')].map((b) => `${tr.getAttribute('data-place')}|${b.dataset.year}|${b.dataset.series}`)),
    );
    expect(got.sort()).toEqual(want);
    // Hebei's 11 prefectures and Xiong'an have a row; a year without a figure is an empty cell.
    for (const key of ['130100', '130600', 'P02', '131100']) await expect(grid.locator(`tr[data-place="${key}"]`)).toHaveCount(1);
    await expect(grid.locator('tr[data-place="130600"] td[data-year="2021"]')).toHaveClass(/cov__cell--hole/);
    await grid.screenshot({ path: `test-results/coverage-${lang}.png` });

    const mark = grid.locator('tr[data-place="130600"] button[data-year="2020"][data-series="baoding-bt-coop-projects-cum"]');
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/intake=baoding-bt-coop-projects-cum/);
    await expect(page).toHaveURL(/intakeYear=2020/);
    await expect(page).toHaveURL(/focus=130600/);
    await expect(mark).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.legend__intake')).toContainText('2020');
    await expect(page.locator('.details__title')).toHaveText(lang === 'en' ? 'Baoding' : '保定市');
    await expect(page.getByTestId('intake-series')).toHaveValue('baoding-bt-coop-projects-cum');

    // A click on Xiong'an's mark focuses Xiong'an (its platform), not Baoding.
    const x = grid.locator('tr[data-place="P02"] button.cov__mark').first();
    const xSeries = await x.getAttribute('data-series');
    await x.click();
    await expect(page).toHaveURL(/focus=P02/);
    await expect(page).toHaveURL(new RegExp(`intake=${xSeries}`));
  });
}

test('details card: a year chart per series of the prefecture, holes drawn as holes, with sources', async ({ page }) => {
  const s = intakeSeries(dataset.aggregates).get('baoding-bt-coop-projects-cum')!;
  await page.goto('/?lang=en&focus=130600');
  await waitForMap(page);
  const charts = page.getByTestId('intake-charts');
  await expect(charts).toBeVisible();
  const item = charts.locator('figure[data-series="baoding-bt-coop-projects-cum"]');
  await expect(item).toContainText('running total');
  // A dot per year with a figure; every other year of 2014–2025 an empty tick; no line across a gap.
  await expect(item.locator('.ic__dot')).toHaveCount(s.years.filter((y) => y >= 2014 && y <= 2025).length);
  for (const y of [2021, 2022]) await expect(item.locator(`.ic__hole[data-year="${y}"]`)).toHaveCount(1);
  const d = (await item.locator('.ic__line').getAttribute('d')) ?? '';
  expect(d.includes('L'), 'no segment between 2020 and 2023 (2021 and 2022 are holes)').toBe(false);
  const src = dataset.sources.find((x) => x.id === 'S176')!;
  await expect(item.locator('.details__sources')).toContainText(src.publisher);
  await page.locator('.details').screenshot({ path: 'test-results/intake-card.png' });
});

test('phone: the coverage grid and the card\'s charts fit a 390 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?lang=zh&coverage=1&focus=130600&intake=baoding-bt-coop-projects-cum&intakeYear=2020');
  await waitForMap(page);
  await expect(page.getByTestId('intake-charts')).toBeVisible();
  await page.screenshot({ path: 'test-results/intake-phone.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: 'test-results/intake-desktop.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('coverage').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/coverage-phone.png' });
});

for (const [lang, theme] of [['en', 'light'], ['zh', 'dark']] as const) {
  test(`axe (${lang}, ${theme}): the intake control, coverage grid and card charts have no serious or critical violation`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto(`/?lang=${lang}&theme=${theme}&coverage=1&intake=baoding-bt-coop-projects-cum&intakeYear=2020&focus=130600`);
    await waitForMap(page);
    await expect(page.getByTestId('intake-charts')).toBeVisible();
    await expect(page.getByTestId('intake-control')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[data-testid="coverage"]').include('[data-testid="intake-control"]').include('.details').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

test('Download PNG and SVG with the intake layer on: its symbol and its legend are in the pictures', async ({ page }) => {
  await page.goto(`/?lang=en&intake=baoding-bt-coop-projects-cum&intakeYear=2020&view=${VIEW.lon},${VIEW.lat},${VIEW.zoom}`);
  await waitForMap(page);
  const panel = page.locator('#panel');
  const [svgFile] = await Promise.all([page.waitForEvent('download'), panel.locator('.pt-download--svg').click()]);
  const svg = readFileSync((await svgFile.path())!, 'utf8');
  expect(svg).toMatch(/<g id="intake">\s*<circle [^>]*fill="#b5462a"/);
  expect(svg).toContain('2020: 469 projects · running total');
  const [pngFile] = await Promise.all([page.waitForEvent('download'), panel.locator('.pt-download--png').click()]);
  await pngFile.saveAs('test-results/intake-download.png');
});
