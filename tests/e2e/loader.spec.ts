/**
 * Browser tests of "Load data" (issue 8): a planner's own CSV through the file chooser, checked in
 * a Web Worker, previewed, drawn, and undone; a 50 MB file with progress and Cancel while the page
 * stays responsive; hostile input (script in names, GBK, binary); a lost WebGL context.
 */
import { test, expect, type Page } from './fixtures.ts';
import { createWriteStream, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { decodeBoundaries } from '../../src/geo/boundaries.ts';
import { readTopology, syntheticFlows } from '../../scripts/synthetic.ts';
import { screenshotPixels, waitForMap, watchPage } from './helpers.ts';
import { ISSUE_19_ROWS, writeXlsx } from '../unit/xlsx-writer.ts';

const FIXTURES = 'tests/fixtures/loader';

// Several page loads per test, each drawing the map with software WebGL.
test.describe.configure({ timeout: 120_000 });

async function chooseFile(page: Page, path: string): Promise<void> {
  await page.locator('#loader-open').click();
  await expect(page.locator('#loader-dialog')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.locator('label[for="loader-file"]').click();
  await (await chooser).setFiles(path);
}

/** Every request the page makes from now on. */
function requestsFrom(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
  return seen;
}

test('a CSV with good and bad rows: preview lists the bad rows, Replace draws the good ones, Back restores the view', async ({ page, baseURL }) => {
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto('/?lang=en&industry=pharma');
  await waitForMap(page);
  const urlBefore = page.url();
  const shownBefore = await page.getByTestId('shown').textContent();
  expect(shownBefore).toMatch(/of \d+ flows shown/);

  await page.locator('#loader-open').click();
  // The worker is ready before any file is chosen: from then on the page makes no request.
  await expect(page.locator('#loader-dialog')).toHaveAttribute('data-worker-ready', 'true');
  const requests = requestsFrom(page);
  const chooser = page.waitForEvent('filechooser');
  await page.locator('label[for="loader-file"]').click();
  await (await chooser).setFiles(join(FIXTURES, 'good-and-bad.csv'));

  const preview = page.getByTestId('loader-preview');
  await expect(page.getByTestId('loader-summary')).toHaveText(/good-and-bad\.csv: 16 rows read, 5 will be drawn, 11 cannot be used\./);
  // The mapping, the first rows and every bad row with its line number.
  await expect(page.getByTestId('loader-mapping')).toContainText('origin_adcode');
  await expect(page.getByTestId('loader-sample').locator('tbody tr')).toHaveCount(5);
  const errors = page.getByTestId('loader-errors').locator('li');
  await expect(errors).toHaveCount(11);
  const lines = await errors.allTextContents();
  expect(lines.map((l) => Number(/^good-and-bad\.csv:(\d+):/.exec(l)?.[1]))).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  expect(lines[0]).toContain('good-and-bad.csv:7: destination: "Wei County" fits several places: 130434 魏县');
  expect(lines[0]).toContain('give the adcode');
  expect(lines[2]).toContain(':9: value: negative value "-3"');
  expect(lines[3]).toContain(':10: value: "NaN" is not a finite number');
  expect(lines[4]).toContain(':11: value: 20000000000000 is too large');
  expect(lines[5]).toContain(':12: (row): duplicate row: the same as line 2');
  expect(lines[10]).toContain(':17: name: 10000 characters, at most 200 allowed');
  await expect(preview).toContainText('Rows that cannot be used (11 problems)');

  await page.locator('#loader-replace').click();
  await expect(page.locator('#loader-dialog')).toBeHidden();
  await waitForMap(page);
  await expect(page.locator('#loader-chip')).toBeVisible();
  await expect(page.locator('#loader-chip')).toContainText('Showing your data: good-and-bad.csv (5 records)');
  expect(page.url()).toContain('custom=1');
  expect(page.url()).not.toContain('industry=');
  // Summary, table and download agree on the 5 good rows (33 projects in all).
  await expect(page.getByTestId('shown')).toHaveText('5 of 5 flows shown');
  await expect(page.getByTestId('totals')).toContainText('33 projects');
  const table = page.locator('#data-table table.dt tbody tr');
  await expect(table).toHaveCount(5);
  await expect(page.locator('#data-table')).toContainText("=cmd|' /C calc'!A0");
  const download = page.waitForEvent('download');
  await page.locator('.pt-download--csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const rows = csv.trim().split('\r\n');
  expect(rows).toHaveLength(6);
  expect(csv).toContain("'=cmd|' /C calc'!A0"); // the export's formula guard
  for (const id of ['U2', 'U3', 'U4', 'U5', 'U6']) expect(csv).toMatch(new RegExp(`(^|\\n)${id},`));
  expect(csv).toContain('Your file (user data, not published)'); // the source column says whose figures these are

  // The data never left the browser: no request of any kind since the file was chosen.
  expect(requests).toEqual([]);

  await page.locator('#loader-back').click();
  await waitForMap(page);
  expect(page.url()).toBe(urlBefore);
  await expect(page.locator('#loader-chip')).toBeHidden();
  await expect(page.getByTestId('shown')).toHaveText(shownBefore!);
  expect(watch.errors).toEqual([]);
  expect(watch.external).toEqual([]);
});

test('browser Back leaves custom data; a link with custom=1 falls back to the published data with a notice', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const shown = await page.getByTestId('shown').textContent();
  await chooseFile(page, join(FIXTURES, 'gbk.csv'));
  await expect(page.getByTestId('loader-encoding')).toHaveText('The file is not UTF-8: decoded as GB18030 (GBK).');
  await expect(page.getByTestId('loader-summary')).toContainText('3 rows read, 3 will be drawn, 0 cannot be used');
  await expect(page.getByTestId('loader-sample')).toContainText('沧州生物医药园');
  await page.locator('#loader-join').click();
  await expect(page.locator('#loader-chip')).toContainText('Published data + yours: gbk.csv (3 records added)');
  expect(page.url()).toContain('custom=1');
  await page.goBack();
  await expect(page.locator('#loader-chip')).toBeHidden();
  await expect(page.getByTestId('shown')).toHaveText(shown!);
  await page.goForward();
  await expect(page.getByTestId('loader-lost')).toBeVisible();
  await expect.poll(() => page.url()).not.toContain('custom=1');

  await page.goto('/?lang=en&custom=1');
  await waitForMap(page);
  await expect(page.getByTestId('loader-lost')).toContainText('never kept or sent');
  expect(page.url()).not.toContain('custom=1');
  await expect(page.getByTestId('shown')).toHaveText(shown!);
});

test('script in names never runs and shows as text; binary and empty files are refused with a reason', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  await chooseFile(page, join(FIXTURES, 'xss.csv'));
  const payload = '<img src=x onerror="window.__pwned=1">';
  await expect(page.getByTestId('loader-sample')).toContainText(payload);
  await expect(page.getByTestId('loader-errors')).toContainText(`origin: no place named ${JSON.stringify(payload)}`);
  await page.locator('#loader-replace').click();
  await waitForMap(page);
  await expect(page.locator('#data-table')).toContainText(payload);
  await expect(page.locator('#data-table')).toContainText('<script>window.__pwned=1</script>');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img[src="x"], #data-table script').count()).toBe(0);

  // Paste: the same check for text typed or pasted into the dialog.
  await page.locator('#loader-open').click();
  await page.locator('.loader-paste-box summary').click();
  await page.locator('#loader-paste').fill(`origin,destination,value,year\n北京,"${payload.replace(/"/g, '""')}",1,2019\n`);
  await page.locator('#loader-paste-check').click();
  await expect(page.getByTestId('loader-errors')).toContainText('pasted text:2: destination: no place named');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();

  await page.locator('#loader-file').setInputFiles(join(FIXTURES, 'binary.xlsx'));
  await expect(page.getByTestId('loader-fatal')).toContainText('This is not a CSV text file: this is a ZIP archive (an Excel .xlsx');
  await expect(page.locator('#loader-replace')).toBeDisabled();
  await page.locator('#loader-file').setInputFiles(join(FIXTURES, 'empty.csv'));
  await expect(page.getByTestId('loader-fatal')).toHaveText('The file is empty.');
  await expect(page.locator('#loader-join')).toBeDisabled();
});

test('a file dropped anywhere on the page opens the dialog and is checked', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const csv = 'origin,destination,value,year\n朝阳区,沧州,3,2019\nTianjin,Tangshan City,2,2020\n';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    const fire = (type: string) => document.getElementById('map')!.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    fire('dragenter');
    fire('dragover');
    (window as unknown as { __dragging: boolean }).__dragging = document.documentElement.classList.contains('loader-dragging');
    fire('drop');
  }, csv);
  expect(await page.evaluate(() => (window as unknown as { __dragging: boolean }).__dragging)).toBe(true);
  await expect(page.locator('#loader-dialog')).toBeVisible();
  await expect(page.getByTestId('loader-summary')).toContainText('dropped.csv: 2 rows read, 2 will be drawn, 0 cannot be used.');
  expect(await page.evaluate(() => document.documentElement.classList.contains('loader-dragging'))).toBe(false);
});

