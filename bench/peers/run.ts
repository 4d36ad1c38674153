/**
 * `npm run bench:peers` — this project's flow renderer against its peers, on the same SYNTHETIC
 * flows (scripts/synthetic.ts, seed 42) over the same boundaries, in headless Chromium
 * (Debian's /usr/bin/chromium, SwiftShader WebGL, 1280×720).
 *
 * 1. Builds bench/peers/*.html with Vite into bench/peers/dist/.
 * 2. Serves dist/ on 127.0.0.1 (no cache; counts every byte served, gzipped file by file).
 * 3. For each page × size: a fresh browser; navigation → first complete frame (the page's
 *    `__benchReady`, resolved after a forced pixel read); JS heap after a GC; the scripted
 *    3-second move (rAF frame times; page script time from the DevTools protocol's
 *    ScriptDuration; the page's own per-frame JS); the "even years" filter until the next
 *    complete frame; bytes.
 * 4. Writes bench/results/peers-<date>.json and .md, one summary line per case on stdout.
 *
 * Chromium's threads run at nice -10 when run as root (--no-nice to turn off): the machine is
 * shared, and a software GPU slows down many times over when other work competes for the CPUs.
 *
 * Options: --sizes 1000,10000  --pages ours,echarts  --runs 3  --budget-min 14  --quiet-s 10  --no-build
 *          --report-only [file.json] (re-aggregate from the raw runs, rewrite .json and .md)  --case-timeout-s 90
 *          --merge (keep today's other cases in the results file; run one size per invocation)
 *          --shots DIR (screenshots after the first frame and after the move, for checking)
 * Figures rank techniques on THIS machine (software GPU); compare ratios within one run.
 */
import type { Server } from 'node:http';
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import type { CaseInfo, MoveResult } from './common.ts';
import { browserProcess } from '../browserProcess.ts';
import { serveStatic } from '../serve.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const DIST = join(HERE, 'dist');
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const VIEWPORT = { width: 1280, height: 720 };
const CASE_TIMEOUT_MS = Number(process.argv.includes('--case-timeout-s') ? process.argv[process.argv.indexOf('--case-timeout-s') + 1] : 90) * 1000;

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (opt('sizes') ?? '1000,10000,50000').split(',').map(Number);
/** Case keys (e.g. maplibre-line) or page files (e.g. mlline: every case of that page). */
const PAGE_FILTER = opt('pages')?.split(',');
const MAX_RUNS = Number(opt('runs') ?? 3);
const BUDGET_MS = Number(opt('budget-min') ?? 14) * 60_000;
const BUILD = !argv.includes('--no-build');
/** Merge into today's results file instead of replacing it (see main). */
const MERGE = argv.includes('--merge');
/**
 * Run Chromium at a raised priority (root only; --no-nice to turn off) so that other work on a
 * shared machine disturbs the software GPU less. Chromium sets its own threads' priorities (its
 * SwiftShader threads run at nice 0 whatever it was started with), so a keeper re-applies
 * nice -10 to every thread of the benchmark's browser processes every 250 ms.
 */
const NICE = !argv.includes('--no-nice') && process.getuid?.() === 0;
const NICE_VALUE = -10;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserProc = browserProcess('bench', CHROMIUM);
const browserCpuMs = () => browserProc.cpuMs();
const raisePriority = () => browserProc.raisePriority(NICE_VALUE);

/** Longest wait for an idle machine before a run. */
const QUIET_MAX_MS = Number(opt('quiet-s') ?? 10) * 1000;
/** Longest total wait for an idle machine over the whole run. */
const QUIET_TOTAL_MS = 120_000;
/** Folder for a screenshot of each case after its first frame and after its move (checking only). */
const SHOTS = opt('shots');

// ---------------------------------------------------------------- cases

interface CaseDef {
  key: string;
  file: string;
  variant: string;
  n: number;
  label: string;
}

