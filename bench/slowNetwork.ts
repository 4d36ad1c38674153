/**
 * First paint on a slow network (issue 21, item 6): the built site (dist/) served gzipped (as a
 * production host does) to Chromium throttled to 400 kbit/s down and up with 400 ms latency
 * (DevTools network emulation), cache off. Per page load, from navigation start:
 *
 *   - first paint: the first contentful paint (what the reader sees first);
 *   - loading state: the map area tells what it is loading (`.map-loading` visible), or "—";
 *   - panel: the filters panel shows the data's figures (its count badge is filled: the filters
 *     work) — the first meaningful paint;
 *   - table: the data table has rows (full page only; an embed has no table), or "—";
 *   - ready: `#map` aria-busy="false" (the map has drawn everything it shows);
 *   - bytes: gzip bytes transferred before ready (the page's own requests; MapLibre's worker
 *     script is fetched by the worker and not counted).
 *
 * Both renderers: the WebGL path as on a machine with a graphics card (the browser made to report
 * one, as tests/e2e/fixtures.ts does — this machine's WebGL is software, where the app would
 * choose 2D), and the 2D path (the machine as it is). Median of `--runs` loads (default 3) of the
 * full page and of an embed each. `npx tsx bench/slowNetwork.ts [--dist dist] [--runs 3]
 * [--label x] [--paths webgl,2d] [--compare other-dist]`; part of `npm run bench`. `--compare`
 * loads another build (e.g. main's) alternately with this one, load for load, so that both meet
 * the same machine: the one fair before/after on a shared machine. Writes
 * bench/results/slow-network-<date>[-label].json.
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { reportGpu } from '../tests/e2e/fixtures.ts';
import { TYPES } from './serve.ts';
import { quantile } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const NETWORK = { latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 } as const;

export interface SlowLoad {
  firstPaint: number;
  loadingState: number | null;
  panel: number | null;
  table: number | null;
  ready: number | null;
  /** When the last response before ready had arrived (Resource Timing, MapLibre's worker included): the network's share of ready; the rest is the CPU drawing. */
  lastByte: number | null;
  bytes: number;
}

export type SlowPath = 'webgl' | '2d';

