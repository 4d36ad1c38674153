/**
 * Planner tools speed with 10,000 SYNTHETIC flows (scripts/synthetic.ts; never shown as data).
 *
 *   npx tsx bench/planner.ts            # Node: selectors, summary, counts, table page
 *   npx tsx bench/planner.ts --browser  # + Chromium: a click on a filter → map, summary, table updated
 *
 * Prints the median and 95th percentile per step, in milliseconds. The budget (issue 5): applying
 * a filter updates summary and table in < 50 ms at the median. The browser part needs the built
 * site (`npx vite build`); it serves dist/ with `vite preview` on a free port unless BASE_URL is set,
 * and replaces data/dataset.json with the synthetic dataset through request interception.
 */
import { readFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import type { Dataset, PlacedFlow } from '../src/data/dataset.ts';
import type { Source, Status } from '../src/data/types.ts';
import type { Browser, Page } from '@playwright/test';
import { computeView } from '../src/selectors/view.ts';
import { industryCounts, summarise } from '../src/selectors/summary.ts';
import { defaultState, type ViewState } from '../src/state/viewState.ts';
import { pageOf, sortFlows } from '../src/ui/table.ts';
import type { Names } from '../src/i18n/describe.ts';
import { mulberry32, syntheticFlows } from '../scripts/synthetic.ts';
import { median, quantile } from './stats.ts';

const N = 10_000;
const SEED = 42;
const RUNS = 15;

/**
 * The published dataset with its flows replaced by `n` synthetic ones (platforms kept), each
 * citing one source that says it is synthetic: a made-up record never carries a real citation.
 */
export const SYNTHETIC_SOURCE: Source = { id: 'SYN', publisher: 'Synthetic benchmark data (scripts/synthetic.ts), not real', title: 'Seeded test flows: not real relocations', date: '2026', url: null, archivedUrl: null, note: 'for tests and benchmarks only' };

export function syntheticDataset(n = N, seed = SEED): Dataset {
  const base = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;
  const rand = mulberry32(seed + 1);
  const statuses: Array<Status | null> = ['agreed', 'started', 'completed', null];
  const platforms = base.platforms;
  const flows: PlacedFlow[] = syntheticFlows(n, seed).map((s, i) => {
    const p = rand() < 0.25 && platforms.length ? platforms[Math.floor(rand() * platforms.length)]! : null;
    const dest = p ? p.adcode : s.destinationAdcode;
    const prefecture = (c: number) => (/^1[12]/.test(String(c)) ? Math.floor(c / 10000) * 10000 : Math.floor(c / 100) * 100);
    return {
      id: s.id, kind: 'relocation', originAdcode: s.originAdcode, originNoteZh: null, originNoteEn: null,
      destinationAdcode: dest, destinationPlatformId: p?.id ?? null, industry: s.industry,
      entityZh: `合成记录 ${i}`, entityEn: `Synthetic record ${i}`, periodStart: s.year, periodEnd: s.year, periodNote: null, periodNoteZh: null,
      basis: 'event', status: statuses[i % statuses.length]!, preStrategy: false,
      projects: Math.max(1, Math.round(s.value / 10)), investmentCny100m: s.value, investmentType: i % 3 ? 'agreed' : 'in-place', investmentUsdM: null,
      firms: i % 2 ? 1 : null, merchants: null, bound: 'exact', descriptionZh: '合成', descriptionEn: 'synthetic',
      sourceIds: [SYNTHETIC_SOURCE.id], confidence: 'low',
      origin: { adcode: s.originAdcode, prefecture: prefecture(s.originAdcode), lon: s.origin[0], lat: s.origin[1], pointSource: 'label' },
      destination: { adcode: dest, prefecture: prefecture(dest), lon: p?.lon ?? s.destination[0], lat: p?.lat ?? s.destination[1], pointSource: p ? 'platform' : 'label' },
    };
  });
  return { ...base, sources: [...base.sources, SYNTHETIC_SOURCE], flows };
}

/** The synthetic flows with about a third turned round (seeded), so flows run both ways. */
export function twoWayDataset(n = N, seed = SEED): Dataset {
  const data = syntheticDataset(n, seed);
  const rand = mulberry32(seed + 7);
  const flows = data.flows.map((f): PlacedFlow => (rand() < 0.35 && !f.destinationPlatformId ? { ...f, originAdcode: f.destinationAdcode, destinationAdcode: f.originAdcode, origin: f.destination, destination: f.origin } : f));
  return { ...data, flows };
}

/** The filter changes a planner makes, one after the other. */
export const STEPS: Array<[string, Partial<ViewState>]> = [
  ['industry pharma', { industry: ['pharma'] }],
  ['+ automotive', { industry: ['pharma', 'automotive'] }],
  ['years 2016–2019', { industry: ['pharma', 'automotive'], years: [2016, 2019] }],
  ['origin beijing', { industry: ['pharma', 'automotive'], years: [2016, 2019], origin: 'beijing' }],
  ['metric investment', { industry: ['pharma', 'automotive'], years: [2016, 2019], origin: 'beijing', metric: 'investment' }],
  ['tier specialised-46', { tier: ['specialised-46'] }],
  ['year 2020', { years: [2020, 2020] }],
  ['reset', {}],
];

const p95 = (xs: number[]) => quantile(xs, 0.95);
const fmt = (x: number) => x.toFixed(2).padStart(8);

function nodeBench(data: Dataset): void {
  const names: Names = { place: (c) => String(c), platforms: new Map(data.platforms.map((p) => [p.id, p])), sources: new Map(data.sources.map((s) => [s.id, s])) };
  const parts = { view: [] as number[], counts: [] as number[], summary: [] as number[], table: [] as number[], tableSorted: [] as number[], total: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    for (const [, patch] of STEPS) {
      const s = { ...defaultState('en'), ...patch };
      const t0 = performance.now();
      const view = computeView(data, s);
      const t1 = performance.now();
      industryCounts(data, s, view.platforms);
      const t2 = performance.now();
      summarise(view, s.metric);
      const t3 = performance.now();
      pageOf(sortFlows(view.flows, null, { lang: 'en', names, metric: s.metric }), 0);
      const t4 = performance.now();
      pageOf(sortFlows(view.flows, { column: 'entity', dir: 'ascending' }, { lang: 'zh', names, metric: s.metric }), 0);
      const t5 = performance.now();
      if (run === 0) continue; // warm-up
      parts.view.push(t1 - t0);
      parts.counts.push(t2 - t1);
      parts.summary.push(t3 - t2);
      parts.table.push(t4 - t3);
      parts.tableSorted.push(t5 - t4);
      parts.total.push(t4 - t0);
    }
  }
  console.log(`Node, ${data.flows.length} synthetic flows, ${STEPS.length} filter changes × ${RUNS - 1} runs (ms):`);
  console.log('                                        median      p95');
  const row = (label: string, xs: number[]) => console.log(`  ${label.padEnd(36)}${fmt(median(xs))} ${fmt(p95(xs))}`);
  row('computeView (filter, arcs, places)', parts.view);
  row('industry counts', parts.counts);
  row('summary (sumFlows, tops, shares)', parts.summary);
  row('table page (data order)', parts.table);
  row('table page (sorted by name, zh)', parts.tableSorted);
  row('total: filter → summary + table', parts.total);
}

async function freePreview(): Promise<{ url: string; proc: ChildProcess | null }> {
  if (process.env.BASE_URL) return { url: process.env.BASE_URL, proc: null };
  const port = Number(process.env.E2E_PORT ?? 4180 + Math.floor(Math.random() * 500));
  // Vite itself, not through npx: `proc.kill()` then stops the server (killing npx left it running).
  const proc = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return { url, proc };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error('vite preview did not start (run `npx vite build` first)');
}

/**
 * The built site served (`freePreview`), Debian's Chromium on it, and a 1440 × 900 page whose
 * data/dataset.json is `data`: the set-up of every browser bench here. `close()` ends both.
 */
export async function benchPage(data: Dataset): Promise<{ page: Page; url: string; close(): Promise<void> }> {
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_ARGS } = await import('../playwright.config.ts');
  const { url, proc } = await freePreview();
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    proc?.kill();
  };
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const body = JSON.stringify(data);
    await page.route('**/data/dataset.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    return { page, url, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function browserBench(data: Dataset): Promise<void> {
  const { page, url, close } = await benchPage(data);
  try {
    await page.goto(`${url}?lang=en`);
    await page.waitForSelector('#map[aria-busy="false"]', { timeout: 90_000 });
    const clicks: number[] = [];
    const planner: number[] = [];
    const industries = ['pharma', 'automotive', 'textiles', 'food'];
    for (let run = 0; run < RUNS; run++) {
      for (const id of industries) {
        // One click: change event → store → view → map layers, legend, panel, table (all synchronous).
        const r = await page.evaluate((value) => {
          const box = document.querySelector<HTMLInputElement>(`#panel input[name="industry"][value="${value}"]`)!;
          const t0 = performance.now();
          box.click();
          const dt = performance.now() - t0;
          const m = performance.getEntriesByName('planner-update').at(-1);
          return { dt, planner: m ? m.duration : NaN, rows: document.querySelectorAll('#data-table table.dt:not(.dt--platforms) tbody tr').length };
        }, id);
        if (run > 0) {
          clicks.push(r.dt);
          planner.push(r.planner);
        }
      }
    }
    const shown = await page.locator('[data-testid="head-shown"]').textContent();
    console.log(`\nChromium, ${data.flows.length} synthetic flows, industry checkbox clicks × ${clicks.length} (ms):`);
    console.log('                                        median      p95');
    console.log(`  ${'click → whole page updated'.padEnd(36)}${fmt(median(clicks))} ${fmt(p95(clicks))}`);
    console.log(`  ${'  of which panel + table (DOM)'.padEnd(36)}${fmt(median(planner))} ${fmt(p95(planner))}`);
    console.log(`  (last state: ${shown})`);
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const data = syntheticDataset();
  nodeBench(data);
  if (process.argv.includes('--browser')) await browserBench(data);
}