const PAGES: Array<{ key: string; file: string; variant: string; label: string; only?: number[] }> = [
  { key: 'ours', file: 'ours', variant: 'default', label: '(a) ours: createArcLayer, one arc per flow' },
  { key: 'ours-top5k', file: 'ours', variant: 'top', label: '(a′) ours, top 5,000 + rest summarised', only: [50000] },
  { key: 'ours-app', file: 'ours', variant: 'app', label: '(a″) ours as the app draws: one arc per origin × destination × industry, largest 5,000' },
  { key: 'flowmap-nocluster', file: 'flowmap', variant: 'nocluster', label: '(b) flowmap.gl, clustering off' },
  { key: 'flowmap-default', file: 'flowmap', variant: 'default', label: '(b′) flowmap.gl, defaults' },
  { key: 'echarts', file: 'echarts', variant: 'default', label: '(c) ECharts lines on geo' },
  { key: 'deck-arc', file: 'deckarc', variant: 'default', label: '(d) deck.gl ArcLayer overlaid' },
  { key: 'maplibre-line', file: 'mlline', variant: 'default', label: '(e) rejected: MapLibre line layer' },
  { key: 'svg-d3', file: 'svg', variant: 'default', label: '(f) rejected: d3 SVG overlay' },
  { key: 'map2d', file: 'map2d', variant: 'default', label: '(g) ours 2D: Canvas renderer (src/map/2d), one arc per flow; bitmap moves during the gesture when a frame is slow' },
  { key: 'map2d-full', file: 'map2d', variant: 'full', label: '(g′) ours 2D, every frame of the move drawn in full' },
  { key: 'map2d-app', file: 'map2d', variant: 'app', label: '(g″) ours 2D as the app draws: largest 5,000 arcs per origin × destination × industry', only: [50000] },
];

/** The floor under every MapLibre page: our basemap with no flows (ours.html?n=0). */
const BASELINE: CaseDef = { key: 'basemap-only', file: 'ours', variant: 'default', n: 0, label: '(0) MapLibre basemap alone, no flows' };

const CASES: CaseDef[] = [...(!PAGE_FILTER || PAGE_FILTER.includes(BASELINE.key) ? [BASELINE] : []), ...SIZES.flatMap((n) =>
  PAGES.filter((p) => (!p.only || p.only.includes(n)) && (!PAGE_FILTER || PAGE_FILTER.includes(p.key) || PAGE_FILTER.includes(p.file))).map((p) => ({ key: p.key, file: p.file, variant: p.variant, n, label: p.label })),
)];

// ---------------------------------------------------------------- static server with byte counting

interface Served {
  path: string;
  bytes: number;
  gzip: number;
}

async function serve(): Promise<{ server: Server; port: number; take(): Served[] }> {
  const gzCache = new Map<string, number>();
  let served: Served[] = [];
  const site = await serveStatic(DIST, ({ path, file, body }) => {
    if (!gzCache.has(file)) gzCache.set(file, gzipSync(body, { level: 6 }).length);
    served.push({ path, bytes: body.length, gzip: gzCache.get(file)! });
  });
  return {
    server: site.server,
    port: site.port,
    take: () => {
      const s = served;
      served = [];
      return s;
    },
  };
}

// ---------------------------------------------------------------- a quiet machine

/** Share of CPU time idle over `ms` (from /proc/stat; 1 when unknown). */
async function idleShare(ms: number): Promise<number> {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3]! + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  if (!a || !b || b.total === a.total) return 1;
  return (b.idle - a.idle) / (b.total - a.total);
}

/**
 * Other work on this machine (tests, builds) slows a software GPU down many times over. Before
 * each run, wait until the CPUs are mostly idle (≥ 70 % for 2 s in a row), at most `maxMs`.
 * Returns the idle share measured just before the run.
 */
async function waitForQuiet(maxMs: number): Promise<number> {
  const end = Date.now() + maxMs;
  let last = await idleShare(1000);
  let calm = last >= 0.7 ? 1 : 0;
  while (calm < 2 && Date.now() < end) {
    last = await idleShare(1000);
    calm = last >= 0.7 ? calm + 1 : 0;
  }
  return last;
}

// ---------------------------------------------------------------- one run of one case

