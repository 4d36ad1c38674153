/**
 * `npm run bench` — the flow-arc renderer on its own (issue 4), on SYNTHETIC flows only.
 *
 * 1. Frame times during the scripted 3-second pan/zoom with 0, 1,000, 10,000 and 50,000 arcs for
 *    the technique we ship (MapLibre custom WebGL2 layer) and the two we rejected (MapLibre `line`
 *    layer of Bézier LineStrings; d3 SVG overlay re-projected on `move`), plus our per-frame JS
 *    and the filter-change time: delegated to the peers harness (`bench/peers/run.ts`, same pages,
 *    same move), restricted to those pages.
 * 2. At 50,000 flows (drawn as the app does: the 5,000 largest, the rest summarised): how long an input waits for the main thread while the camera moves (must
 *    stay < 200 ms), and the JS heap before and after 20 filter changes (FAILS if it grows by more
 *    than 10 %).
 *
 * 0. First, in Node, the app's own filter-change path (bench/pipeline.ts): selectors, planner
 *    summary and arc packing for 0 (baseline), 1,000, 10,000 and 50,000 flows, median and p95 per
 *    change; bench/results/pipeline-<date>.json. `--no-pipeline` skips it.
 *
 * Writes bench/results/arcs-<date>.json and prints one summary line per case. SwiftShader
 * timings rank techniques on this machine; they are not real-GPU figures.
 */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { runPipelineBench, writePipelineResults } from './pipeline.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(HERE, 'peers/dist');
const RESULTS = join(HERE, 'results');
const date = new Date().toISOString().slice(0, 10);
const argv = process.argv.slice(2);
const skipPeers = argv.includes('--no-frames');

// 0. The app's filter-change path in Node (before any browser starts, so nothing competes with it).
if (!argv.includes('--no-pipeline')) console.log(`pipeline: wrote ${writePipelineResults(runPipelineBench())}`);

// 1. Frame times, own JS per frame and filter time: the peers harness on our pages only.
if (!skipPeers) {
  const r = spawnSync('npx', ['tsx', join(HERE, 'peers/run.ts'), '--pages', 'ours,mlline,svg', '--sizes', '1000,10000,50000', '--runs', '1', '--merge'], { stdio: 'inherit' });
  if (r.status !== 0) console.error('peers harness failed; continuing with the 50k checks');
}
if (!existsSync(join(DIST, 'ours.html'))) {
  const r = spawnSync('npx', ['tsx', join(HERE, 'peers/run.ts'), '--pages', 'ours', '--sizes', '1000', '--runs', '1', '--merge'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

// 2. Input latency and heap growth at 50,000 flows on our page.
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.pbf': 'application/x-protobuf' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
  const file = join(DIST, path || 'index.html');
  if (!file.startsWith(DIST) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto(`http://127.0.0.1:${port}/ours.html?n=50000&variant=top`);
await page.waitForFunction(() => window.__benchReady !== undefined);
await page.evaluate(() => window.__benchReady);

// Input latency: pointer events dispatched during the camera move; how long each waited.
await page.evaluate(() => {
  const w = window as unknown as { __lat: number[] };
  w.__lat = [];
  addEventListener('pointermove', (e) => w.__lat.push(performance.now() - e.timeStamp), { capture: true });
});
const moving = page.evaluate(() => window.__bench!.move());
for (let i = 0; i < 30; i++) {
  await page.mouse.move(300 + i * 10, 300 + (i % 5) * 7);
  await page.waitForTimeout(80);
}
await moving;
const latency = (await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat)).sort((a, b) => a - b);
const maxLatency = latency.at(-1) ?? NaN;
const medLatency = latency[Math.floor(latency.length / 2)] ?? NaN;

// Heap: after load, then after 20 filter changes (each re-packs and re-uploads the arcs).
const heap = () => page.evaluate(() => {
  (globalThis as unknown as { gc?: () => void }).gc?.();
  return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
});
const heap0 = await heap();
const filterMs: number[] = [];
for (let i = 0; i < 20; i++) filterMs.push((await page.evaluate(() => window.__bench!.filter())).ms);
const heap1 = await heap();
await browser.close();
server.close();

const growth = (heap1 - heap0) / heap0;
filterMs.sort((a, b) => a - b);
const result = {
  date,
  synthetic: true,
  machine: 'headless Debian Chromium, SwiftShader WebGL (software GPU), 2 cores',
  n: 50000,
  inputLatencyMs: { median: medLatency, max: maxLatency, samples: latency.length, limit: 200 },
  heapMB: { afterLoad: heap0 / 2 ** 20, after20Filters: heap1 / 2 ** 20, growth, limit: 0.1 },
  filterMs: { median: filterMs[10], p95: filterMs[18] },
  framesAndFilter: skipPeers ? null : `bench/results/peers-${date}.json (pages ours, mlline, svg)`,
};
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, `arcs-${date}.json`), JSON.stringify(result, null, 2) + '\n');
console.log(`arcs 50k: input wait median ${medLatency.toFixed(0)} ms, max ${maxLatency.toFixed(0)} ms (limit 200) ${maxLatency < 200 ? 'ok' : 'OVER'}`);
console.log(`arcs 50k: heap ${(heap0 / 2 ** 20).toFixed(1)} MB → ${(heap1 / 2 ** 20).toFixed(1)} MB after 20 filter changes (${(growth * 100).toFixed(1)} %, limit 10 %) ${growth <= 0.1 ? 'ok' : 'OVER'}`);
console.log(`arcs 50k: filter change ${result.filterMs.median?.toFixed(0)} ms median, ${result.filterMs.p95?.toFixed(0)} ms p95`);
if (growth > 0.1) process.exit(1);