test('issue 19: a planner\'s file as Chinese offices write it loads with 0 bad rows and draws 6 arcs', async ({ page }) => {
  await page.goto('/?lang=zh');
  await waitForMap(page);
  await chooseFile(page, join(FIXTURES, 'issue-19.csv'));
  await expect(page.getByTestId('loader-summary')).toContainText('issue-19.csv:读取 6 行,6 行将绘制,0 行无法使用');
  await expect(page.getByTestId('loader-mapping')).toContainText('firms');
  await expect(page.getByTestId('loader-noted')).toContainText('渤海新区');
  await expect(page.getByTestId('loader-noted')).toContainText('雄安新区');
  await page.locator('#loader-dialog').screenshot({ path: 'test-results/shots/loader-issue-19.png' });
  await page.locator('#loader-replace').click();
  await expect(page.locator('#loader-dialog')).toBeHidden();
  await waitForMap(page);
  await expect(page.locator('#data-table table.dt tbody tr')).toHaveCount(6);
  await expect(page.getByTestId('shown')).toContainText('6');
  expect(page.url()).toContain('metric=firms');
});

test('issue 19: the same rows as an Excel workbook load with 0 bad rows; the reader loads only for .xlsx; a sheet can be chosen', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const scripts: string[] = [];
  page.on('request', (r) => scripts.push(r.url()));
  await chooseFile(page, join(FIXTURES, 'issue-19.csv'));
  await expect(page.getByTestId('loader-summary')).toContainText('6 rows read, 6 will be drawn, 0 cannot be used');
  expect(scripts.filter((u) => /xlsx-/.test(u))).toEqual([]);
  const path = join(mkdtempSync(join(tmpdir(), 'loader-')), 'issue-19.xlsx');
  writeFileSync(path, writeXlsx([{ name: 'Notes', rows: [['about'], ['made by a test']] }, { name: '迁移', rows: ISSUE_19_ROWS }]));
  await page.locator('#loader-file').setInputFiles(path);
  // The first sheet has no such columns; the sheet with the rows is chosen from the list.
  await expect(page.getByTestId('loader-fatal')).toContainText('Columns not found');
  expect(scripts.filter((u) => /xlsx-/.test(u))).toHaveLength(1);
  await page.locator('#loader-sheet').selectOption('迁移');
  await expect(page.getByTestId('loader-summary')).toContainText('issue-19.xlsx: 6 rows read, 6 will be drawn, 0 cannot be used');
  await page.locator('#loader-replace').click();
  await waitForMap(page);
  await expect(page.locator('#data-table table.dt tbody tr')).toHaveCount(6);
});

