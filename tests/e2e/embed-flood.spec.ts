/**
 * Hardening of the embed (issue 21): a parent page that floods the map with setState, and the
 * notices a link full of bad or extreme options gives.
 */
import { test, expect, type Page } from './fixtures.ts';
import { waitForMap, watchPage } from './helpers.ts';
import { pageServer, type TestServer } from './servers.ts';
import { frameOf, msgs, partnerPage, SOURCE, waitForMessage } from './partner.ts';

const servers: TestServer[] = [];
test.afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });
const serve = async (s: Promise<TestServer>) => { const v = await s; servers.push(v); return v; };

/** The renderer's JS heap after a full garbage collection (the partner and the map share the process: same site). */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

/** Posts `n` setState messages in chunks (one chunk per task), the last one being `last`. */
function flood(page: Page, map: string, n: number, last: Record<string, string>, chunk = n) {
  return page.evaluate(([o, count, end, size]) => new Promise<number>((done) => {
    const w = document.querySelector('iframe')!.contentWindow!;
    const metrics = ['projects', 'investment', 'firms', 'merchants'];
    let i = 0;
    const t0 = performance.now();
    const step = () => {
      for (let k = 0; k < (size as number) && i < (count as number); k++, i++) {
        const state = i === (count as number) - 1 ? end : { metric: metrics[i % 4]!, years: String(2014 + (i % 8)) };
        w.postMessage({ target: 'jjj-transfer-map', type: 'setState', state }, o as string);
      }
      if (i < (count as number)) setTimeout(step, 0);
      else done(performance.now() - t0);
    };
    step();
  }), [map, n, last, chunk] as const);
}

test('a setState flood: coalesced replies, one notice, the last message wins, a click in the middle counts, heap flat', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const map = new URL(baseURL!).origin;
  const partner = await serve(pageServer({ '/': partnerPage(`<iframe src="${map}/?embed=1&lang=en" title="map" style="display:block;width:960px;height:600px;border:0"></iframe>`) }));
  const errors = watchPage(page, map).errors;
  await page.goto(partner.origin + '/');
  await waitForMessage(page, 'ready');
  const frame = await frameOf(page);
  const statesBefore = (await msgs(page)).filter((m) => m.data?.type === 'state').length;
  const box = frame.locator('#panel input[name="industry"]').first();
  const industry = await box.getAttribute('value');
  await expect(box).not.toBeChecked();
  const heap0 = await heapAfterGc(page);

  // 5,000 messages as fast as a loop posts them, spread over tasks so that a click can come in between.
  const last = { metric: 'firms', years: '2016' };
  const posting = flood(page, map, 5000, last, 50);
  await expect(frame.locator('#notices .notice[data-cause="flood"]')).toBeVisible();
  await box.click();
  await posting;
  await waitForMessage(page, 'state', 0, (d) => d.state?.metric === 'firms' && d.state?.years === '2016');
  await expect(frame.locator('#map')).toHaveAttribute('aria-busy', 'false');

  const final = await frame.evaluate(() => new URLSearchParams(location.search));
  const search = new URLSearchParams(await frame.evaluate(() => location.search));
  expect(final).toBeTruthy();
  expect(search.get('metric')).toBe('firms');
  expect(search.get('years')).toBe('2016');
  // The reader's click took effect and stayed.
  expect(search.get('industry')).toBe(industry);
  await expect(box).toBeChecked();
  const states = (await msgs(page)).filter((m) => m.data?.source === SOURCE && m.data?.type === 'state').length - statesBefore;
  expect(states).toBeLessThan(100);
  expect(states).toBeGreaterThan(0);
  await expect(frame.locator('#notices .notice[data-cause="flood"]')).toHaveCount(1);

  // Heap flat: a second flood leaves no more behind than the first did (after GC).
  const heap1 = await heapAfterGc(page);
  await flood(page, map, 5000, { metric: 'investment', years: '2017' }, 50);
  await waitForMessage(page, 'state', 0, (d) => d.state?.metric === 'investment' && d.state?.years === '2017');
  await expect(frame.locator('#map')).toHaveAttribute('aria-busy', 'false');
  const heap2 = await heapAfterGc(page);
  test.info().annotations.push({ type: 'heap', description: `before ${(heap0 / 1e6).toFixed(1)} MB, after one flood ${(heap1 / 1e6).toFixed(1)} MB, after two ${(heap2 / 1e6).toFixed(1)} MB` });
  expect(heap2 - heap1).toBeLessThan(2e6);
  expect(errors).toEqual([]);
});

test('a link with 1,500 unknown options: a notice of a few lines with a count, clear of the zoom controls', async ({ page }) => {
  // (12,000 are in the unit test: an address that long is refused by the preview server, 431.)
  const q = Array.from({ length: 1500 }, (_, i) => `x${i}=1`).join('&');
  await page.goto(`/?lang=en&${q}`);
  await waitForMap(page);
  const notice = page.locator('#notices .notice');
  await expect(notice).toHaveCount(1);
  await expect(notice.locator('li')).toHaveCount(4);
  await expect(notice).toContainText('… and 1,497 more');
  const n = (await notice.boundingBox())!;
  expect(n.height).toBeLessThan(200);
  const zoom = (await page.locator('.maplibregl-ctrl-top-right').boundingBox())!;
  const apart = n.x + n.width <= zoom.x || zoom.x + zoom.width <= n.x || n.y + n.height <= zoom.y || zoom.y + zoom.height <= n.y;
  expect(apart).toBe(true);
  await notice.getByRole('button').click();
  await expect(notice).toHaveCount(0);
});

test('a camera beyond the map\'s limits and a story step beyond the last are adjusted with a notice', async ({ page }) => {
  await page.goto('/?lang=en&view=180,85,22');
  await waitForMap(page);
  await expect(page.locator('#notices')).toContainText('view=180,85,22 (adjusted to 126.1,45.7,12)');
  await page.goto('/?lang=en&story=99');
  await expect(page.locator('#story')).toBeVisible();
  await expect(page.locator('#notices')).toContainText(/story=99 \(adjusted to \d+\)/);
  expect(new URL(page.url()).searchParams.get('story')).toMatch(/^\d$/);
});