interface RunResult {
  ok: boolean;
  error?: string;
  info?: CaseInfo;
  firstFrameMs?: number;
  heapMB?: number;
  frames?: number;
  frameMedianMs?: number;
  frameP95Ms?: number;
  moveTotalMs?: number;
  ownJsMsPerFrame?: number;
  /** Median of the own code's calls (≈ one per frame). */
  ownJsMsMedian?: number;
  scriptMsPerFrame?: number;
  filterMs?: number;
  /** CPU time of all browser processes (ms): navigation → first frame, per frame of the move, filter. */
  cpuFirstFrameMs?: number;
  cpuMsPerFrame?: number;
  cpuFilterMs?: number;
  drawnAfterFilter?: number;
  gzipKB?: number;
  jsGzipKB?: number;
  rawKB?: number;
  requests?: number;
  /** What was fetched up to the first frame, gzipped size per file (bytes). */
  files?: Array<{ path: string; gzip: number }>;
  /** 1-minute load average when the page was ready (other work on the machine skews timings). */
  loadavg?: number;
  /** Idle CPU share just before the run. */
  idleBefore?: number;
  wallMs: number;
}

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function timeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, rej) => (t = setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
}

async function runCase(c: CaseDef, port: number, take: () => Served[], idle: number, hardDeadline: number): Promise<RunResult> {
  const wall0 = Date.now();
  const deadline = Math.min(wall0 + CASE_TIMEOUT_MS, hardDeadline);
  const left = () => Math.max(1_000, deadline - Date.now());
  let browser: Browser | null = null;
  const r: RunResult = { ok: false, wallMs: 0, idleBefore: idle };
  try {
    browser = await chromium.launch({ executablePath: EXECUTABLE, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    take();
    const cpu0 = browserCpuMs();
    const url = `http://127.0.0.1:${port}/${c.file}.html?n=${c.n}&variant=${c.variant}`;
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchReady !== undefined || window.__benchError !== undefined, undefined, { timeout: left() });
    r.firstFrameMs = await timeout(
      page.evaluate(async () => {
        if (window.__benchError) throw new Error(window.__benchError);
        return window.__benchReady!;
      }),
      left(),
      'first frame',
    );
    r.cpuFirstFrameMs = browserCpuMs() - cpu0;
    r.info = await page.evaluate(() => ({ ...window.__bench!.info }));
    r.loadavg = loadavg()[0];
    const files = take();
    r.gzipKB = files.reduce((s, f) => s + f.gzip, 0) / 1000;
    r.rawKB = files.reduce((s, f) => s + f.bytes, 0) / 1000;
    r.jsGzipKB = files.filter((f) => /\.m?js$/.test(f.path)).reduce((s, f) => s + f.gzip, 0) / 1000;
    r.requests = files.length;
    r.files = files.map((f) => ({ path: f.path, gzip: f.gzip }));
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${c.key}-${c.n}-first.png`) });
    }
    await cdp.send('HeapProfiler.collectGarbage');
    r.heapMB = (await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize)) / 1e6;

    const metric = async () => {
      const m = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      return m.metrics.find((x) => x.name === 'ScriptDuration')?.value ?? NaN;
    };
    const s0 = await metric();
    const cpuMove0 = browserCpuMs();
    const move = await timeout(page.evaluate(() => window.__bench!.move()) as Promise<MoveResult>, left(), 'camera move');
    const s1 = await metric();
    const cpuMove = browserCpuMs() - cpuMove0;
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${c.key}-${c.n}-after-move.png`) });
    }
    const deltas = move.stamps.slice(1).map((t, i) => t - move.stamps[i]!);
    r.frames = deltas.length;
    r.frameMedianMs = median(deltas);
    r.frameP95Ms = quantile(deltas, 0.95);
    r.moveTotalMs = move.totalMs;
    r.ownJsMsPerFrame = deltas.length ? move.ownMs / deltas.length : NaN;
    r.ownJsMsMedian = move.ownSamples?.length ? median(move.ownSamples) : NaN;
    r.scriptMsPerFrame = deltas.length ? ((s1 - s0) * 1000) / deltas.length : NaN;
    r.cpuMsPerFrame = deltas.length ? cpuMove / deltas.length : NaN;

    const cpuFilter0 = browserCpuMs();
    const f = await timeout(page.evaluate(() => window.__bench!.filter()), left(), 'filter');
    r.cpuFilterMs = browserCpuMs() - cpuFilter0;
    r.filterMs = f.ms;
    r.drawnAfterFilter = f.drawn;
    if (errors.length) r.error = errors.slice(0, 3).join(' | ');
    r.ok = true;
  } catch (e) {
    r.error = String((e as Error).message ?? e).split('\n')[0];
  } finally {
    await browser?.close().catch(() => {});
    r.wallMs = Date.now() - wall0;
  }
  return r;
}

