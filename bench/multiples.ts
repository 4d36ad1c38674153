/**
 * Small multiples by industry (issue 18) at 10,000 SYNTHETIC flows (bench/planner.ts
 * `syntheticDataset`, seeded; never shown as data):
 *
 *   npx tsx bench/multiples.ts            # Node: the panels' view models (selectors/multiples.ts)
 *   npx tsx bench/multiples.ts --browser  # + Chromium: a measure change → every small map redrawn
 *
 * Node: `multiplesModel` for each measure (one `computeView` and summary per industry, 15 panels),
 * median and p95. Chromium (the built site, `npx vite build` first; BASE_URL to use a running
 * server): `?multiples=industry&renderer=2d` (the small maps are drawn the same way under either
 * renderer), then measure switches: the panels' update (view models + DOM, `multiples-update`),
 * the canvases' drawing calls (`multiples-draw`), and the wall time from the click to every canvas
 * painted and read back (one pixel each, which makes the canvases finish rastering); and, for
 * comparison, the same click on the page without the small multiples (to the one map painted).
 * Prints the figures and writes bench/results/multiples-<date>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { Dataset } from '../src/data/dataset.ts';
import { viewSelector } from '../src/selectors/view.ts';
import { multiplesModel } from '../src/selectors/multiples.ts';
import { defaultState, METRICS } from '../src/state/viewState.ts';
import { benchPage, syntheticDataset } from './planner.ts';
import { median, quantile } from './stats.ts';

const RUNS = 9;
const fmt = (x: number) => x.toFixed(1).padStart(8);
const stats = (xs: number[]) => ({ median: median(xs), p95: quantile(xs, 0.95), n: xs.length });

function nodeBench(data: Dataset) {
  const select = viewSelector();
  const times: number[] = [];
  let panels = 0;
  let arcs = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const metric of METRICS) {
      const t0 = performance.now();
      const m = multiplesModel(data, { ...defaultState('en'), metric }, select.flowsOf);
      const dt = performance.now() - t0;
      panels = m.panels.length;
      if (metric === 'projects') arcs = m.panels.reduce((s, p) => s + p.view.arcs.length, 0);
      if (run > 0) times.push(dt);
    }
  }
  console.log(`Node, ${data.flows.length} synthetic flows, ${panels} panels (${arcs} arcs drawn in all, projects):`);
  console.log(`  multiplesModel (views + totals)    median ${fmt(median(times))} ms   p95 ${fmt(quantile(times, 0.95))} ms`);
  return { panels, arcs, model: stats(times) };
}

async function browserBench(data: Dataset) {
  const { page, url, close } = await benchPage(data);
  try {
    await page.goto(`${url}?lang=en&renderer=2d&multiples=industry`);
    await page.waitForSelector('[data-testid="multiples"][aria-busy="false"]', { timeout: 120_000 });
    const update: number[] = [];
    const draw: number[] = [];
    const wall: number[] = [];
    const order = ['investment', 'firms', 'projects'];
    for (let run = 0; run < RUNS; run++) {
      for (const metric of order) {
        const r = await page.evaluate(async (value) => {
          const grid = document.querySelector('[data-testid="multiples"]')!;
          const t0 = performance.now();
          document.querySelector<HTMLInputElement>(`input[name="pt-metric"][value="${value}"]`)!.click();
          // (No named functions in here: tsx's helper for their names does not exist in the page.)
          do await new Promise((r) => requestAnimationFrame(r));
          while (grid.getAttribute('aria-busy') !== 'false');
          for (const c of grid.querySelectorAll('canvas')) c.getContext('2d')!.getImageData(0, 0, 1, 1);
          const t1 = performance.now();
          return {
            wall: t1 - t0,
            update: performance.getEntriesByName('multiples-update').at(-1)?.duration ?? NaN,
            draw: performance.getEntriesByName('multiples-draw').at(-1)?.duration ?? NaN,
            canvases: grid.querySelectorAll('canvas').length,
            width: grid.querySelector('canvas')!.width,
          };
        }, metric);
        if (run > 0) {
          update.push(r.update);
          draw.push(r.draw);
          wall.push(r.wall);
        }
        if (run === RUNS - 1 && metric === 'projects') console.log(`\nChromium (2D path, 1440×900), ${r.canvases} small maps ${r.width} px wide, measure switches × ${wall.length} (ms):`);
      }
    }
    // The same switches without the small multiples: what the page (hidden map, summary, table) costs anyway.
    await page.goto(`${url}?lang=en&renderer=2d`);
    await page.waitForSelector('#map[aria-busy="false"]', { timeout: 120_000 });
    const single: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const metric of order) {
        const dt = await page.evaluate(async (value) => {
          const map = document.getElementById('map')!;
          const t0 = performance.now();
          document.querySelector<HTMLInputElement>(`input[name="pt-metric"][value="${value}"]`)!.click();
          do await new Promise((r) => requestAnimationFrame(r));
          while (map.getAttribute('aria-busy') !== 'false');
          map.querySelector('canvas')!.getContext('2d')!.getImageData(0, 0, 1, 1);
          return performance.now() - t0;
        }, metric);
        if (run > 0) single.push(dt);
      }
    }
    console.log(`  panels' update (models + DOM)      median ${fmt(median(update))}   p95 ${fmt(quantile(update, 0.95))}`);
    console.log(`  drawing calls, all small maps      median ${fmt(median(draw))}   p95 ${fmt(quantile(draw, 0.95))}`);
    console.log(`  click → every small map painted    median ${fmt(median(wall))}   p95 ${fmt(quantile(wall, 0.95))}`);
    console.log(`  (the same click, one map, no multiples: median ${fmt(median(single))}   p95 ${fmt(quantile(single, 0.95))})`);
    return { update: stats(update), draw: stats(draw), wall: stats(wall), singleMapWall: stats(single) };
  } finally {
    await close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const data = syntheticDataset();
  // How busy the (shared) machine was: on 2 cores a load of 16 makes every figure several times slower.
  const load = { before: loadavg(), cpus: cpus().length };
  const node = nodeBench(data);
  const browser = process.argv.includes('--browser') ? await browserBench(data) : null;
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/multiples-${new Date().toISOString().slice(0, 10)}.json`;
  writeFileSync(file, `${JSON.stringify({ flows: data.flows.length, synthetic: true, seed: 42, load: { ...load, after: loadavg() }, node, browser }, null, 2)}\n`);
  console.log(`wrote ${file} (load average before ${load.before[0]!.toFixed(1)}, after ${loadavg()[0]!.toFixed(1)}, ${load.cpus} cores)`);
}
