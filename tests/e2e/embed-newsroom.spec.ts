/**
 * Embeds as newsrooms make them (issue 20): parent pages whose resizer is Datawrapper's or
 * AMP's, the Embed dialog's snippet in a page at several widths, the noscript picture.
 */
import { test, expect, type Page } from './fixtures.ts';
import { watchPage } from './helpers.ts';
import { pageServer, type TestServer } from './servers.ts';
import { partnerPage, waitForMessage } from './partner.ts';

const servers: TestServer[] = [];
test.afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });
const serve = async (s: Promise<TestServer>) => { const v = await s; servers.push(v); return v; };

/** Datawrapper's published resizer ("responsive iframe" embed code), as CMSs include it. */
const DATAWRAPPER_RESIZER = `!function(){"use strict";window.addEventListener("message",(function(a){if(void 0!==a.data["datawrapper-height"]){var e=document.querySelectorAll("iframe");for(var t in a.data["datawrapper-height"])for(var r=0;r<e.length;r++)if(e[r].contentWindow===a.source){var i=a.data["datawrapper-height"][t]+"px";e[r].style.height=i}}}))}();`;

/** What <amp-iframe resizable> does with an embed-size message (AMP's runtime, reduced to its rule). */
const AMP_LISTENER = `window.addEventListener("message", function (e) {
  var d = e.data;
  if (!d || d.sentinel !== "amp" || d.type !== "embed-size" || typeof d.height !== "number") return;
  document.querySelectorAll("iframe").forEach(function (f) { if (f.contentWindow === e.source) f.style.height = d.height + "px"; });
});`;

async function frameHeight(page: Page): Promise<number> {
  return (await page.locator('iframe').boundingBox())!.height;
}

test('a page with Datawrapper\'s resizer sizes the frame, under the id from embedId=', async ({ page, baseURL }) => {
  const map = new URL(baseURL!).origin;
  const partner = await serve(pageServer({ '/': partnerPage(`<iframe id="datawrapper-chart-jjj1" src="${map}/?embed=1&lang=en&controls=0&embedId=jjj1" title="map" scrolling="no" style="width:100%;border:0;height:200px"></iframe><script>${DATAWRAPPER_RESIZER}</script>`) }));
  const errors = watchPage(page, map).errors;
  await page.goto(partner.origin + '/');
  await expect.poll(() => frameHeight(page)).toBeGreaterThanOrEqual(300);
  const sent = await page.evaluate(() => (window as unknown as { __msgs: Array<{ data: Record<string, unknown> }> }).__msgs.map((m) => m.data).filter((d) => d && 'datawrapper-height' in d));
  expect(sent.length).toBeGreaterThan(0);
  expect(Object.keys(sent.at(-1)!['datawrapper-height'] as object)).toEqual(['jjj1']);
  expect(await frameHeight(page)).toBe((sent.at(-1)!['datawrapper-height'] as Record<string, number>).jjj1);
  expect(errors).toEqual([]);
});

test('a page with an AMP-style listener sizes the frame', async ({ page, baseURL }) => {
  const map = new URL(baseURL!).origin;
  const partner = await serve(pageServer({ '/': partnerPage(`<iframe src="${map}/?embed=1&lang=en&controls=0" title="map" style="width:100%;border:0;height:200px"></iframe><script>${AMP_LISTENER}</script>`) }));
  await page.goto(partner.origin + '/');
  await expect.poll(() => frameHeight(page)).toBeGreaterThanOrEqual(300);
  const amp = await page.evaluate(() => (window as unknown as { __msgs: Array<{ data: Record<string, unknown> }> }).__msgs.map((m) => m.data).filter((d) => d?.sentinel === 'amp'));
  expect(amp.at(-1)).toMatchObject({ sentinel: 'amp', type: 'embed-size' });
  expect(await frameHeight(page)).toBe(amp.at(-1)!.height);
});

