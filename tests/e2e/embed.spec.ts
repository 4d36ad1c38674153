/**
 * Embedding: a partner page on a second local origin frames the map (served by the preview
 * server on another port), talks to it over postMessage, and uses embed.js; the same under a
 * strict Content-Security-Policy served by a proxy; small screens; the Embed dialog; a build
 * under a sub-path.
 */
import { test, expect, type Page } from './fixtures.ts';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { project, waitForMap, watchPage } from './helpers.ts';
import { pageServer, proxyServer, staticServer, type TestServer } from './servers.ts';
import { frameOf, msgs, partnerPage, postToFrame, SOURCE, waitForMessage, } from './partner.ts';

/**
 * The strictest policy the site works under, as recommended in the README ("Embed it"): no
 * 'unsafe-inline' styles, no blob: workers (MapLibre 6 starts its worker from our own file);
 * data: images are MapLibre's control icons (SVG in its CSS) and the page's empty favicon.
 */
const STRICT_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "worker-src 'self'", "base-uri 'none'", "form-action 'none'", "object-src 'none'",
  'frame-ancestors *',
].join('; ');

/** Every request is either the partner page itself or goes to the map's origin. */
function watchRequests(page: Page, partner: string, map: string) {
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:') || u.startsWith(map + '/')) return;
    if (u.startsWith(partner + '/') && r.frame() === page.mainFrame() && r.resourceType() === 'document') return;
    outside.push(u);
  });
  return outside;
}

interface DatasetLite {
  flows: Array<{ industry: string; destinationPlatformId: string | null }>;
  aggregates?: Array<Record<string, unknown>>;
  platforms: Array<{ id: string; tier: string; lon: number; lat: number }>;
}

let dataset: DatasetLite;
test.beforeAll(async ({ request }) => {
  dataset = (await (await request.get('/data/dataset.json')).json()) as DatasetLite;
});

const servers: TestServer[] = [];
test.afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });
const serve = async (s: Promise<TestServer>) => { const v = await s; servers.push(v); return v; };