// ---------------------------------------------------------------- aggregation and reporting

const METRICS = ['firstFrameMs', 'frameMedianMs', 'frameP95Ms', 'ownJsMsPerFrame', 'ownJsMsMedian', 'scriptMsPerFrame', 'filterMs', 'heapMB', 'gzipKB', 'jsGzipKB', 'frames', 'moveTotalMs', 'cpuFirstFrameMs', 'cpuMsPerFrame', 'cpuFilterMs'] as const;
type Metric = (typeof METRICS)[number];

interface CaseResult {
  key: string;
  label: string;
  n: number;
  variant: string;
  runs: number;
  drawn: number | null;
  drawnAfterFilter: number | null;
  ownJs: string;
  generateMs: number | null;
  /** Median idle CPU share just before the runs (low = the machine was busy with other work). */
  idleBefore: number | null;
  median: Partial<Record<Metric, number>>;
  ratioToOurs: Partial<Record<Metric, number>>;
  errors: string[];
  raw: RunResult[];
}

/** Medians over the runs that reached their first frame (a run that failed later keeps what it measured). */
function aggregate(c: CaseDef, runs: RunResult[]): CaseResult {
  const ok = runs.filter((r) => r.firstFrameMs !== undefined && r.info !== undefined);
  const med: Partial<Record<Metric, number>> = {};
  for (const m of METRICS) {
    const v = median(ok.map((r) => r[m] as number));
    if (Number.isFinite(v)) med[m] = v;
  }
  const info = ok[0]?.info;
  return {
    key: c.key,
    label: c.label,
    n: c.n,
    variant: c.variant,
    runs: ok.length,
    drawn: info?.drawn ?? null,
    drawnAfterFilter: ok[0]?.drawnAfterFilter ?? null,
    ownJs: info?.ownJs ?? '',
    generateMs: info ? median(ok.map((r) => r.info!.generateMs)) : null,
    idleBefore: ok.length ? median(ok.map((r) => r.idleBefore ?? NaN)) : null,
    median: med,
    ratioToOurs: {},
    errors: runs.filter((r) => r.error && !r.ok).map((r) => r.error!),
    raw: runs,
  };
}

function addRatios(results: CaseResult[]): void {
  for (const r of results) {
    r.ratioToOurs = {};
    const ours = results.find((x) => x.key === 'ours' && x.n === r.n);
    if (!ours) continue;
    for (const m of METRICS) {
      const a = r.median[m];
      const b = ours.median[m];
      if (a !== undefined && b !== undefined && b > 0) r.ratioToOurs[m] = a / b;
    }
  }
}

const fmt = (x: number | undefined, d = 0) => (x === undefined || !Number.isFinite(x) ? '—' : x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d }));
const ratio = (x: number | undefined) => (x === undefined ? '' : ` (${x >= 10 ? x.toFixed(0) : x.toFixed(x >= 1 ? 1 : 2)}×)`);
const notRun = (r: CaseResult) => r.errors.length > 0 && r.errors.every((e) => e.startsWith('not run'));
const cell = (r: CaseResult, m: Metric, d = 0) =>
  r.median[m] === undefined ? (notRun(r) ? 'not run' : r.errors.length ? 'failed' : '—') : `${fmt(r.median[m], d)}${r.key === 'ours' ? '' : ratio(r.ratioToOurs[m])}`;