test('an unknown zone mapped by hand applies to all its rows; the mapping saves and loads as JSON', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const csv = 'origin,destination,value,industry,year\n朝阳区,某某产业园,1,新材料,2019\n海淀区,某某产业园,2,新材料,2020\n东城区,某某产业园,3,pharma,2021\n西城区,沧州,4,pharma,2021\n';
  const file = join(mkdtempSync(join(tmpdir(), 'loader-')), 'zones.csv');
  writeFileSync(file, csv);
  await chooseFile(page, file);
  await expect(page.getByTestId('loader-summary')).toContainText('4 rows read, 1 will be drawn, 3 cannot be used');
  const unknowns = page.getByTestId('loader-unknowns');
  await expect(unknowns).toContainText('某某产业园');
  await expect(unknowns).toContainText('3 rows');
  await unknowns.locator('input[data-value="某某产业园"]').fill('130600 保定市 Baoding');
  await unknowns.locator('input[data-value="某某产业园"]').dispatchEvent('change');
  await unknowns.locator('select[data-value="新材料"]').selectOption('materials');
  await unknowns.screenshot({ path: 'test-results/shots/loader-unknowns.png' });
  const download = page.waitForEvent('download');
  await page.locator('#loader-map-save').click();
  const saved = readFileSync(await (await download).path(), 'utf8');
  expect(JSON.parse(saved)).toEqual({ version: 1, columns: {}, places: { 某某产业园: 130600 }, industries: { 新材料: 'materials' } });
  await page.locator('#loader-map-apply').click();
  await expect(page.getByTestId('loader-summary')).toContainText('4 rows read, 4 will be drawn, 0 cannot be used');

  // Cleared, the rows are unknown again; the saved file maps them again.
  await page.locator('#loader-map-clear').click();
  await expect(page.getByTestId('loader-summary')).toContainText('1 will be drawn');
  const mappingPath = join(mkdtempSync(join(tmpdir(), 'loader-')), 'mapping.json');
  writeFileSync(mappingPath, saved);
  await page.locator('#loader-mapping-file').setInputFiles(mappingPath);
  await expect(page.getByTestId('loader-summary')).toContainText('4 will be drawn, 0 cannot be used');
  await page.locator('#loader-replace').click();
  await waitForMap(page);
  await expect(page.locator('#data-table table.dt tbody tr')).toHaveCount(4);
  await expect(page.locator('#data-table')).toContainText('Baoding');
});