test.describe('in a partner page on another origin', () => {
  test('renders, posts ready and resize, and embed.js makes the iframe follow the height', async ({ page, baseURL }) => {
    const map = new URL(baseURL!).origin;
    const partner = await serve(pageServer({ '/': partnerPage(`<div data-jjj-transfer-map="?lang=en&controls=0" data-height="200"></div><script src="${map}/embed.js" async></script>`) }));
    const outside = watchRequests(page, partner.origin, map);
    const errors = watchPage(page, map).errors;
    await page.goto(partner.origin + '/');

    const iframe = page.locator('iframe');
    await expect(iframe).toHaveAttribute('title', /Jing-Jin-Ji/);
    await expect(iframe).toHaveAttribute('loading', 'lazy');
    const src = new URL((await iframe.getAttribute('src'))!);
    expect(src.origin).toBe(map);
    expect(src.pathname).toBe('/index.html');
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('controls')).toBe('0');
    expect(src.searchParams.get('parentOrigin')).toBe(partner.origin);

    const ready = await waitForMessage(page, 'ready');
    expect(ready.origin).toBe(map);
    expect(ready.data.query).toContain('embed=1');
    expect(ready.data.state).toMatchObject({ lang: 'en', embed: '1', controls: '0', parentOrigin: partner.origin });
    const frame = await frameOf(page);
    await expect(frame.locator('#map')).toHaveAttribute('aria-busy', 'false');
    await expect(frame.locator('#map canvas.maplibregl-canvas')).toBeVisible();
    await expect(frame.locator('.app-header')).toBeHidden();
    await expect(frame.locator('#panel')).toBeHidden();
    expect(await frame.evaluate(() => document.documentElement.classList.contains('embed'))).toBe(true);

    // 200 px is less than the map needs (300 px): the map asks for more and the iframe follows.
    const resize = await waitForMessage(page, 'resize', 0, (d) => (d.height ?? 0) >= 300);
    await expect.poll(async () => (await iframe.boundingBox())!.height).toBe(resize.data.height);
    // The height the frame reports is what it shows: no scrollbar inside the iframe.
    expect(await frame.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);

    // One finger (or a wheel) scrolls the partner's page: cooperative gestures inside the frame.
    expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.maplibregl-canvas')!).touchAction)).toBe('pan-x pan-y');
    await iframe.hover();
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect(frame.locator('.maplibregl-cooperative-gesture-screen')).toContainText('Use Ctrl + scroll to zoom the map');

    // "Open full map": same view, without the embed options, in a new tab.
    const open = frame.locator('a.embed-open');
    await expect(open).toHaveAttribute('target', '_blank');
    const full = new URL((await open.getAttribute('href'))!);
    expect(full.origin).toBe(map);
    expect(full.searchParams.get('lang')).toBe('en');
    for (const p of ['embed', 'controls', 'legend', 'parentOrigin']) expect(full.searchParams.has(p)).toBe(false);

    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('answers setState by changing the arcs and the URL, and posts state', async ({ page, baseURL }) => {
    const map = new URL(baseURL!).origin;
    const view = '116.4,39.2,6.4';
    const partner = await serve(pageServer({ '/': partnerPage(`<iframe src="${map}/?embed=1&lang=en&controls=0&view=${view}" title="map" style="width:900px;height:560px;border:0"></iframe>`) }));
    const errors = watchPage(page, map).errors;
    await page.goto(partner.origin + '/');
    await waitForMessage(page, 'ready');
    const historyLength = await page.evaluate(() => history.length);
    const frame = await frameOf(page);
    const industries = frame.locator('.legend__industries li');
    expect(await industries.count()).toBeGreaterThan(1);
    const before = await page.locator('iframe').screenshot();

    // The most frequent industry in the data, given as the URL's comma string.
    const counts = new Map<string, number>();
    for (const f of dataset.flows) counts.set(f.industry, (counts.get(f.industry) ?? 0) + 1);
    const [top, second] = [...counts.entries()].filter(([k]) => k !== 'mixed').sort((a, b) => b[1] - a[1]).map(([k]) => k);
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { industry: top } }, map);
    const state = await waitForMessage(page, 'state', 0, (d) => d.state?.industry === top);
    expect(state.data.query).toContain(`industry=${top}`);
    await expect.poll(() => frame.evaluate(() => location.search)).toContain(`industry=${top}`);
    await expect(frame.locator('#map')).toHaveAttribute('aria-busy', 'false');
    expect(await industries.count()).toBeLessThanOrEqual(1);
    expect((await page.locator('iframe').screenshot()).equals(before)).toBe(false);

    // Lists as arrays; the state message carries the URL's comma string.
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { industry: [top, second], metric: 'investment' } }, map);
    await waitForMessage(page, 'state', 0, (d) => d.state?.industry === `${top},${second}` && d.state?.metric === 'investment');
    await expect.poll(() => frame.evaluate(() => location.search)).toContain(`industry=${top},${second}`);
    // Embedded changes replace the history entry: the partner's Back button is not taken over.
    expect(await page.evaluate(() => history.length)).toBe(historyLength);

    // An unknown value is reported inside the map, like a bad link, and the rest still applies.
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { industry: 'no-such-industry', lang: 'zh' } }, map);
    await waitForMessage(page, 'state', 0, (d) => d.state?.lang === 'zh' && d.state?.industry === '');
    await expect(frame.locator('#notices')).toContainText('industry=no-such-industry');
    expect(errors).toEqual([]);
  });

  test('posts select when a platform is clicked', async ({ page, baseURL }) => {
    const map = new URL(baseURL!).origin;
    const used = new Set(dataset.flows.map((f) => f.destinationPlatformId));
    const platform = dataset.platforms.find((p) => p.tier !== 'other' && !used.has(p.id)) ?? dataset.platforms[0]!;
    const view = { lon: platform.lon + 0.1, lat: platform.lat - 0.05, zoom: 8.5 };
    const size = { width: 800, height: 500 };
    const partner = await serve(pageServer({ '/': partnerPage(`<iframe src="${map}/?embed=1&lang=en&controls=0&legend=0&view=${view.lon},${view.lat},${view.zoom}" title="map" style="display:block;width:${size.width}px;height:${size.height}px;border:0"></iframe>`) }));
    await page.goto(partner.origin + '/');
    await waitForMessage(page, 'ready');
    const frame = await frameOf(page);
    const box = (await page.locator('iframe').boundingBox())!;
    const mapBox = await frame.locator('#map').evaluate((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
    expect(mapBox).toMatchObject(size);
    const p = project(platform.lon, platform.lat, view, mapBox);
    await page.mouse.click(box.x + mapBox.x + p.x, box.y + mapBox.y + p.y);
    const select = await waitForMessage(page, 'select');
    expect(select.origin).toBe(map);
    expect(['platform', 'place']).toContain(select.data.kind);
    expect(select.data.id).toBe(platform.id);
    await waitForMessage(page, 'state', 0, (d) => d.state?.focus === platform.id);
  });

  test('ignores malformed messages', async ({ page, baseURL }) => {
    const map = new URL(baseURL!).origin;
    const partner = await serve(pageServer({ '/': partnerPage(`<iframe src="${map}/?embed=1&lang=en" title="map" style="width:800px;height:500px;border:0"></iframe>`) }));
    const errors = watchPage(page, map).errors;
    await page.goto(partner.origin + '/');
    await waitForMessage(page, 'ready');
    const frame = await frameOf(page);
    const search = await frame.evaluate(() => location.search);
    const countStates = async () => (await msgs(page)).filter((m) => m.data?.type === 'state').length;
    const statesBefore = await countStates();

    const bad: unknown[] = [
      'setState', 42, null, [SOURCE, 'setState', { industry: 'pharma' }],
      JSON.stringify({ target: SOURCE, type: 'setState', state: { industry: 'pharma' } }),
      { target: 'other-map', type: 'setState', state: { industry: 'pharma' } },
      { source: SOURCE, type: 'setState', state: { industry: 'pharma' } },
      { target: SOURCE, type: 'setstate', state: { industry: 'pharma' } },
      { target: SOURCE, type: 'setState', state: 'industry=pharma' },
      { target: SOURCE, type: 'setState', state: [['industry', 'pharma']] },
      { target: SOURCE, type: 'setState', state: { view: { lon: 116, lat: 39, zoom: 8 } } },
      { target: SOURCE, type: 'setState', state: { industry: 'x'.repeat(200_000) } },
      { target: SOURCE, type: 'setState', state: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 'pharma'])) },
      { target: SOURCE, type: 'setState', state: { industry: Array.from({ length: 5000 }, () => 'pharma') } },
    ];
    for (const m of bad) await postToFrame(page, m, map);
    for (const json of [
      `{"target":"${SOURCE}","type":"setState","state":{"__proto__":{"industry":"pharma"}}}`,
      `{"target":"${SOURCE}","type":"setState","state":{"constructor":{"prototype":{"industry":"pharma"}}}}`,
    ]) await postToFrame(page, json, map, 0, true);
    // Then a good one: once it has been answered, every earlier message has been handled.
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { metric: 'firms' } }, map);
    await waitForMessage(page, 'state', 0, (d) => d.state?.metric === 'firms');
    expect(await countStates()).toBe(statesBefore + 1);
    expect(await frame.evaluate(() => location.search)).toBe(search.replace('lang=en', 'lang=en&metric=firms'));
    await expect(frame.locator('#notices')).toBeEmpty();
    expect(await frame.evaluate(() => (Object.prototype as Record<string, unknown>).industry)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  test('with parentOrigin set, answers that origin only', async ({ page, baseURL }) => {
    const map = new URL(baseURL!).origin;
    const pages: Record<string, string> = {};
    const partner = await serve(pageServer(pages));
    pages['/other'] = partnerPage(`<iframe src="${map}/?embed=1&lang=en&parentOrigin=http://other.example" title="map" style="width:800px;height:500px;border:0"></iframe>`);
    pages['/mine'] = partnerPage(`<iframe src="${map}/?embed=1&lang=en&parentOrigin=${partner.origin}" title="map" style="width:800px;height:500px;border:0"></iframe>`);

    await page.goto(partner.origin + '/other');
    let frame = await frameOf(page);
    await waitForMap(frame as unknown as Page);
    // The map posts to http://other.example only, so this page hears nothing…
    await frame.evaluate(() => {
      (window as unknown as { __pings: number }).__pings = 0;
      addEventListener('message', (e) => { if (e.data === 'ping') (window as unknown as { __pings: number }).__pings++; });
    });
    // …and its setState is ignored (the ping after it shows it has been handled).
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { metric: 'firms' } }, map);
    await postToFrame(page, 'ping', map);
    await expect.poll(() => frame.evaluate(() => (window as unknown as { __pings: number }).__pings)).toBe(1);
    expect(await frame.evaluate(() => location.search)).not.toContain('metric=firms');
    expect(await msgs(page)).toEqual([]);

    await page.goto(partner.origin + '/mine');
    await waitForMessage(page, 'ready');
    frame = await frameOf(page);
    await postToFrame(page, { target: SOURCE, type: 'setState', state: { metric: 'firms' } }, map);
    await waitForMessage(page, 'state', 0, (d) => d.state?.metric === 'firms');
    await expect.poll(() => frame.evaluate(() => location.search)).toContain('metric=firms');
  });

  test('embed.js: two maps on one page, each with its own height; other messages do not move them', async ({ page, baseURL }) => {
    const map = new URL(baseURL!).origin;
    const partner = await serve(pageServer({
      '/': partnerPage(`<div data-jjj-transfer-map="?lang=en&industry=pharma" data-height="200" data-title="Pharmaceuticals"></div>
<p>Between the maps.</p>
<div data-jjj-transfer-map="lang=zh&metric=investment&controls=0" data-height="450"></div>
<script src="${map}/embed.js" async></script><script src="${map}/embed.js" async></script>`),
    }));
    const outside = watchRequests(page, partner.origin, map);
    await page.goto(partner.origin + '/');
    const frames = page.locator('iframe');
    await expect(frames).toHaveCount(2);
    await expect(frames.nth(0)).toHaveAttribute('title', 'Pharmaceuticals');
    const first = new URL((await frames.nth(0).getAttribute('src'))!);
    const second = new URL((await frames.nth(1).getAttribute('src'))!);
    expect(first.searchParams.get('industry')).toBe('pharma');
    expect(second.searchParams.get('metric')).toBe('investment');
    for (const u of [first, second]) expect(u.searchParams.get('embed')).toBe('1');

    await waitForMessage(page, 'ready', 0);
    await waitForMessage(page, 'ready', 1);
    // The first grows to what it needs; the second already had room and keeps its height.
    await expect.poll(async () => (await frames.nth(0).boundingBox())!.height).toBeGreaterThanOrEqual(300);
    const h0 = (await frames.nth(0).boundingBox())!.height;
    expect((await frames.nth(1).boundingBox())!.height).toBe(450);
    const f1 = await frameOf(page, 1);
    expect(await f1.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');

    // A resize posted by the partner page itself (wrong origin and source) is ignored.
    await page.evaluate((s) => window.postMessage({ source: s, type: 'resize', height: 999 }, '*'), SOURCE);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    expect((await frames.nth(0).boundingBox())!.height).toBe(h0);
    expect((await frames.nth(1).boundingBox())!.height).toBe(450);
    expect(outside).toEqual([]);
  });
});