export interface SlowNetworkResult {
  /** Which build (`--compare`: the two builds' loads alternate, so both see the same machine). */
  build: string;
  page: string;
  path: SlowPath;
  runs: SlowLoad[];
  median: Omit<SlowLoad, 'firstPaint' | 'bytes'> & { firstPaint: number; bytes: number };
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
  const t = { loadingState: null, panel: null, table: null, ready: null, done: false };
  window.__slow = t;
  const check = () => {
    const now = performance.now();
    const loading = document.querySelector('.map-loading');
    if (t.loadingState === null && loading && loading.getBoundingClientRect().height > 0 && getComputedStyle(loading).visibility !== 'hidden') t.loadingState = now;
    if (t.panel === null && document.querySelector('#panel .pt-handle__badge')?.textContent) t.panel = now;
    if (t.table === null && document.querySelector('#data-table tbody tr')) t.table = now;
    if (t.ready === null && document.getElementById('map')?.getAttribute('aria-busy') === 'false') t.ready = now;
    // Until ready, and on the full page until the table has rows (at most 10 s after ready).
    const embedded = new URLSearchParams(location.search).has('embed');
    if (t.ready === null || (!embedded && t.table === null && now - t.ready < 10000)) requestAnimationFrame(check);
    else t.done = true;
  };
  requestAnimationFrame(check);
})();`;

async function loadOnce(url: string, path: SlowPath): Promise<SlowLoad> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, locale: 'en-GB' });
    await page.addInitScript({ content: `try { localStorage.setItem('jjj-story-seen', '1'); } catch {}\n${PROBE}` });
    if (path === 'webgl') await page.addInitScript(reportGpu);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => { bytes += e.encodedDataLength; });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(() => (window as unknown as { __slow: { ready: number | null } }).__slow?.ready !== null, undefined, { timeout: 120_000, polling: 100 });
    const bytesAtReady = bytes;
    await page.waitForFunction(() => (window as unknown as { __slow: { done: boolean } }).__slow?.done, undefined, { timeout: 120_000, polling: 200 });
    const { done: _, ...t } = await page.evaluate(() => (window as unknown as { __slow: Omit<SlowLoad, 'firstPaint' | 'bytes' | 'lastByte'> & { done: boolean } }).__slow);
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
    const lastByte = await page.evaluate((ready) => {
      const ends = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.responseEnd).filter((end) => ready !== null && end <= ready);
      return ends.length ? Math.max(...ends) : null;
    }, t.ready);
    return { firstPaint, ...t, lastByte, bytes: bytesAtReady };
  } finally {
    await browser.close();
  }
}

const med = (xs: Array<number | null>) => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length === xs.length ? Math.round(quantile(v, 0.5)) : null;
};

export interface SlowBuild {
  label: string;
  dist: string;
}

/**
 * Loads each build `runs` times per path and page. With two builds (before/after) their loads
 * alternate, so a busy moment of the shared machine falls on both alike.
 */
export async function runSlowNetworkBench({ builds = [{ label: 'now', dist: join(ROOT, 'dist') }] as SlowBuild[], runs = 3, paths = ['webgl', '2d'] as SlowPath[] } = {}): Promise<SlowNetworkResult[]> {
  for (const b of builds) if (!existsSync(join(b.dist, 'index.html'))) throw new Error(`${b.dist}/index.html missing: npm run build first`);
  const servers = await Promise.all(builds.map((b) => gzipServer(b.dist)));
  const out: SlowNetworkResult[] = [];
  try {
    for (const path of paths)
      for (const [name, query] of [['full page', '?lang=en'], ['embed', '?lang=en&embed=1']] as const) {
        const loads: SlowLoad[][] = builds.map(() => []);
        for (let i = 0; i < runs; i++) for (let b = 0; b < builds.length; b++) loads[b]!.push(await loadOnce(servers[b]!.url + query, path));
        builds.forEach((build, b) => {
          const l = loads[b]!;
          out.push({
            build: build.label,
            page: name,
            path,
            runs: l,
            median: {
              firstPaint: Math.round(quantile(l.map((x) => x.firstPaint), 0.5)),
              loadingState: med(l.map((x) => x.loadingState)),
              panel: med(l.map((x) => x.panel)),
              table: med(l.map((x) => x.table)),
              ready: med(l.map((x) => x.ready)),
              lastByte: med(l.map((x) => x.lastByte)),
              bytes: Math.round(quantile(l.map((x) => x.bytes), 0.5)),
            },
          });
        });
      }
  } finally {
    await Promise.all(servers.map((x) => x.close()));
  }
  return out;
}

const s = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
export function reportSlowNetwork(results: SlowNetworkResult[], label = ''): void {
  for (const r of results) {
    const m = r.median;
    console.log(`slow network (400 kbit/s, 400 ms)${label ? ` [${label}]` : ''} ${r.build} ${r.path} ${r.page}: first paint ${s(m.firstPaint)}, loading state ${s(m.loadingState)}, panel ${s(m.panel)}, table ${s(m.table)}, last byte ${s(m.lastByte)}, ready ${s(m.ready)}, ${(m.bytes / 1000).toFixed(0)} KB`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (k: string) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
  const paths = (arg('--paths') ?? 'webgl,2d').split(',') as SlowPath[];
  // `--compare <dist>`: that build (e.g. main's, built elsewhere) as "before", alternating with this one.
  const builds: SlowBuild[] = [...(arg('--compare') ? [{ label: 'before', dist: arg('--compare')! }] : []), { label: arg('--compare') ? 'after' : 'now', dist: arg('--dist') ?? join(ROOT, 'dist') }];
  const results = await runSlowNetworkBench({ builds, runs: Number(arg('--runs') ?? 3), paths });
  reportSlowNetwork(results, arg('--label'));
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  const file = join(ROOT, 'bench/results', `slow-network-${new Date().toISOString().slice(0, 10)}${arg('--label') ? `-${arg('--label')}` : ''}.json`);
  writeFileSync(file, JSON.stringify({ network: NETWORK, label: arg('--label') ?? null, results }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
