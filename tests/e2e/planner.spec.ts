import { test, expect, type Page } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { csvParse } from 'd3-dsv';
import { PNG } from 'pngjs';
import { DOMParser } from '@xmldom/xmldom';
import type { Dataset } from '../../src/data/dataset.ts';
import { computeView } from '../../src/selectors/view.ts';
import { yearExtent } from '../../src/selectors/filter.ts';
import { summarise } from '../../src/selectors/summary.ts';
import { defaultState, type ViewState } from '../../src/state/viewState.ts';
import { formatNumber, formatValue } from '../../src/i18n/format.ts';
import { loadLanguage, t, type MessageKey } from '../../src/i18n/index.ts';
import { PAGE_SIZE } from '../../src/ui/table.ts';
import { waitForMap, watchPage } from './helpers.ts';

const dataset = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
const [Y0, Y1] = yearExtent(dataset);
const INDUSTRY = 'pharma';
const YEARS: [number, number] = [Math.max(Y0, 2014), Math.min(Y1, 2017)];
const en = (key: MessageKey, vars?: Record<string, string | number>) => t('en', key, vars);
const industryName = (id: string) => en(`industry.${id}` as MessageKey);
// The expected texts come from the English dictionary, loaded as the page loads it.
test.beforeAll(() => loadLanguage('en'));

const expected = (patch: Partial<ViewState>) => {
  const s = { ...defaultState('en'), ...patch };
  const view = computeView(dataset, s);
  return { s, view, summary: summarise(view, s.metric) };
};

const panel = (page: Page) => page.locator('#panel');
const industryBox = (page: Page, id: string) => panel(page).locator(`input[name="industry"][value="${id}"]`);
const industryLabel = (page: Page, id: string) => panel(page).locator('label.pt-check', { has: page.locator(`input[name="industry"][value="${id}"]`) });
/** The URL's state, without the camera (`view` follows the map). */
const urlState = (page: Page) => {
  const p = new URL(page.url()).searchParams;
  p.delete('view');
  return decodeURIComponent(p.toString());
};
const expectUrl = (page: Page, query: string) => expect.poll(() => urlState(page)).toBe(query);
const lo = (page: Page) => panel(page).locator('.pt-range__lo');
const hi = (page: Page) => panel(page).locator('.pt-range__hi');

// A first visit opens the guided story (src/story); these tests are about the planner's tools.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('jjj-story-seen', '1'));
});

/** Press `key` on the focused element until `done()` holds (at most `max` times). */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 60) {
  for (let i = 0; i < max && !(await done()); i++) await page.keyboard.press(key);
  expect(await done(), `${key} until done`).toBe(true);
}

/** Everything on the page that states how many flows and which ones are shown. */
async function expectShown(page: Page, patch: Partial<ViewState>) {
  const { view, summary } = expected(patch);
  const n = view.flows.length;
  const shownText = en('summary.shown', { n: formatNumber('en', n), total: formatNumber('en', view.total) });
  await expect(panel(page).getByTestId('shown')).toHaveText(shownText);
  await expect(panel(page).getByTestId('head-shown')).toHaveText(shownText);
  // Table: caption and rows of the first page.
  await expect(page.locator('#data-table caption').first()).toContainText(n ? `1–${Math.min(PAGE_SIZE, n)} of ${n}` : en('table.captionEmpty'));
  await expect(page.locator('#data-table table.dt:not(.dt--platforms) tbody tr')).toHaveCount(Math.min(PAGE_SIZE, n));
  // Totals: one line per summable group (visible ones + those behind "more"), the largest first.
  await expect(panel(page).locator('.pt-summary .pt-total:not(.pt-total--none)')).toHaveCount(summary.totals.length);
  if (summary.totals.length) {
    const g = summary.totals[0]!;
    await expect(panel(page).locator('.pt-total__value').first()).toHaveText(formatValue('en', g.value, g.unit, g.bound));
  }
  // Arcs drawn: the legend names exactly the industries of the arcs.
  const drawn = [...new Set(view.arcs.map((a) => a.industry))].map(industryName);
  if (drawn.length) await expect(page.locator('.legend__industries li')).toHaveText(drawn);
  await waitForMap(page);
  return { view, summary };
}

