/**
 * A quick check of the 2D renderer in a browser without WebGL, until the app's e2e tests cover it:
 * `npx vite build --config bench/peers/vite.config.ts && npx tsx bench/peers/check2d.ts`.
 * Loads map2d.html?variant=real (the real dataset) in Chromium with --disable-webgl and checks
 * aria-busy, areaAt, pick, highlight, wheel/drag/keyboard moves with their camera-end events,
 * cooperative gestures, setCamera, snapshot, and that nothing of MapLibre is requested. Exits 1 on
 * a failed check; writes a screenshot of the highlighted map to --shot FILE if given.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { serveStatic } from '../serve.ts';

const DIST = fileURLToPath(new URL('./dist', import.meta.url));
const shotAt = process.argv.indexOf('--shot');
const SHOT = shotAt > 0 ? process.argv[shotAt + 1] : undefined;
let failed = 0;
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed++;
};
const site = await serveStatic(DIST, () => {});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
const requests: string[] = [];
page.on('request', (r) => requests.push(r.url()));
await page.goto(`http://127.0.0.1:${site.port}/map2d.html?variant=real`);
await page.evaluate(() => window.__benchReady);
// biome-ignore lint/suspicious/noExplicitAny: results of page scripts, checked by each caller
const ev = (s: string) => page.evaluate(s) as Promise<any>;
await ev(`window.__ends = []; window.__renderer.onCameraEnd((c) => window.__ends.push(c))`);
const cam0 = await ev(`window.__renderer.getCamera()`);
check((await page.getAttribute('#map', 'aria-busy')) === 'false', 'aria-busy is "false" after the first frame');
// Cangzhou city centre on screen
const proj = (lon: number, lat: number) => ev(`(() => { const t = window.__renderer.debug.transform(); const x = (180 + ${lon}) / 360 * 512, y = (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (${lat} * Math.PI) / 360))) / 360 * 512; return { x: x * t.k + t.x, y: y * t.k + t.y }; })()`) as Promise<{ x: number; y: number }>;
const cz = await proj(116.84, 38.3);
check((await ev(`window.__renderer.areaAt(${JSON.stringify(cz)})`)) === 130900, 'areaAt: Cangzhou under its centre');
check((await ev(`window.__renderer.areaAt({x: 1200, y: 500})`)) === null, 'areaAt: nothing at sea');
// pick: scan for hits along a line
const hits = await ev(`(() => { const r = window.__renderer; const out = {}; for (let x = 300; x < 900; x += 3) for (let y = 100; y < 700; y += 7) { const h = r.pick({x, y}); if (h) out[h.kind] = (out[h.kind] ?? 0) + 1; } return out; })()`);
const kinds = hits as Record<string, number>;
check(kinds.arc! > 0 && kinds.place! > 0 && kinds.platform! > 0, `pick finds arcs, places and platforms (${JSON.stringify(kinds)})`);
// highlight prefecture 130900
await ev(`window.__renderer.highlight('130900')`);
await page.waitForFunction(() => document.getElementById('map')!.getAttribute('aria-busy') === 'false');
if (SHOT) await page.screenshot({ path: SHOT });
await ev(`window.__renderer.highlight(null)`);
// wheel zoom about the pointer
await page.mouse.move(640, 360);
await page.mouse.wheel(0, -300);
await page.waitForTimeout(400);
check((await ev(`window.__renderer.getCamera().zoom`)) > (cam0 as { zoom: number }).zoom + 0.2, 'the wheel zooms in');
check((await ev(`window.__ends.length`)) === 1, 'one camera end after the wheel');
// drag
await page.mouse.move(600, 400); await page.mouse.down(); await page.mouse.move(500, 300, { steps: 5 }); await page.mouse.up();
await page.waitForTimeout(300);
check((await ev(`window.__renderer.getCamera().lon`)) > (cam0 as { lon: number }).lon + 0.3, 'a drag to the left pans east');
check((await ev(`window.__ends.length`)) === 2, 'one camera end after the drag');
// keyboard
await page.focus('canvas');
const beforeKeys = (await ev(`window.__renderer.getCamera()`)) as { lon: number; zoom: number };
await page.keyboard.press('ArrowRight'); await page.keyboard.press('+');
const afterKeys = (await ev(`window.__renderer.getCamera()`)) as { lon: number; zoom: number };
check(afterKeys.lon > beforeKeys.lon && Math.abs(afterKeys.zoom - beforeKeys.zoom - 1) < 1e-9, 'arrow pans, + zooms in one level');
// double-click zooms in one level (d3-zoom, animated)
const beforeDbl = await ev(`window.__renderer.getCamera().zoom`);
await page.mouse.dblclick(640, 360);
await page.waitForTimeout(700);
check(Math.abs((await ev(`window.__renderer.getCamera().zoom`)) - beforeDbl - 1) < 1e-6 || (await ev(`window.__renderer.getCamera().zoom`)) > beforeDbl + 0.5, 'double-click zooms in');
// cooperative
await ev(`window.__renderer.setCooperativeGestures({ touch: 'Use two fingers', wheel: 'Use Ctrl + scroll to zoom' })`);
const before = await ev(`window.__renderer.getCamera().zoom`);
await page.mouse.move(640, 360); await page.mouse.wheel(0, -300); await page.waitForTimeout(200);
check(before === (await ev(`window.__renderer.getCamera().zoom`)), 'cooperative: a plain wheel leaves the map');
check((await ev(`document.querySelector('.map2d-cooperative-hint').textContent`)) === 'Use Ctrl + scroll to zoom', 'cooperative: the hint shows');
await page.keyboard.down('Control'); await page.mouse.wheel(0, -100); await page.keyboard.up('Control'); await page.waitForTimeout(300);
check(before !== (await ev(`window.__renderer.getCamera().zoom`)), 'cooperative: Ctrl + wheel zooms');
// fly
await ev(`window.__renderer.setCamera({ lon: 118.2, lat: 39.6, zoom: 9 }, { fly: true })`);
await page.waitForFunction(() => { const c = (window as unknown as { __renderer: { getCamera(): { zoom: number } } }).__renderer.getCamera(); return Math.abs(c.zoom - 9) < 1e-6; }, null, { timeout: 10000 });
check(true, 'setCamera reaches its camera');
await ev(`window.__renderer.setCamera(null)`);
check(JSON.stringify(await ev(`window.__renderer.getCamera()`)) === JSON.stringify(cam0), 'setCamera(null): back to the whole region');
const snap = await ev(`window.__renderer.snapshot().then((c) => [c.width, c.height])`);
check(JSON.stringify(snap) === '[1280,720]', 'snapshot at device pixels');
check(!requests.some((u) => /maplibre|worker/i.test(u)), 'no request for MapLibre');
await browser.close();
site.server.close();
process.exit(failed ? 1 : 0);