test.describe('under a strict Content-Security-Policy', () => {
  test('embedded: no violation, ready within the payload budget', async ({ page, baseURL }) => {
    const csp = await serve(proxyServer(baseURL!, { 'content-security-policy': STRICT_CSP }));
    const partner = await serve(pageServer({ '/': partnerPage(`<div data-jjj-transfer-map="?lang=en"></div><script src="${csp.origin}/embed.js" async></script>`) }));
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const errors = watchPage(page, csp.origin).errors;
    page.on('console', (m) => { if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text()); });
    await page.goto(partner.origin + '/');
    const ready = await waitForMessage(page, 'ready');
    const frame = await frameOf(page);
    await expect(frame.locator('#map canvas.maplibregl-canvas')).toBeVisible();
    // The worker really started (labels and boundaries are drawn by it).
    expect(await frame.evaluate(() => document.querySelectorAll('.legend__industries li').length)).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);

    // Bytes on the wire (gzip, as the proxy serves it) before `ready`, as the browser counted them
    // (Chromium lists the MapLibre worker script among the frame's resources).
    const timing = await frame.evaluate((readyAt) => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      return entries.filter((e) => performance.timeOrigin + e.responseEnd <= readyAt).map((e) => ({ path: new URL(e.name).pathname, transfer: e.transferSize }));
    }, ready.t);
    expect(timing.some((t) => /maplibre-gl-worker/.test(t.path))).toBe(true);
    const total = timing.reduce((a, e) => a + e.transfer, 0);
    const kb = (n: number) => (n / 1024).toFixed(1);
    test.info().annotations.push({ type: 'embed payload before ready (gzip)', description: `${kb(total)} KB: ${timing.map((t) => `${t.path} ${kb(t.transfer)}`).join(', ')}` });
    console.log(`embed payload before ready: ${kb(total)} KB gzip (${timing.map((t) => `${decodeURIComponent(t.path)} ${kb(t.transfer)}`).join(', ')})`);
    expect(total).toBeLessThanOrEqual(800 * 1024);
    // The JS budget (scripts/check-budget.ts BUDGET_JS_KB): ≤ 488 KB gzipped, MapLibre's worker included.
    const js = timing.filter((t) => /\.m?js$/.test(t.path)).reduce((a, e) => a + e.transfer, 0);
    console.log(`embed JS before ready: ${(js / 1000).toFixed(1)} KB gzip`);
    expect(js).toBeLessThanOrEqual(488 * 1000);
  });

  test('full page: no violation, Embed dialog works', async ({ page, baseURL }) => {
    const csp = await serve(proxyServer(baseURL!, { 'content-security-policy': STRICT_CSP }));
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on('console', (m) => { if (/Content Security Policy|CSP violation/i.test(m.text())) violations.push(m.text()); });
    const watch = watchPage(page, csp.origin);
    await page.goto(csp.origin + '/?lang=en');
    await waitForMap(page);
    await page.locator('#embed-button').click();
    await expect(page.locator('dialog.embed-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog.embed-dialog')).toHaveCount(0);
    expect(violations).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

test.describe('small screens', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });

  for (const query of ['?lang=en', '?lang=zh', '?lang=en&embed=1', '?lang=zh&embed=1&theme=dark']) {
    test(`no horizontal scroll at 320 px: ${query}`, async ({ page }) => {
      await page.goto('/' + query);
      await waitForMap(page);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }

  test('embedded at 320 px in a partner page: no horizontal scroll either side', async ({ page, baseURL }) => {
    const map = new URL(baseURL!).origin;
    const partner = await serve(pageServer({ '/': partnerPage(`<div data-jjj-transfer-map="?lang=en"></div><script src="${map}/embed.js" async></script>`) }));
    await page.goto(partner.origin + '/');
    await waitForMessage(page, 'ready');
    const frame = await frameOf(page);
    expect(await frame.evaluate(() => document.scrollingElement!.scrollWidth <= innerWidth)).toBe(true);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test('the Embed dialog gives a snippet for the current view and copies it', async ({ page, baseURL }) => {
  await page.goto('/?lang=en&metric=investment&view=116.4,39.2,7');
  await waitForMap(page);
  const button = page.locator('#embed-button');
  await expect(button).toHaveText('Embed');
  await button.click();
  const dialog = page.locator('dialog.embed-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Embed this map');
  const code = dialog.locator('#embed-code-iframe');
  const html = await code.inputValue();
  // The snippet is a well-formed iframe for this view, in embed mode.
  const attrs = await page.evaluate((h) => {
    const t = document.createElement('template');
    t.innerHTML = h;
    const f = t.content.firstElementChild as HTMLIFrameElement;
    return { count: t.content.childElementCount, tag: f.tagName, next: f.nextElementSibling?.tagName, src: f.getAttribute('src'), title: f.title, label: f.getAttribute('aria-label'), loading: f.getAttribute('loading'), style: f.getAttribute('style'), allow: f.getAttribute('allow') };
  }, html);
  // One iframe and its noscript picture (tests/e2e/embed-newsroom.spec.ts checks both in a page).
  expect(attrs).toMatchObject({ count: 2, tag: 'IFRAME', next: 'NOSCRIPT', title: 'Jing-Jin-Ji Industrial Transfer Map', loading: 'lazy', allow: 'fullscreen' });
  expect(attrs.label).toMatch(/^Arcs from .+ to Hebei, Tianjin and Beijing, all industries, /);
  expect(attrs.style).toContain('width:100%');
  const src = new URL(attrs.src!);
  expect(src.origin + src.pathname).toBe(new URL('/', baseURL).href);
  expect(Object.fromEntries(src.searchParams)).toMatchObject({ lang: 'en', metric: 'investment', view: '116.4,39.2,7', embed: '1' });
  expect(await dialog.locator('#embed-code-script').inputValue()).toContain(`src="${new URL('/embed.js', baseURL).href}"`);

  // Options change the snippet.
  await dialog.getByLabel('Show the legend').uncheck();
  expect(await code.inputValue()).toContain('legend=0');
  await dialog.getByLabel('Keep this map extent').uncheck();
  expect(await code.inputValue()).not.toContain('view=');

  // Copy: the Clipboard API when allowed, else the text is selected for Ctrl+C.
  await dialog.locator('.embed-dialog__block').first().getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.locator('.embed-dialog__status').first()).toHaveText(/Copied\.|Ctrl\+C/);

  // Escape closes it and gives the focus back to the button; the map keeps its state.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  expect(new URL(page.url()).searchParams.get('metric')).toBe('investment');
});

test('a build for a sub-path works there (BASE=/sub/path/)', async ({ page, baseURL, request }) => {
  test.setTimeout(120_000);
  const { build } = await import('vite');
  const out = mkdtempSync(join(tmpdir(), 'jjj-base-'));
  try {
    await build({ root: process.cwd(), base: '/sub/path/', logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    // The data as the preview server has it (public/data/ is generated and may be absent).
    mkdirSync(join(out, 'data'), { recursive: true });
    writeFileSync(join(out, 'data/dataset.json'), await (await request.get('/data/dataset.json')).body());
    const misses: string[] = [];
    const host = await serve(staticServer(out, '/sub/path/', misses));
    const partner = await serve(pageServer({ '/': partnerPage(`<div data-jjj-transfer-map="?lang=en"></div><script src="${host.origin}/sub/path/embed.js" async></script>`) }));
    const watch = watchPage(page, host.origin);
    await page.goto(host.origin + '/sub/path/?lang=en');
    await waitForMap(page);
    expect(await page.evaluate(() => document.querySelectorAll('.legend__industries li').length)).toBeGreaterThan(0);
    await page.goto(partner.origin + '/');
    const ready = await waitForMessage(page, 'ready');
    expect(ready.origin).toBe(host.origin);
    expect(new URL((await page.locator('iframe').getAttribute('src'))!).pathname).toBe('/sub/path/index.html');
    expect(misses).toEqual([]);
    expect(watch.errors).toEqual([]);
    void baseURL;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
