/**
 * Planners' analysis speed (issue 18), on SYNTHETIC data only (bench/planner.ts
 * syntheticDataset: scripts/synthetic.ts flows, seeded; never shown as data):
 *
 * 1. Node, 10,000 flows: switching `level`, `compare` or `net` — the view model (filters, arcs,
 *    places, summary, OD matrix, comparison, change layer, net flows), then what the map, the
 *    summary, the table and the matrix read from it: packed arcs (solid and dotted/dashed),
 *    place marks, the table's first page sorted. A share of the flows is turned round (Hebei →
 *    Beijing/Tianjin, seeded) so that `net=1` has pairs to net. Target: median ≤ 50 ms.
 * 2. Node: place search per keystroke over the app's index (~250 places: districts, counties,
 *    prefectures, platforms), queries typed a letter at a time. Target: ≤ 5 ms per keystroke.
 * 3. Chromium (the built site, dist/; `--no-browser` skips it): with the synthetic flows served
 *    as data/dataset.json, a click on the "Origin–destination matrix" switch at the fine level —
 *    store → view model (OD matrix) → map, panel, matrix table drawn — and clicks on the level
 *    and compare controls. Target for the matrix at the fine level: ≤ 100 ms.
 *
 *   npx tsx bench/analysis.ts [--no-browser] [--label x]   # writes bench/results/analysis-<date>[-x].json
 *   BASE_URL=http://127.0.0.1:4181/ … times a site already served (e.g. another build, for a before/after)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Dataset } from '../src/data/dataset.ts';
import { unitsFromLayers } from '../src/data/placeNames.ts';
import type { Names } from '../src/i18n/describe.ts';
import { dottedArcs } from '../src/map/dottedArcs.ts';
import { packView } from '../src/map/packView.ts';
import { placeMarks } from '../src/map/placeMarks.ts';
import { buildSearchIndex, searchPlaces } from '../src/search/placeSearch.ts';
import { viewSelector } from '../src/selectors/view.ts';
import { ANALYSIS } from '../src/selectors/analysis.ts';
import { defaultState, type ViewState } from '../src/state/viewState.ts';
import { pageOf, sortFlows } from '../src/ui/table.ts';
import { world } from '../tests/unit/loader-helpers.ts';
import { benchPage, twoWayDataset } from './planner.ts';
import { median, quantile } from './stats.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROUNDS = 12;
const TARGET = { switchMs: 50, keystrokeMs: 5, matrixMs: 100 };

/** The switches a planner makes, one after the other (each from the state before). */
const SWITCHES: Array<[string, Partial<ViewState>]> = [
  ['level city', { level: 'city' }],
  ['level fine', { level: 'fine' }],
  ['compare on', { years: [2020, 2024], compare: [2015, 2019] }],
  ['compare, city', { level: 'city' }],
  ['compare off', { compare: null, level: 'fine' }],
  ['net on', { net: true }],
  ['net, city', { level: 'city' }],
  ['net off', { net: false, level: 'fine', years: null }],
];

function switchBench(data: Dataset) {
  const names: Names = { place: (c) => String(c), platforms: new Map(data.platforms.map((p) => [p.id, p])), sources: new Map(data.sources.map((s) => [s.id, s])) };
  const select = viewSelector({ analysis: ANALYSIS });
  const dots = dottedArcs();
  const per = new Map<string, { total: number[]; cpu: number[]; view: number[]; map: number[]; table: number[] }>();
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let s: ViewState = { ...defaultState('en'), matrix: true };
  select(data, s);
  let sample = { arcs: 0, matrix: '', netPairs: 0, changeArcs: 0 };
  for (let r = 0; r <= ROUNDS; r++) {
    for (const [name, patch] of SWITCHES) {
      s = { ...s, ...patch };
      const c0 = cpuMs();
      const t0 = performance.now();
      const v = select(data, s);
      const t1 = performance.now();
      packView(v);
      dots.update(v);
      placeMarks(v);
      const t2 = performance.now();
      pageOf(sortFlows(v.flows, null, { lang: 'en', names, metric: s.metric }), 0);
      const t3 = performance.now();
      const c1 = cpuMs();
      if (r === 0) continue;
      const p = per.get(name) ?? { total: [], cpu: [], view: [], map: [], table: [] };
      p.total.push(t3 - t0);
      p.cpu.push(c1 - c0);
      p.view.push(t1 - t0);
      p.map.push(t2 - t1);
      p.table.push(t3 - t2);
      per.set(name, p);
      if (name === 'net on') sample.netPairs = v.net!.rows.size;
      if (name === 'compare on') sample = { ...sample, changeArcs: v.change!.both.length + v.change!.only.length, arcs: v.arcs.length, matrix: `${v.matrix!.rows.length} × ${v.matrix!.cols.length}` };
    }
  }
  const all = [...per.values()].flatMap((p) => p.total);
  const cpu = [...per.values()].flatMap((p) => p.cpu);
  return {
    cpuMedianMs: median(cpu),
    flows: data.flows.length,
    rounds: ROUNDS,
    sample,
    medianMs: median(all),
    p95Ms: quantile(all, 0.95),
    cases: Object.fromEntries([...per].map(([k, p]) => [k, { medianMs: median(p.total), cpuMedianMs: median(p.cpu), p95Ms: quantile(p.total, 0.95), viewMs: median(p.view), mapMs: median(p.map), tableMs: median(p.table) }])),
  };
}