test('industry and years set through the controls: URL, arcs, totals, table and CSV agree', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto('/?lang=en');
  await waitForMap(page);
  await expectShown(page, {});

  // Industry: click the checkbox's label (its count says how many records it will show).
  const only = expected({ industry: [INDUSTRY] });
  const label = industryLabel(page, INDUSTRY);
  await expect(label.locator('.pt-check__extra')).toHaveText(String(only.view.flows.length));
  await label.click();
  await expectUrl(page, `lang=en&industry=${INDUSTRY}`);
  await expect(industryBox(page, INDUSTRY)).toBeChecked();
  await expectShown(page, { industry: [INDUSTRY] });

  // Years: the two slider thumbs, with the keyboard.
  await lo(page).focus();
  await pressUntil(page, 'ArrowRight', async () => Number(await lo(page).inputValue()) >= YEARS[0]);
  await hi(page).focus();
  await pressUntil(page, 'ArrowLeft', async () => Number(await hi(page).inputValue()) <= YEARS[1]);
  await expectUrl(page, `lang=en&industry=${INDUSTRY}&years=${YEARS[0]}-${YEARS[1]}`);
  await expect(panel(page).locator('.pt-range__value')).toHaveText([String(YEARS[0]), String(YEARS[1])]);
  await expect(panel(page).locator('.pt-badge')).toHaveText(en('planner.active', { n: 2 }));
  const { view } = await expectShown(page, { industry: [INDUSTRY], years: YEARS });
  expect(view.flows.length).toBeGreaterThan(0);

  // The live region announces the count once the filters settle.
  await expect(panel(page).getByTestId('announce')).toHaveText(en('planner.announce', { n: formatNumber('en', view.flows.length) }));

  // Download CSV: exactly the filtered rows, with BOM and source columns.
  const [download] = await Promise.all([page.waitForEvent('download'), panel(page).locator('.pt-download--csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = csvParse(bytes.toString('utf8').slice(1).replace(/\r\n/g, '\n'));
  expect(rows.map((r) => r.id)).toEqual(view.flows.map((f) => f.id));
  expect(rows.columns).toEqual(expect.arrayContaining(['source_publisher', 'source_date', 'source_url']));
  for (const r of rows) {
    expect(r.industry).toBe(INDUSTRY);
    expect(Number(r.period_start)).toBeGreaterThanOrEqual(YEARS[0]);
    expect(Number(r.period_end)).toBeLessThanOrEqual(YEARS[1]);
    expect(r.source_publisher).not.toBe('');
  }

  // Reload: the same view.
  const url = page.url();
  await page.reload();
  await waitForMap(page);
  expect(page.url()).toBe(url);
  await expect(industryBox(page, INDUSTRY)).toBeChecked();
  await expect(panel(page).locator('.pt-range__value')).toHaveText([String(YEARS[0]), String(YEARS[1])]);
  await expectShown(page, { industry: [INDUSTRY], years: YEARS });
  expect(watch.errors).toEqual([]);
  expect(watch.external).toEqual([]);
});

test('back and forward restore the previous filters', async ({ page }) => {
  const [a, b] = [...new Set(expected({}).view.flows.map((f) => f.industry))];
  await page.goto('/?lang=en');
  await waitForMap(page);
  await industryLabel(page, a!).click();
  await expectUrl(page, `lang=en&industry=${a}`);
  await industryLabel(page, b!).click();
  await expectUrl(page, `lang=en&industry=${a},${b}`);
  await panel(page).locator('.pt-segment', { hasText: en('metric.firms') }).click();
  await expectUrl(page, `lang=en&metric=firms&industry=${a},${b}`);

  await page.goBack();
  await expectUrl(page, `lang=en&industry=${a},${b}`);
  await expect(panel(page).locator('input[name="pt-metric"][value="projects"]')).toBeChecked();
  await expectShown(page, { industry: [a!, b!] });
  await page.goBack();
  await expectUrl(page, `lang=en&industry=${a}`);
  await expect(industryBox(page, b!)).not.toBeChecked();
  await expect(industryBox(page, a!)).toBeChecked();
  await expectShown(page, { industry: [a!] });
  await page.goForward();
  await expect(industryBox(page, b!)).toBeChecked();
  await expectShown(page, { industry: [a!, b!] });
});

test('a malformed URL shows the notice and a working map with the valid part applied', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto('/?lang=en&years=20x4&industry=steel,pharma');
  await waitForMap(page);
  const notice = page.locator('#notices .notice');
  await expect(notice).toContainText('years=20x4');
  await expect(notice).toContainText('industry=steel');
  await expectUrl(page, 'lang=en&industry=pharma');
  await expect(industryBox(page, 'pharma')).toBeChecked();
  await expect(panel(page).locator('.pt-range__value')).toHaveText([String(Y0), String(Y1)]);
  await expectShown(page, { industry: ['pharma'] });
  expect(await page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
  expect(watch.errors).toEqual([]);
});

test('keyboard only: Tab to the industries, Space, arrow keys on the years, Enter on Reset', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  await page.locator('#lang-switch').focus();
  const active = () => page.evaluate(() => {
    const e = document.activeElement as HTMLInputElement | null;
    return e ? `${e.tagName.toLowerCase()}|${e.name ?? ''}|${e.value ?? ''}|${e.className}` : '';
  });
  await pressUntil(page, 'Tab', async () => (await active()).startsWith(`input|industry|${INDUSTRY}|`));
  await page.keyboard.press('Space');
  await expect(industryBox(page, INDUSTRY)).toBeChecked();
  await expectUrl(page, `lang=en&industry=${INDUSTRY}`);
  await expect(industryBox(page, INDUSTRY)).toBeFocused();

  await pressUntil(page, 'Tab', async () => (await active()).includes('pt-range__lo'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectUrl(page, `lang=en&industry=${INDUSTRY}&years=${Y0 + 2}-${Y1}`);
  await expect(panel(page).locator('.pt-range__value').first()).toHaveText(String(Y0 + 2));
  await expect(panel(page).locator('.pt-badge')).toHaveText(en('planner.active', { n: 2 }));

  await pressUntil(page, 'Shift+Tab', async () => (await active()).includes('pt-reset'));
  await page.keyboard.press('Enter');
  await expectUrl(page, 'lang=en');
  await expect(industryBox(page, INDUSTRY)).not.toBeChecked();
  await expect(panel(page).locator('.pt-badge')).toHaveText(en('planner.activeNone'));
  await expect(panel(page).locator('.pt-range__value')).toHaveText([String(Y0), String(Y1)]);
  await expect(page.locator('.pt-reset')).toBeFocused();
  await expectShown(page, {});
});

test('table: sort by a column, page through, and a row place selects it on the map', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const table = page.locator('#data-table table.dt').first();
  const th = table.locator('thead th', { hasText: en('table.period') });
  await th.locator('button').click();
  await expect(th).toHaveAttribute('aria-sort', 'descending');
  await th.locator('button').click();
  await expect(th).toHaveAttribute('aria-sort', 'ascending');
  const first = [...dataset.flows].sort((x, y) => x.periodStart - y.periodStart || x.periodEnd - y.periodEnd)[0]!;
  await expect(table.locator('tbody tr').first().locator('.dt-id')).toHaveText(first.id);
  if (dataset.flows.length > PAGE_SIZE) {
    await page.locator('.dt-next').click();
    await expect(table.locator('caption')).toContainText(`${PAGE_SIZE + 1}–${Math.min(2 * PAGE_SIZE, dataset.flows.length)} of ${dataset.flows.length}`);
    await page.locator('.dt-prev').click();
    await expect(table.locator('tbody tr').first().locator('.dt-id')).toHaveText(first.id);
  }
  // The platforms table, folded until opened; it follows the platform filters.
  await page.locator('#data-table .dt-more__summary').click();
  await expect(page.locator('#data-table table.dt--platforms tbody tr')).toHaveCount(dataset.platforms.length);
  await panel(page).locator('label.pt-check', { has: page.locator('input[name="tier"][value="capital-2"]') }).click();
  await expect(page.locator('#data-table table.dt--platforms tbody tr')).toHaveCount(dataset.platforms.filter((p) => p.tier === 'capital-2').length);
  await panel(page).locator('.pt-reset').click();
  await table.locator('thead th', { hasText: en('table.period') }).locator('button').click();
  await expect(th).toHaveAttribute('aria-sort', 'descending');
  await table.locator('thead th', { hasText: en('table.period') }).locator('button').click();
  await expect(table.locator('tbody tr').first().locator('.dt-id')).toHaveText(first.id);
  await table.locator('tbody tr').first().locator('.dt-destination').click();
  const key = first.destinationPlatformId ?? String(first.destinationAdcode);
  await expectUrl(page, `lang=en&focus=${key}`);
  await expect(page.locator('.details')).toBeVisible();
});

test('Download PNG: the map with legend and attribution', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const [download] = await Promise.all([page.waitForEvent('download'), panel(page).locator('.pt-download--png').click()]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const png = PNG.sync.read(readFileSync((await download.path())!));
  const box = (await page.locator('#map').boundingBox())!;
  expect(png.width).toBe(Math.round(box.width));
  expect(png.height).toBeGreaterThan(box.height);
  // Not blank: many distinct colours (basemap, arcs, legend text).
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4 * 97) colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
  expect(colours.size).toBeGreaterThan(50);
});

test('Download SVG (WebGL renderer): the same view as vectors, with header, legend and attribution as text', async ({ page }) => {
  await page.goto('/?lang=en&industry=pharma');
  await waitForMap(page);
  const [download] = await Promise.all([page.waitForEvent('download'), panel(page).locator('.pt-download--svg').click()]);
  expect(download.suggestedFilename()).toMatch(/^jjj-transfer-map-pharma\.svg$/);
  const svg = readFileSync((await download.path())!, 'utf8');
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  const group = (id: string) => Array.from(doc.getElementsByTagName('g')).find((g) => g.getAttribute('id') === id)!;
  const words = (id: string) => Array.from(group(id).getElementsByTagName('text')).map((t) => t.textContent).join(' ');
  expect(words('header')).toContain(en('app.title'));
  expect(words('header')).toMatch(/Made on \d{4}-\d\d-\d\d/);
  expect(words('legend')).toContain(en('legend.platforms'));
  expect(words('attribution')).toContain('Natural Earth');
  expect(group('arcs').getElementsByTagName('path').length).toBeGreaterThan(0);
  expect(words('labels')).toContain('Cangzhou');
});

test('phone: the panel is a bottom sheet; nothing overflows at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/?lang=en');
  await waitForMap(page);
  const handle = page.locator('.pt-handle');
  await expect(handle).toBeVisible();
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page).locator('.pt-body')).toBeHidden();
  const hb = (await handle.boundingBox())!;
  expect(hb.y + hb.height).toBeLessThanOrEqual(640);
  expect(hb.height).toBeGreaterThanOrEqual(44);
  await handle.click();
  await expect(handle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel(page).locator('.pt-body')).toBeVisible();
  const mapBox = (await page.locator('#map').boundingBox())!;
  expect(mapBox.height).toBeGreaterThan(150);
  await industryBox(page, INDUSTRY).check();
  await expectUrl(page, `lang=en&industry=${INDUSTRY}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the yearly chart sets the years: click, drag, keyboard', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const hit = (y: number) => panel(page).locator(`.pt-yc__hit[data-year="${y}"]`);
  const mid = Math.min(Y1, Math.max(Y0, 2016));
  await hit(mid).click();
  await expectUrl(page, `lang=en&years=${mid}`);
  await expect(hit(mid)).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).locator('.pt-range__value')).toHaveText([String(mid), String(mid)]);
  // Every bar and gap says what it is (value and source, or "no figure").
  for (const title of await panel(page).locator('.pt-yc__hit title').allTextContents()) expect(title).toMatch(/Source: |no figure/);

  const a = (await hit(mid - 1).boundingBox())!;
  const b = (await hit(mid + 2).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
  await expectUrl(page, `lang=en&years=${mid - 1}-${mid + 2}`);

  await panel(page).locator('.pt-yc__hit[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expectUrl(page, `lang=en&years=${mid}`);

});

test('Play steps through the years to the last one and stops; Back returns to before Play', async ({ page }) => {
  // From the year before the last: one step, then it stops by itself.
  await page.goto(`/?lang=en&years=${Y1 - 1}`);
  await waitForMap(page);
  const play = panel(page).locator('.pt-play');
  await play.click();
  await expectUrl(page, `lang=en&years=${Y1}`);
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await expect(play).toHaveText(en('planner.play'));
  // One history entry for the whole run: Back returns to before Play.
  await page.goBack();
  await expectUrl(page, `lang=en&years=${Y1 - 1}`);
});
