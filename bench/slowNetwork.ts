/**
 * First paint on a slow network (issue 21, item 6): the built site (dist/) served gzipped (as a
 * production host does) to Chromium throttled to 400 kbit/s down and up with 400 ms latency
 * (DevTools network emulation), cache off. Per page load, from navigation start:
 *
 *   - first paint: the first contentful paint (what the reader sees first);
 *   - loading state: the map area tells what it is loading (`.map-loading` visible), or "—";
 *   - ready: `#map` aria-busy="false" (the map has drawn everything it shows);
 *   - bytes: gzip bytes transferred before ready.
 *
 * Median of `--runs` loads (default 3) of the full page and of an embed. `npx tsx
 * bench/slowNetwork.ts [--dist dist] [--runs 3] [--label after]`; part of `npm run bench`.
 * Writes bench/results/slow-network-<date>.json.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { TYPES } from './serve.ts';
import { quantile } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NETWORK = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 } as const;

export interface SlowLoad {
  firstPaint: number;
  loadingState: number | null;
  ready: number | null;
  bytes: number;
}

export interface SlowNetworkResult {
  page: string;
  runs: SlowLoad[];
  median: { firstPaint: number; loadingState: number | null; ready: number | null; bytes: number };
}

function gzipServer(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const root = resolve(dir);
  const cache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const rel = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\]|\.\.[/\\])+/, '');
    const file = join(root, rel || 'index.html');
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    let body = cache.get(file);
    if (!body) cache.set(file, (body = gzipSync(readFileSync(file), { level: 6 })));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    ok({ url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }) });
  }));
}

/** Recorded in the page from navigation start (performance.now()). */
const PROBE = `(() => {
  const t = { loadingState: null, ready: null };
  window.__slow = t;
  const check = () => {
    const now = performance.now();
    const loading = document.querySelector('.map-loading');
    if (t.loadingState === null && loading && loading.getBoundingClientRect().height > 0 && getComputedStyle(loading).visibility !== 'hidden') t.loadingState = now;
    if (t.ready === null && document.getElementById('map')?.getAttribute('aria-busy') === 'false') t.ready = now;
    if (t.ready === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

async function loadOnce(url: string): Promise<SlowLoad> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
    await page.addInitScript({ content: `try { localStorage.setItem('jjj-story-seen', '1'); } catch {}\n${PROBE}` });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { bytes += e.encodedDataLength; });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __slow: { ready: number | null } }).__slow?.ready !== null, undefined, { timeout: 120_000, polling: 200 });
    const t = await page.evaluate(() => (window as unknown as { __slow: Omit<SlowLoad, 'firstPaint' | 'bytes'> }).__slow);
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    return { firstPaint, ...t, bytes };
  } finally {
    await browser.close();
  }
}

const med = (xs: Array<number | null>) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === xs.length ? Math.round(quantile(v, 0.5)) : null;
};

export async function runSlowNetworkBench({ dist = join(ROOT, 'dist'), runs = 3 } = {}): Promise<SlowNetworkResult[]> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: npm run build first`);
  const server = await gzipServer(dist);
  const out: SlowNetworkResult[] = [];
  try {
    for (const [name, path] of [['full page', '?lang=en'], ['embed', '?lang=en&embed=1']] as const) {
      const loads: SlowLoad[] = [];
      for (let i = 0; i < runs; i++) loads.push(await loadOnce(server.url + path));
      out.push({
        page: name,
        runs: loads,
        median: {
          firstPaint: Math.round(quantile(loads.map((l) => l.firstPaint), 0.5)),
          loadingState: med(loads.map((l) => l.loadingState)),
          ready: med(loads.map((l) => l.ready)),
          bytes: Math.round(quantile(loads.map((l) => l.bytes), 0.5)),
        },
      });
    }
  } finally {
    await server.close();
  }
  return out;
}

const s = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
export function reportSlowNetwork(results: SlowNetworkResult[], label = ''): void {
  for (const r of results) {
    const m = r.median;
    console.log(`slow network (400 kbit/s, 400 ms)${label ? ` [${label}]` : ''} ${r.page}: first paint ${s(m.firstPaint)}, loading state ${s(m.loadingState)}, ready ${s(m.ready)}, ${(m.bytes / 1000).toFixed(0)} KB`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (k: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
  const results = await runSlowNetworkBench({ dist: arg('--dist') ?? join(ROOT, 'dist'), runs: Number(arg('--runs') ?? 3) });
  reportSlowNetwork(results, arg('--label'));
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, 'bench/results', `slow-network-${new Date().toISOString().slice(0, 10)}${arg('--label') ? `-${arg('--label')}` : ''}.json`);
  writeFileSync(file, JSON.stringify({ network: NETWORK, label: arg('--label') ?? null, results }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