function searchBench(data: Dataset) {
  const w = world();
  const platforms = data.platforms.map((p) => ({ id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, adcode: p.adcode }));
  const t0 = performance.now();
  const index = buildSearchIndex({ units: unitsFromLayers(w.boundaries), platforms, resolver: w.places });
  const buildMs = performance.now() - t0;
  const queries = ['cangzhou', 'Caofeidian', 'bao ding', 'chaoyangqu', '沧州市', '北京大兴', '130900', 'Wei County', 'xiong an', 'langfang guan'];
  const times: number[] = [];
  for (let r = 0; r <= 20; r++) {
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const t = performance.now();
        searchPlaces(index, q.slice(0, i));
        if (r > 0) times.push(performance.now() - t);
      }
    }
  }
  return { places: index.entries.length, buildMs, keystrokes: times.length, medianMs: median(times), p95Ms: quantile(times, 0.95), maxMs: Math.max(...times) };
}

async function browserBench(data: Dataset) {
  const { page, url, close } = await benchPage(data);
  try {
    // tsx names functions with a helper the page does not have.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${url}?lang=en&matrix=1`);
    await page.waitForSelector('#map[aria-busy="false"]', { timeout: 90_000 });
    await page.waitForSelector('.odm table', { timeout: 30_000 });
    // One click, timed in the page: change event → store → view model → map, legend, panel, matrix, table (synchronous:
    // `js`); `frame`: until the next frame has run (the 2D map's draw, style, layout) and a task after it.
    const click = (selector: string, until?: { selector: string; present: boolean }) =>
      page.evaluate(async ([sel, u]) => {
        const el = document.querySelector<HTMLInputElement>(sel as string)!;
        const t0 = performance.now();
        el.click();
        // The comparison applies after its code is in (the store's prepare): wait for its legend.
        const w = u as { selector: string; present: boolean } | null;
        if (w)
          await new Promise<void>((done) => {
            const ok = () => !!document.querySelector(w.selector) === w.present;
            if (ok()) return done();
            const mo = new MutationObserver(() => ok() && (mo.disconnect(), done()));
            mo.observe(document.body, { subtree: true, childList: true });
          });
        const js = performance.now() - t0;
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        return { js, frame: performance.now() - t0 };
      }, [selector, until ?? null] as const);
    const matrixSwitch = '#panel .pt-lock input[role="switch"]:not([data-testid])';
    type Times = { js: number; frame: number };
    const out = { matrixOn: [] as Times[], levelCity: [] as Times[], levelFine: [] as Times[], compareOn: [] as Times[], compareOff: [] as Times[] };
    // The compare switch's year selects load on first use: once before timing.
    await click('[data-testid="compare-switch"]');
    await page.waitForSelector('[data-testid="compare-from"]');
    await click('[data-testid="compare-switch"]');
    for (let r = 0; r <= 8; r++) {
      const off = await click(matrixSwitch);
      void off;
      const on = await click(matrixSwitch);
      const city = await click('#panel input[name="pt-level"][value="city"]');
      const fine = await click('#panel input[name="pt-level"][value="fine"]');
      const cOn = await click('[data-testid="compare-switch"]', { selector: '.legend__change', present: true });
      const cOff = await click('[data-testid="compare-switch"]', { selector: '.legend__change', present: false });
      if (r === 0) continue;
      out.matrixOn.push(on);
      out.levelCity.push(city);
      out.levelFine.push(fine);
      out.compareOn.push(cOn);
      out.compareOff.push(cOff);
    }
    // The whole matrix's size (the table is virtualised: aria-rowcount/colcount count the header row and column), and the cells in the DOM.
    const size = await page.evaluate(() => {
      const t = document.querySelector('.odm table')!;
      const rows = Number(t.getAttribute('aria-rowcount') ?? t.querySelectorAll('tbody tr').length + 1) - 1;
      const cols = Number(t.getAttribute('aria-colcount') ?? t.querySelectorAll('thead th').length) - 1;
      return { rows, cols, rendered: t.querySelectorAll('td.odm__cell').length };
    });
    const stat = (xs: Times[]) => {
      const js = xs.map((x) => x.js);
      const frame = xs.map((x) => x.frame);
      return { medianMs: median(js), p95Ms: quantile(js, 0.95), frameMedianMs: median(frame), frameP95Ms: quantile(frame, 0.95) };
    };
    return { matrixCells: size, clicks: { matrixOn: stat(out.matrixOn), levelCity: stat(out.levelCity), levelFine: stat(out.levelFine), compareOn: stat(out.compareOn), compareOff: stat(out.compareOff) } };
  } finally {
    await close();
  }
}