test('issue 21: a header of 100,000 columns and a 3 MB line are refused at once with a message', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  const dir = mkdtempSync(join(tmpdir(), 'loader-'));
  const wide = join(dir, 'wide.csv');
  writeFileSync(wide, `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n1,2\n`);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await chooseFile(page, wide);
  await expect(page.getByTestId('loader-fatal')).toHaveText('The file is over a limit: the header has 100,000 columns, at most 1,000 are read');
  await expect(page.locator('#loader-replace')).toBeDisabled();
  const line = join(dir, 'line.csv');
  writeFileSync(line, 'x'.repeat(3_000_000));
  await page.locator('#loader-file').setInputFiles(line);
  await expect(page.getByTestId('loader-fatal')).toContainText('line 1 is longer than 1,000,000 characters');
  expect(errors).toEqual([]);
});

test('issue 21: a name with a direction override is shown as a code, never reversing the line', async ({ page }) => {
  await page.goto('/?lang=en');
  await waitForMap(page);
  await page.locator('#loader-open').click();
  await page.locator('.loader-paste-box summary').click();
  await page.locator('#loader-paste').fill('origin,destination,value,year,name\n朝阳区\u200b,沧州,1,2019,ok\n朝阳区,沧州,1,2019,\u202eexe.txt\n');
  await page.locator('#loader-paste-check').click();
  const errors = page.getByTestId('loader-errors');
  await expect(errors).toContainText('no place named "朝阳区<U+200B>"');
  await expect(errors).toContainText('<U+202E>exe.txt');
  expect(await errors.textContent()).not.toContain('\u202e');
});

