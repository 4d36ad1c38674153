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