const f = (x: number) => x.toFixed(2);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const data = twoWayDataset();
  // `--browser-only`: the Chromium part alone (e.g. timing another build of the site through BASE_URL).
  const node = !process.argv.includes('--browser-only');
  const switching = node ? switchBench(data) : null;
  const search = node ? searchBench(data) : null;
  if (switching && search) {
    console.log(`analysis, Node, ${switching.flows} synthetic flows (matrix on), switching level / compare / net: ${f(switching.medianMs)} ms median (process CPU ${f(switching.cpuMedianMs)} ms), ${f(switching.p95Ms)} ms p95 (target ≤ ${TARGET.switchMs} ms: ${switching.medianMs <= TARGET.switchMs ? 'ok' : 'OVER'})`);
    for (const [k, c] of Object.entries(switching.cases)) console.log(`  ${k.padEnd(16)} ${f(c.medianMs).padStart(7)} ms median, ${f(c.p95Ms).padStart(7)} p95, CPU ${f(c.cpuMedianMs).padStart(7)}  [view model ${f(c.viewMs)} + map ${f(c.mapMs)} + table ${f(c.tableMs)}]`);
    console.log(`  (${switching.sample.arcs} arcs, matrix ${switching.sample.matrix} at the fine level, ${switching.sample.changeArcs} arcs compared, ${switching.sample.netPairs} pairs netted)`);
    console.log(`analysis, Node, place search over ${search.places} places: ${f(search.medianMs)} ms median per keystroke, ${f(search.p95Ms)} p95, ${f(search.maxMs)} max over ${search.keystrokes} keystrokes (target ≤ ${TARGET.keystrokeMs} ms: ${search.p95Ms <= TARGET.keystrokeMs ? 'ok' : 'OVER'}); index built in ${f(search.buildMs)} ms`);
  }
  const browser = process.argv.includes('--no-browser') ? null : await browserBench(data);
  if (browser) {
    console.log(`analysis, Chromium, ${data.flows.length} synthetic flows, a click → whole page updated (ms, median / p95), matrix ${browser.matrixCells.rows} × ${browser.matrixCells.cols} (${browser.matrixCells.rendered} cells in the DOM):`);
    console.log('  (our JS, synchronous: median / p95;  to the next frame: median / p95)');
    for (const [k, v] of Object.entries(browser.clicks)) console.log(`  ${k.padEnd(12)} ${f(v.medianMs).padStart(8)} / ${f(v.p95Ms).padEnd(8)}  ${f(v.frameMedianMs).padStart(8)} / ${f(v.frameP95Ms)}`);
    console.log(`  (target: matrix at the fine level ≤ ${TARGET.matrixMs} ms: ${browser.clicks.matrixOn.medianMs <= TARGET.matrixMs ? 'ok' : 'OVER'})`);
  }
  const date = new Date().toISOString().slice(0, 10);
  // `--label x`: analysis-<date>-x.json (e.g. a before/after pair in one session).
  const label = process.argv.includes('--label') ? `-${process.argv[process.argv.indexOf('--label') + 1]}` : '';
  const file = join(HERE, 'results', `analysis-${date}${label}.json`);
  mkdirSync(join(HERE, 'results'), { recursive: true });
  writeFileSync(file, JSON.stringify({ date, synthetic: true, generator: 'bench/planner.ts twoWayDataset(10000, 42): bench/planner.ts syntheticDataset with ~35% of non-platform flows turned round', machine: { node: process.version, cpus: cpus().length, loadavg1: loadavg()[0] }, targets: TARGET, switching, search, browser }, null, 2) + '\n');
  console.log(`wrote ${file}`);
}