/** A ~50 MB simple-form CSV of 500,000 seeded synthetic flows (English names), written once. */
let bigFile: string | null = null;
async function fiftyMegabytes(): Promise<string> {
  if (bigFile) return bigFile;
  const topo = readTopology();
  const b = decodeBoundaries(topo);
  const name = new Map([...b.counties.features, ...b.prefectures.features].map((f) => [f.properties.adcode, f.properties.name_en]));
  const path = join(mkdtempSync(join(tmpdir(), 'loader-')), 'synthetic-500k.csv');
  const out = createWriteStream(path);
  out.write('origin,destination,value,industry,year,name\n');
  let chunk = '';
  for (const f of syntheticFlows(500_000, 8)) {
    chunk += `${name.get(f.originAdcode)},${f.destinationAdcode},${f.value},${f.industry},${f.year},SYNTHETIC ${f.id}: generated test row - not real data\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  expect(statSync(path).size).toBeGreaterThan(50e6);
  bigFile = path;
  return path;
}

/** Main-thread delay of real clicks on the dialog's title while the worker parses. */
async function clickDelays(page: Page, n: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __delays: number[] };
    w.__delays = [];
    document.getElementById('loader-title')!.addEventListener('click', (e) => w.__delays.push(performance.now() - e.timeStamp));
  });
  for (let i = 0; i < n; i++) await page.locator('#loader-title').click();
  return page.evaluate(() => (window as unknown as { __delays: number[] }).__delays);
}

test('a 50 MB file: progress, a responsive page, Cancel; then checked in full in the worker', async ({ page }) => {
  test.setTimeout(400_000);
  const path = await fiftyMegabytes();
  await page.goto('/?lang=en');
  await waitForMap(page);
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: Array<[number, number]> };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.locator('#loader-open').click();
  await page.locator('#loader-measure').selectOption('investment');
  const chooser = page.waitForEvent('filechooser');
  await page.locator('label[for="loader-file"]').click();
  await (await chooser).setFiles(path);
  const progress = page.getByTestId('loader-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/Checking: [1-9][\d.]* MB of 5\d\.\d MB/);
  const delays = await clickDelays(page, 5);
  expect(delays).toHaveLength(5);
  expect(Math.max(...delays)).toBeLessThan(200);
  await page.locator('#loader-cancel').click();
  await expect(progress).toBeHidden();
  await expect(page.getByTestId('loader-status')).toHaveText('Cancelled: nothing was loaded.');
  await expect(page.getByTestId('loader-preview')).toBeHidden();
  await expect(page.locator('#loader-replace')).toBeDisabled();

  // The whole file, for the record: time in the worker and the longest main-thread task while
  // the worker reads and checks (from handing it the file to its last progress report).
  await page.locator('#loader-file').setInputFiles(path);
  await expect(page.getByTestId('loader-summary')).toContainText('500,000 rows read', { timeout: 360_000 });
  const summary = await page.getByTestId('loader-summary').textContent();
  await expect(page.getByTestId('loader-many')).toContainText('490,370 records: drawing them may keep the page busy');
  const longest = await page.evaluate(() => {
    const [check] = performance.getEntriesByName('loader:check').slice(-1);
    const [last] = performance.getEntriesByName('loader:progress').slice(-1);
    const tasks = (window as unknown as { __tasks: Array<[number, number]> }).__tasks;
    return Math.max(0, ...tasks.filter(([t]) => t >= check!.startTime && t <= last!.startTime).map(([, d]) => d));
  });
  console.log(`50 MB check: ${summary} Longest main-thread task while the worker checked: ${Math.round(longest)} ms`);
  expect(longest).toBeLessThan(200);
});

test('a lost WebGL context shows a message, keeps the table usable, and the map comes back', async ({ page }) => {
  await page.goto('/?lang=en&view=116.9,39.2,7');
  await waitForMap(page);
  const before = await screenshotPixels(page);
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#map canvas.maplibregl-canvas')!;
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const ext = gl!.getExtension('WEBGL_lose_context')!;
    (window as unknown as { __ext: WEBGL_lose_context }).__ext = ext;
    ext.loseContext();
  });
  const message = page.locator('.map-lost');
  await expect(message).toBeVisible();
  await expect(message).toHaveText(/The map's graphics were lost — restoring…/);
  // The table still works: sort it by another column.
  const rows = page.locator('#data-table table.dt tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await page.locator('#data-table table.dt thead button').nth(1).click();
  await expect(rows.first()).toBeVisible();

  await page.evaluate(() => (window as unknown as { __ext: WEBGL_lose_context }).__ext.restoreContext());
  await expect(message).toBeHidden({ timeout: 30_000 });
  await waitForMap(page);
  const after = await screenshotPixels(page);
  let differ = 0;
  let total = 0;
  for (let y = 0; y < before.height; y += 4) {
    for (let x = 0; x < before.width; x += 4) {
      total++;
      const [a, b] = [before.at(x, y), after.at(x, y)];
      if (a.some((v, i) => Math.abs(v - b[i]!) > 24)) differ++;
    }
  }
  // Basemap, circles and the custom arc layer are all back where they were.
  expect(differ / total).toBeLessThan(0.02);
});