test('the Embed dialog\'s snippet in a partner page: labelled, lazy, full width, height by width, a noscript picture', async ({ page, baseURL }) => {
  await page.goto('/?lang=en&industry=pharma');
  await expect(page.locator('#map')).toHaveAttribute('aria-busy', 'false');
  await page.locator('#embed-button').click();
  const snippet = await page.locator('#embed-code-iframe').inputValue();
  const map = new URL(baseURL!).origin;
  const partner = await serve(pageServer({ '/': partnerPage(`<div id="col">${snippet}</div>`) }));
  await page.goto(partner.origin + '/');
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('title', 'Jing-Jin-Ji Industrial Transfer Map');
  await expect(iframe).toHaveAttribute('aria-label', /^Arcs from .+ to Hebei, Pharmaceuticals, \d{4}–\d{4}: \d+ records?; largest: .+\.$/);
  await expect(iframe).toHaveAttribute('loading', 'lazy');
  await waitForMessage(page, 'ready');
  // Height by width: 4:3 within 440–720 px.
  for (const [width, height] of [[360, 440], [640, 480], [800, 600], [1000, 720]] as const) {
    await page.evaluate((w) => { document.getElementById('col')!.style.width = `${w}px`; }, width);
    await expect.poll(async () => Math.round((await iframe.boundingBox())!.height)).toBe(height);
    expect(Math.round((await iframe.boundingBox())!.width)).toBe(width);
  }
  // Narrower than its min-width, the frame keeps 280 px.
  await page.evaluate(() => { document.getElementById('col')!.style.width = '200px'; });
  await expect.poll(async () => Math.round((await iframe.boundingBox())!.width)).toBe(280);
  // The noscript picture: an image with alt text saying what the default view shows, linked to the full map.
  const fallback = await page.evaluate(() => {
    const t = document.createElement('template');
    t.innerHTML = document.querySelector('noscript')!.textContent!;
    const img = t.content.querySelector('img')!;
    return { src: img.getAttribute('src')!, alt: img.alt, href: t.content.querySelector('a')!.getAttribute('href')! };
  });
  expect(fallback.alt).toMatch(/^Arcs from .+ to Hebei, Tianjin and Beijing, all industries, .+: \d+ records; largest: /);
  expect(new URL(fallback.href).searchParams.get('industry')).toBe('pharma');
  expect(new URL(fallback.href).searchParams.has('embed')).toBe(false);
  expect(new URL(fallback.src).origin).toBe(map);
  expect(new URL(fallback.src).pathname).toBe('/pictures/default.en.png');
  const res = await page.request.get(fallback.src);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/png');
});

test('link previews: og: and twitter: tags in zh and en, their picture exists; the page\'s noscript picture', async ({ page, request }) => {
  await page.goto('/?lang=en');
  const meta = (sel: string) => page.locator(sel).getAttribute('content');
  for (const [sel, re] of [
    ['meta[property="og:title"]', /京津冀产业转移地图 · Jing-Jin-Ji Industrial Transfer Map/],
    ['meta[property="og:description"]', /北京、天津.+Industry moving out of Beijing and Tianjin/],
    ['meta[property="og:locale"]', /^zh_CN$/],
    ['meta[property="og:locale:alternate"]', /^en_GB$/],
    ['meta[name="twitter:card"]', /^summary_large_image$/],
    ['meta[name="twitter:title"]', /Jing-Jin-Ji/],
    ['meta[name="twitter:description"]', /Industry moving out of Beijing and Tianjin/],
  ] as const) expect(await meta(sel)).toMatch(re);
  // The picture says what it shows, in both languages.
  expect(await meta('meta[property="og:image:alt"]')).toMatch(/^从北京市、天津市到河北省、天津市、北京市的产业转移弧线，所有产业，.+ · Arcs from Beijing and Tianjin to Hebei, Tianjin and Beijing, all industries, .+\.$/);
  for (const sel of ['meta[property="og:image"]', 'meta[name="twitter:image"]']) {
    const res = await request.get(new URL((await meta(sel))!, page.url()).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/png');
    const png = await res.body();
    // A 1200 × 630 PNG (its IHDR).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  }
  // Without script, the page shows the default view's picture with its alt text.
  const noscript = await page.evaluate(() => {
    const t = document.createElement('template');
    t.innerHTML = document.querySelector('#map noscript')!.textContent!;
    const img = t.content.querySelector('img')!;
    return { src: img.getAttribute('src')!, alt: img.alt };
  });
  expect(noscript.alt).toMatch(/^从北京市、天津市到河北省.+ · Arcs from Beijing/);
  expect((await request.get(new URL(noscript.src, page.url()).href)).status()).toBe(200);
  // A story step's pictures too, SVG and PNG.
  for (const ext of ['svg', 'png']) expect((await request.get(`/pictures/story-3.en.${ext}`)).status()).toBe(200);
});

test('oEmbed: discovered from the page, valid, and its html embeds the map', async ({ page, request, baseURL }) => {
  await page.goto('/');
  const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
  const href = new URL((await link.getAttribute('href'))!, page.url()).href;
  const res = await request.get(href);
  expect(res.status()).toBe(200);
  const o = (await res.json()) as Record<string, unknown>;
  expect(o).toMatchObject({ version: '1.0', type: 'rich', width: 640, height: 480, thumbnail_width: 1200, thumbnail_height: 630 });
  for (const k of ['title', 'provider_name', 'html', 'thumbnail_url']) expect(typeof o[k]).toBe('string');
  expect((await request.get(new URL(o.thumbnail_url as string, href).href)).status()).toBe(200);
  // The html is one iframe of the map in embed mode (its address relative to oembed.json when the
  // build had no SITE_URL; absolute with it).
  const html = (o.html as string).replace(/src="([^"]*)"/, (_, src: string) => `src="${new URL(src.replace(/&amp;/g, '&'), href).href.replace(/&/g, '&amp;')}"`);
  const partner = await serve(pageServer({ '/': partnerPage(html) }));
  await page.goto(partner.origin + '/');
  const ready = await waitForMessage(page, 'ready');
  expect(ready.origin).toBe(new URL(baseURL!).origin);
  expect(ready.data.state).toMatchObject({ embed: '1', lang: 'zh' });
  await expect(page.locator('iframe')).toHaveAttribute('aria-label', /^从北京市/);
});
