/**
 * Two periods compared on the map (issue 18): arcs and circles drawn by their change (diverging
 * colours, width by |change|), arcs of one period only dashed, the legend saying so, and the
 * tooltip giving both periods and the difference. Runs in both renderers (the `2d` project too).
 */
import { test, expect, type Page } from './fixtures.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Dataset } from '../../src/data/dataset.ts';
import { viewSelector, type ViewModel } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState, type ViewState } from '../../src/state/viewState.ts';
import { packView } from '../../src/map/packView.ts';
import { dottedArcs } from '../../src/map/dottedArcs.ts';
import type { PackedArcs } from '../../src/map/arcPack.ts';
import { arcControl, arcPoint, unmercator } from '../../src/geo/arcs.ts';
import { project, waitForMap } from './helpers.ts';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const VIEW = { lon: 116.6, lat: 39.3, zoom: 7.6 };

function pointOn(packed: PackedArcs, i: number, u: number) {
  const s = [packed.positions[i * 4]!, packed.positions[i * 4 + 1]!] as const;
  const t = [packed.positions[i * 4 + 2]!, packed.positions[i * 4 + 3]!] as const;
  return unmercator(...arcPoint(s, arcControl(s, t, packed.curvature[i]!), t, u));
}

async function hover(page: Page, [lon, lat]: readonly [number, number]) {
  const box = (await page.locator('#map').boundingBox())!;
  const p = project(lon, lat, VIEW, { width: box.width, height: box.height });
  await page.mouse.move(box.x + p.x - 20, box.y + p.y);
  await page.mouse.move(box.x + p.x, box.y + p.y);
}

const viewOf = (s: Partial<ViewState>): ViewModel => viewSelector({ analysis: ANALYSIS })(dataset, { ...defaultState('en'), ...s });

test('compare=2014-2016 beside years=2017-2020 draws the change: legend with the diverging key and dashed one-period arcs; a dashed arc\'s tooltip gives both periods and the difference', async ({ page }, info) => {
  const v = viewOf({ years: [2017, 2020], compare: [2014, 2016] });
  const c = v.change!;
  await page.goto(`/?lang=en&years=2017-2020&compare=2014-2016&view=${VIEW.lon},${VIEW.lat},${VIEW.zoom}`);
  await waitForMap(page);
  const legend = page.getByTestId('change-legend');
  await expect(legend).toContainText('Change between two periods: 2017–2020 − 2014–2016');
  await expect(legend).toContainText('only in 2014–2016 (dashed)');
  await expect(legend).toContainText('only in 2017–2020 (dashed)');
  await expect(legend).toContainText(`${c.notComparable} figures cannot be subtracted (running totals, yearly figures, or a period running outside a compared period): not drawn`);
  // The largest change in these periods is an arc of 2017–2020 only (dashed).
  const dots = dottedArcs();
  dots.update(v);
  const i = c.only.findIndex((a) => c.rows.get(a.id)!.diff === 879);
  expect(i).toBeGreaterThanOrEqual(0);
  await hover(page, pointOn(dots.packed, i, 0.6));
  const tip = page.locator('#map-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('2017–2020: 879 projects');
  await expect(tip).toContainText('2014–2016: —');
  await expect(tip).toContainText('Change: +879');
  await expect(tip).toContainText('only in 2017–2020');
  await page.screenshot({ path: `/tmp/shots/compare-map-${info.project.name}.png` });
  // The SVG download carries the same key, not the flows' industry colours.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.pt-download--svg').click()]);
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain('only in 2014–2016 (dashed)');
  expect(svg).toContain('stroke-dasharray="4 3"');
  expect(svg).not.toContain('Industry (colour)');
  // The header names the comparison (ui/imageFrame.ts), as the PNG's does.
  expect(svg).toContain('Filters: Projects · 2017–2020 compared with 2014–2016');
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('.pt-download--png').click()]);
  writeFileSync(`/tmp/shots/compare-download-${info.project.name}.png`, readFileSync((await png.path())!));
  writeFileSync('/tmp/shots/compare-map.svg', svg);
  // The one-period arcs are drawn dashed in the SVG, each as wide as its change.
  expect(svg).toMatch(/<g id="dotted-arcs"[\s\S]*?data-arc="[^"]+" stroke-width="/);
});

test('an arc in both periods is drawn solid in its change\'s colour, and its tooltip gives both figures', async ({ page }, info) => {
  const s = { years: [2021, 2025] as [number, number], compare: [2010, 2020] as [number, number] };
  const v = viewOf(s);
  const c = v.change!;
  expect(c.both.length).toBe(1);
  const row = c.rows.get(c.both[0]!.id)!;
  await page.goto(`/?lang=en&years=2021-2025&compare=2010-2020&view=${VIEW.lon},${VIEW.lat},${VIEW.zoom}`);
  await waitForMap(page);
  await hover(page, pointOn(packView(v), 0, 0.5));
  const tip = page.locator('#map-tooltip');
  await expect(tip).toBeVisible();
  expect(row.diff).toBeLessThan(0);
  await expect(tip).toContainText(`2021–2025: ${row.a!.toLocaleString('en-GB')} projects`);
  await expect(tip).toContainText(`2010–2020: ${row.b!.toLocaleString('en-GB')} projects`);
  await expect(tip).toContainText(`Change: −${(-row.diff).toLocaleString('en-GB')}`);
  await page.screenshot({ path: `/tmp/shots/compare-map-both-${info.project.name}.png` });
});