function markdown(results: CaseResult[], meta: Record<string, unknown>): string {
  const lines: string[] = [];
  lines.push(`# Flow rendering: ours vs peers — ${meta.date}`);
  lines.push('');
  lines.push('SYNTHETIC flows (`scripts/synthetic.ts`, seed 42) between Beijing/Tianjin districts and Hebei counties, the same boundaries');
  lines.push(`(public/geo/jjj.topo.json), headless Chromium ${meta.chromium} on SwiftShader (software GPU), ${meta.cpus} cores, 1280×720, DPR 1.`);
  lines.push('Same scripted move on every page: 3 s linear pan + one zoom level (z 6.2 → 7.2). Values are medians over the runs shown;');
  lines.push('(×) is the ratio to ours at the same N (lower is better for every column). Compare within this table only.');
  if (meta.chromiumPriority && meta.chromiumPriority !== 'default') lines.push(`Browser threads ran at raised priority (${meta.chromiumPriority}) to soften other work on the shared machine.`);
  lines.push('');
  lines.push('| page | N | lines drawn | first frame ms | frame median ms | frame p95 ms | frames | own JS ms/frame: median call (total ÷ frames) | page script ms/frame | filter ms | heap MB | gzip KB (JS) | runs | idle % |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const inv = (r: CaseResult) => (r as CaseResult & { invocation?: string }).invocation;
  const other = (r: CaseResult) => {
    const ours = results.find((x) => x.key === 'ours' && x.n === r.n);
    return r.key !== 'ours' && r.key !== 'basemap-only' && !!ours && inv(ours) !== inv(r);
  };
  for (const r of results) {
    lines.push(
      `| ${r.label}${other(r) ? ' †' : ''} | ${fmt(r.n)} | ${r.drawn === null ? '—' : fmt(r.drawn)} | ${cell(r, 'firstFrameMs')} | ${cell(r, 'frameMedianMs')} | ${cell(r, 'frameP95Ms')} | ${fmt(r.median.frames)} | ${fmt(r.median.ownJsMsMedian, 2)} (${fmt(r.median.ownJsMsPerFrame, 2)}) | ${cell(r, 'scriptMsPerFrame', 1)} | ${cell(r, 'filterMs')} | ${cell(r, 'heapMB', 1)} | ${cell(r, 'gzipKB')} (${fmt(r.median.jsGzipKB)}) | ${r.runs}${notRun(r) ? ' (time limit)' : r.errors.length ? ` ⚠ ${r.errors.length} error(s)` : ''} | ${r.idleBefore === null ? '—' : fmt(r.idleBefore * 100)} |`,
    );
  }
  if (results.some(other)) lines.push('', '† measured in another invocation of the driver than ours at the same N (another moment on a shared machine): its ratios are less comparable.');
  lines.push('');
  lines.push('CPU time of all the browser\'s processes (main thread, workers, SwiftShader threads) for the same steps: the work each step costs.');
  lines.push('Unlike wall time it hardly changes when other work shares the CPUs, so on a busy machine these ratios are the steadier ones.');
  lines.push('');
  lines.push('| page | N | CPU ms to first frame | CPU ms per frame of the move | CPU ms for the filter |');
  lines.push('|---|---:|---:|---:|---:|');
  for (const r of results) lines.push(`| ${r.label} | ${fmt(r.n)} | ${cell(r, 'cpuFirstFrameMs')} | ${cell(r, 'cpuMsPerFrame')} | ${cell(r, 'cpuFilterMs')} |`);
  lines.push('');
  lines.push('Columns');
  lines.push('- first frame: navigation → first complete frame (MapLibre `idle` / deck frame with all layers loaded / ECharts `finished`, then a forced 1-pixel read so the software GPU has really finished). Includes fetching the boundary file and generating the flows in the page (same for all pages).');
  lines.push('- frame median / p95: requestAnimationFrame intervals from the start of the move to the frame in which the camera stopped. `frames` = how many.');
  lines.push('- own JS: performance.now() around this page\'s own per-frame code, the median call and the total divided by frames (ours: the arc layer\'s render(): uniforms and one draw call on most frames, plus choosing each arc\'s segments again when the map comes to rest or the zoom has moved by more than a level — a few ms at 10,000 arcs, on one frame of the move; SVG: re-projecting every path on each `move`; ECharts: the geoRoam dispatch, during which ECharts re-lays out the lines; deck/flowmap/line layer: none of our code runs).');
  lines.push('- page script: all main-thread script time during the move (DevTools protocol `ScriptDuration`), libraries included, divided by frames.');
  lines.push('- filter: keep even years (halves the flows) until the next complete frame.');
  lines.push('- heap: `performance.memory.usedJSHeapSize` after load and a forced GC (`--enable-precise-memory-info`); GPU buffers and typed-array backing stores are not in it.');
  lines.push('- idle %: share of CPU idle in the second before each run (median); the machine is shared, and a software GPU slows down many times over when it is busy.');
  lines.push('- gzip KB: every resource the page fetched up to its first frame, each gzipped on its own (level 6); JS includes workers. The flows are generated in the page, so no data file is counted.');
  lines.push('');
  const errs = results.filter((r) => r.errors.length && !notRun(r));
  if (errs.length) {
    lines.push('Errors');
    for (const r of errs) lines.push(`- ${r.key} N=${r.n}: ${[...new Set(r.errors)].join('; ')}`);
    lines.push('');
  }
  lines.push(`Runs per case: ${meta.runsNote}.`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- main

let EXECUTABLE = CHROMIUM;

async function main(): Promise<void> {
  if (argv.includes('--report-only')) {
    // Re-aggregate a results file (default: today's) from its raw runs; rewrite .json and .md.
    const arg = opt('report-only');
    const file = arg && !arg.startsWith('--') ? arg : join(RESULTS, `peers-${new Date().toISOString().slice(0, 10)}.json`);
    const j = JSON.parse(readFileSync(file, 'utf8')) as { synthetic: true; meta: Record<string, unknown>; results: Array<CaseResult & { invocation?: string }> };
    j.results = j.results.map((r) => ({ ...aggregate({ key: r.key, file: '', variant: r.variant, n: r.n, label: r.label }, r.raw), invocation: r.invocation }));
    addRatios(j.results);
    writeFileSync(file, `${JSON.stringify(j, null, 2)}\n`);
    writeFileSync(file.replace(/\.json$/, '.md'), markdown(j.results, j.meta));
    console.log(`rewrote ${file} and its .md`);
    return;
  }
  const t0 = Date.now();
  EXECUTABLE = browserProc.executable();
  const keeper = NICE && EXECUTABLE !== CHROMIUM ? setInterval(raisePriority, 250) : null;
  if (BUILD) {
    const { build } = await import('vite');
    await build({ configFile: join(HERE, 'vite.config.ts'), logLevel: 'warn' });
  }
  if (!existsSync(join(DIST, 'ours.html'))) throw new Error('bench/peers/dist is missing: run without --no-build');
  const { server, port, take } = await serve();
  const runs = new Map<string, RunResult[]>();
  const id = (c: CaseDef) => `${c.key}@${c.n}`;
  const say = (c: CaseDef, r: RunResult, pass: number) => {
    const n = c.n.toLocaleString('en');
    if (!r.ok) {
      console.log(`[${pass}] ${c.key.padEnd(18)} N=${n.padStart(6)}  FAILED ${r.error}`);
      return;
    }
    console.log(
      `[${pass}] ${c.key.padEnd(18)} N=${n.padStart(6)}  drawn ${String(r.info?.drawn).padStart(6)}  first ${fmt(r.firstFrameMs).padStart(6)} ms  frame med ${fmt(r.frameMedianMs).padStart(5)} / p95 ${fmt(r.frameP95Ms).padStart(5)} ms (${r.frames} fr)  script ${fmt(r.scriptMsPerFrame, 1)} ms/fr  own ${fmt(r.ownJsMsMedian, 2)} median (${fmt(r.ownJsMsPerFrame, 2)}) ms/fr  filter ${fmt(r.filterMs).padStart(5)} ms  CPU ${fmt(r.cpuFirstFrameMs)} / ${fmt(r.cpuMsPerFrame)}/fr / ${fmt(r.cpuFilterMs)} ms  heap ${fmt(r.heapMB, 1)} MB  ${fmt(r.gzipKB)} KB gz (JS ${fmt(r.jsGzipKB)})  idle ${fmt((r.idleBefore ?? NaN) * 100)} %${r.error ? `  ⚠ ${r.error}` : ''}`,
    );
  };
  const firstPass = new Map<string, number>();
  const hardDeadline = t0 + BUDGET_MS;
  let waited = 0;
  try {
    for (let pass = 1; pass <= MAX_RUNS; pass++) {
      for (const c of CASES) {
        const est = firstPass.get(id(c));
        if (pass > 1 && (est === undefined || Date.now() - t0 + est * 1.3 > BUDGET_MS)) continue;
        if (pass > 1 && !(runs.get(id(c)) ?? []).some((r) => r.ok)) continue;
        if (Date.now() > hardDeadline - 5_000) {
          if (pass === 1) {
            runs.set(id(c), [{ ok: false, error: 'not run: time limit of the whole run reached', wallMs: 0 }]);
            console.log(`[${pass}] ${c.key.padEnd(18)} N=${c.n.toLocaleString('en').padStart(6)}  NOT RUN (time limit)`);
          }
          continue;
        }
        // Wait for a quiet machine, but never more than QUIET_TOTAL_MS over the whole run.
        const w0 = Date.now();
        const idle = await waitForQuiet(Math.max(0, Math.min(QUIET_MAX_MS, QUIET_TOTAL_MS - waited)));
        waited += Date.now() - w0;
        const r = await runCase(c, port, take, idle, hardDeadline);
        if (pass === 1) firstPass.set(id(c), r.wallMs);
        runs.set(id(c), [...(runs.get(id(c)) ?? []), r]);
        say(c, r, pass);
      }
    }
  } finally {
    server.close();
    if (keeper) clearInterval(keeper);
    browserProc.cleanUp();
  }
  const date = new Date().toISOString().slice(0, 10);
  const base = join(RESULTS, `peers-${date}`);
  const startedAt = new Date(t0).toISOString();
  let results = CASES.map((c) => ({ ...aggregate(c, runs.get(id(c)) ?? []), invocation: startedAt }));
  const counts = results.map((r) => r.runs);
  const all3 = counts.every((k) => k >= MAX_RUNS);
  const probe = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const chromiumVersion = probe.version();
  await probe.close();
  const invocation = {
    startedAt,
    sizes: SIZES,
    pages: PAGE_FILTER ?? 'all',
    wallMin: ((Date.now() - t0) / 60_000).toFixed(1),
    runsNote: all3
      ? `median of ${MAX_RUNS} (a fresh browser per run)`
      : `median of up to ${MAX_RUNS}, fewer where the ${BUDGET_MS / 60_000}-minute budget did not allow (see the runs column; a fresh browser per run)`,
  };
  let invocations = [invocation];
  // --merge: keep today's cases that this invocation did not run (run one size per invocation, so
  // every ratio still compares pages measured in the same invocation).
  if (MERGE && existsSync(`${base}.json`)) {
    const old = JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { meta: { invocations?: typeof invocations }; results: typeof results };
    // A new result replaces an old one unless the new one has no data and the old one has.
    const oldBy = new Map(old.results.map((r) => [`${r.key}@${r.n}`, r]));
    results = results.map((r) => {
      const o = oldBy.get(`${r.key}@${r.n}`);
      return r.runs === 0 && o && o.runs > 0 ? o : r;
    });
    const fresh = new Set(results.map((r) => `${r.key}@${r.n}`));
    const kept = [...old.results.filter((r) => !fresh.has(`${r.key}@${r.n}`)), ...results.filter((r) => r.invocation !== startedAt)];
    results = [...old.results.filter((r) => !fresh.has(`${r.key}@${r.n}`)), ...results];
    const order = (r: { key: string; n: number }) => r.n * 100 + (r.key === 'basemap-only' ? -1 : PAGES.findIndex((p) => p.key === r.key));
    results.sort((a, b) => order(a) - order(b));
    const used = new Set(kept.map((r) => r.invocation));
    invocations = [...(old.meta.invocations ?? []).filter((i) => used.has(i.startedAt)), invocation];
  }
  for (const r of results) r.ratioToOurs = {};
  addRatios(results);
  const meta = {
    date,
    chromium: chromiumVersion,
    cpus: cpus().length,
    node: process.version,
    viewport: VIEWPORT,
    seed: 42,
    camera: { start: { center: [116.45, 39.45], zoom: 6.2 }, end: { center: [116.95, 39.15], zoom: 7.2 }, durationMs: 3000, easing: 'linear' },
    chromiumPriority: NICE ? `every browser thread at nice ${NICE_VALUE}` : 'default',
    invocations,
    runsNote: invocations.map((i) => `${i.sizes.join('/')} flows: ${i.runsNote}, ${i.wallMin} min`).join('; '),
    wallMin: invocations.map((i) => i.wallMin).join(' + '),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${base}.json`, `${JSON.stringify({ synthetic: true, meta, results }, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown(results, meta));
  console.log(`\nwrote ${base}.json and ${base}.md (${meta.wallMin} min)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
