/**
 * Size budgets, checked after `vite build` (reads dist/):
 *
 *   - JS a page loads: the entry script and the chunks index.html preloads, INCLUDING MapLibre's
 *     worker (Vite's own size report leaves the worker out), gzipped: ≤ 480 KB. This is what
 *     every visitor and every embedding page downloads before the map can draw.
 *   - All JS, on-demand chunks included (story, year chart, table, downloads, embed dialog,
 *     file loader and its worker, the other language, embed.js for partner pages): reported,
 *     and held under a ceiling so that no feature grows unnoticed.
 *   - First load: HTML + the JS above + CSS + boundary geometry (geo/) + data
 *     (data/dataset.json, when built) + the one glyph range a first load requests
 *     (fonts/Noto Sans Regular/0-255.pbf), gzipped: ≤ 800 KB.
 *
 * Every file is gzipped on its own (zlib level 6, what a typical server sends); KB = 1,000 bytes.
 * tests/e2e/embed.spec.ts checks the same JS figure in a browser (bytes fetched before `ready`).
 * Prints a table; exits 1 when a budget is exceeded, 2 when dist/ is missing.
 *
 *   npx vite build && npx tsx scripts/check-budget.ts [--dist dist]
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * 480 → 484 (issues 17 and 18): the view model now carries the levels, OD matrix, period compare
 * and intake selectors (~1.5 KB in the entry) and the filters panel gained search, level and
 * matrix controls; 481.3 when they landed. Next cut: compute those parts only when asked for
 * (a chunk per analysis), and the panel after the first frame without moving the map.
 * 484 → 488 (issues 17, 18, 21 merged): the levels, matrix, comparison and net selectors left
 * the first load (selectors/analysis.ts, on demand), but what stayed grew more: the change layer's
 * and net flows' hooks in both renderers and the SVG writer (map/placeMarks.ts, packView), the
 * intake series in the view model, the multiples and coverage state, the planner mounted before
 * the map (issue 21, for slow networks); 482.9 measured, and the embed's in-browser check
 * (tests/e2e/embed.spec.ts, HTTP headers included) reads about 2 KB more. Next cut: the renderers'
 * compare/net drawing behind compare=/net=1, the intake symbols behind intake=.
 */
export const BUDGET_JS_KB = 488;
/**
 * All JS, on-demand chunks included: a regression guard, not a target (MapLibre and its worker
 * alone are ~440 KB). Lower it as the code shrinks; never raise it silently.
 * 550 → 552 (issue 19): the Excel reader, a chunk of its own loaded only for .xlsx files
 * (2.2 KB; no library: ZIP via the platform's DecompressionStream), on top of the loader's name
 * tables (place aliases, industry synonyms, GB/T 4754: ~5 KB gzip in the loader's worker).
 * 552 → 554: main measured 551.0 before the Excel reader landed (print, issue 20, and the 2D
 * renderer landed meanwhile); with it, 553.8.
 * 554 → 580 (issue 16): the 2D renderer is now part of the product (its own chunk, loaded
 * instead of MapLibre when there is no usable GPU; ~21 KB gzip with d3-zoom/d3-interpolate);
 * 576.3 when it landed.
 * 580 → 590 (issue 18): the place search, a chunk loaded on the search box's first focus (the
 * loader's place resolver and alias table, the search index and the combobox: ~7 KB gzip; the
 * resolver is also in the loader's worker, a separate bundle); main measured 577.4 before it.
 * 590 → 592 (issue 16): Download SVG in both renderers — the SVG writer (map/svg.ts +
 * map/svgExport.ts, 3.1 KB gzip, loaded on the first click) and the picture's words shared with
 * the PNG (ui/imageFrame.ts, i18n/wrap.ts, 1 KB); 591.3 when it landed.
 * 592 → 596 (issue 18): main measured 594.3 (over 592: the filters panel moved to its own
 * chunk meanwhile) before the levels (selectors/levels.ts and the level control, +0.5 KB).
 * 596 → 598 (issue 18): the origin–destination matrix — its selector in the view model
 * (selectors/odMatrix.ts, 0.5 KB in the entry) and its table, a chunk loaded with matrix=1
 * (1.7 KB); 597.0 with it.
 * 598 → 602 (issue 18): two periods compared — the selector in the view model
 * (selectors/compare.ts, 0.5 KB in the entry) and its tables and CSV, a chunk loaded with
 * compare= (2.0 KB); 600.1 with it.
 * 602 → 604 (issue 17): the prefecture intake layer (selectors/intake.ts in the view model,
 * map/intakeSymbols.ts in both renderers; its legend key and the tooltips of dotted arcs and
 * intake symbols in chunks loaded on use: ~1.5 KB); the dotted arcs for records without a
 * figure (~0.7 KB) were already in main's 597.0.
 * 604 → 610: the marks' wording (i18n/describe.ts) left the first load for a chunk of its own
 * (loaded with the first hover; i18n/names.ts keeps what the first frame needs), which costs
 * the all-JS figure a little.
 * 610 → 614 (issues 17 and 18): small multiples by industry (ui/multiples.ts, map/smallMaps.ts
 * and their words: chunks loaded with multiples=, ~3 KB) and the intake layer's UI (panel
 * control, coverage grid, the card's year charts, the layer in SVG/PNG: chunks loaded on use,
 * ~6 KB, less what moved out of the first load); 612.3 with both. Nothing of it is in the first
 * load: the WebGL path stays under its 484.
 * 614 → 620 (issue 18): periods compared on the map (selectors/changeMap.ts, scales/change.ts,
 * the change key in the legend and in pictures), net flows (selectors/net.ts, their table and
 * CSV) and the compare control's year selects: all in chunks loaded with compare=/net=1 (the
 * levels, matrix, comparison and net selectors now load together as selectors/analysis.ts, out
 * of the first load); 618.2 with everything of issues 17, 18 and 21 merged.
 * 620 → 626 (issue 18 finished, and the details card): the OD matrix virtualised (ui/matrix.ts,
 * ui/gridWindow.ts: its chunk 1.8 → 3.1 KB); planners' files with origins anywhere in the region
 * (~0.4 KB); the net switch, honest compare (figures spanning both periods listed with their
 * reason), pictures naming the analysis and English 亿元 as "CNY … billion" (~1.2 KB); the
 * comparison table paged (~0.2 KB); the details card keeping its place in view (ui/keepBeside.ts,
 * loaded with the card, ~0.6 KB, and geo/camera.ts and selectors/highlight.ts, now shared by more
 * chunks, chunks of their own: ~0.6 KB of overhead); 624.3 with all of it. All in on-demand
 * chunks but the net switch and region-wide origin= in the entry and selectors/highlight.ts split off:
 * the WebGL path 482.9 → 484.1 KB of its 488.
 */
export const CEILING_ALL_JS_KB = 626;
/**
 * The 2D renderer's path (src/map/2d, browsers without a usable GPU: issue 16): the JS before
 * its first frame, and the whole first load. It never downloads MapLibre.
 */
export const BUDGET_2D_JS_KB = 100;
export const BUDGET_2D_FIRST_LOAD_KB = 320;
export const BUDGET_FIRST_LOAD_KB = 800;
/** Glyph ranges a first load requests (Latin labels; CJK come from local fonts). */
export const FIRST_LOAD_GLYPHS = ['fonts/Noto Sans Regular/0-255.pbf'];

export type Kind = 'html' | 'js' | 'css' | 'geo' | 'data' | 'glyphs' | 'lazy-js';

export interface Entry {
  path: string;
  kind: Kind;
  bytes: number;
  gzip: number;
}

export const gzipSize = (buf: Buffer | Uint8Array): number => gzipSync(buf, { level: 6 }).length;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/**
 * The scripts a page loads: index.html's module script and modulepreload links, the WebGL
 * renderer's chunk (MapLibre, imported at once on the WebGL path), MapLibre's
 * worker (its URL is in the entry code, fetched as soon as the map starts), and one language's
 * dictionary (src/i18n: a page loads the one it shows; the larger is counted).
 */
export function loadScripts(dist: string): Set<string> {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
  const names = new Set(refs.map((r) => r.replace(/^(\.\/|\/)/, '').replace(/^.*?(assets\/)/, '$1')));
  const assets = existsSync(join(dist, 'assets')) ? readdirSync(join(dist, 'assets')) : [];
  // The WebGL renderer's chunk (src/map/webgl: MapLibre) is imported as soon as WebGL is chosen.
  for (const f of assets) if (/^(maplibre-gl-worker|webgl-).*\.m?js$/.test(f)) for (const c of staticClosure(dist, `assets/${f}`)) names.add(c);
  const dictionaries = assets.filter((f) => /^(zh|en)-[\w-]+\.js$/.test(f)).map((f) => ({ f, gz: gzipSize(readFileSync(join(dist, 'assets', f))) }));
  const largest = dictionaries.sort((a, b) => b.gz - a.gz)[0];
  if (largest) names.add(`assets/${largest.f}`);
  return names;
}

/** A chunk and every chunk it imports statically (`from"./x.js"` / `import"./x.js"` in the build's output). */
export function staticClosure(dist: string, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !existsSync(join(dist, path))) return;
    seen.add(path);
    const code = readFileSync(join(dist, path), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) visit(`assets/${m[1]}`);
  };
  visit(start);
  return seen;
}

/**
 * The 2D path: index.html's scripts (without the WebGL chunk, MapLibre's worker) plus the 2D
 * renderer's chunk and what it imports, one dictionary; and its first load (+ HTML, CSS but
 * MapLibre's, geometry, data).
 */
export function path2d(dist: string, entries: readonly Entry[]): { jsKB: number; firstLoadKB: number } {
  const assets = existsSync(join(dist, 'assets')) ? readdirSync(join(dist, 'assets')) : [];
  const js = new Set([...loadScripts(dist)].filter((p) => !/maplibre-gl-worker|\/webgl-/.test(p)));
  for (const p of [...js]) for (const c of staticClosure(dist, p)) js.add(c);
  for (const f of assets) if (/^2d-.*\.js$/.test(f)) for (const c of staticClosure(dist, `assets/${f}`)) js.add(c);
  // The WebGL closure may have brought in shared chunks that the 2D path also needs: recomputed above from its own roots.
  const gz = (p: string) => gzipSize(readFileSync(join(dist, p)));
  const jsKB = [...js].reduce((s, p) => s + gz(p), 0) / 1000;
  const rest = entries.filter((e) => (e.kind === 'html' || e.kind === 'geo' || e.kind === 'data' || (e.kind === 'css' && !/maplibre/.test(e.path))));
  return { jsKB, firstLoadKB: jsKB + rest.reduce((s, e) => s + e.gzip, 0) / 1000 };
}

/** The files of dist/, classified: what a first load fetches, and the JS fetched on demand. */
export function firstLoad(dist: string): Entry[] {
  const rel = (p: string) => relative(dist, p).split(sep).join('/');
  const entry = (p: string, kind: Kind): Entry => {
    const buf = readFileSync(p);
    return { path: rel(p), kind, bytes: buf.length, gzip: gzipSize(buf) };
  };
  const files = walk(dist);
  const onLoad = loadScripts(dist);
  const out: Entry[] = [];
  for (const p of files) {
    const r = rel(p);
    if (r === 'index.html') out.push(entry(p, 'html'));
    else if (/\.m?js$/.test(r)) out.push(entry(p, onLoad.has(r) ? 'js' : 'lazy-js'));
    else if (/\.css$/.test(r)) out.push(entry(p, 'css'));
    else if (r.startsWith('geo/') && /\.json$/.test(r)) out.push(entry(p, 'geo'));
    else if (r === 'data/dataset.json') out.push(entry(p, 'data'));
  }
  for (const g of FIRST_LOAD_GLYPHS) {
    const p = join(dist, ...g.split('/'));
    if (existsSync(p)) out.push(entry(p, 'glyphs'));
  }
  const order: Kind[] = ['html', 'js', 'css', 'geo', 'data', 'glyphs', 'lazy-js'];
  return out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.gzip - a.gzip);
}

export interface BudgetResult {
  entries: Entry[];
  jsKB: number;
  allJsKB: number;
  totalKB: number;
  ok: boolean;
  lines: string[];
}

const kb = (b: number) => b / 1000;
const f1 = (x: number) => x.toFixed(1);

export function checkBudget(dist: string): BudgetResult {
  const entries = firstLoad(dist);
  const sum = (es: Entry[], k: 'bytes' | 'gzip') => es.reduce((s, e) => s + e[k], 0);
  const js = entries.filter((e) => e.kind === 'js');
  const jsKB = kb(sum(js, 'gzip'));
  const allJsKB = jsKB + kb(sum(entries.filter((e) => e.kind === 'lazy-js'), 'gzip'));
  const totalKB = kb(sum(entries.filter((e) => e.kind !== 'lazy-js'), 'gzip'));
  const lines: string[] = [];
  const w = Math.max(40, ...entries.map((e) => e.path.length));
  lines.push(`${'file'.padEnd(w)}  ${'kind'.padEnd(6)}  ${'raw KB'.padStart(9)}  ${'gzip KB'.padStart(8)}`);
  lines.push(`${'-'.repeat(w)}  ${'-'.repeat(6)}  ${'-'.repeat(9)}  ${'-'.repeat(8)}`);
  for (const e of entries) lines.push(`${e.path.padEnd(w)}  ${e.kind.padEnd(6)}  ${f1(kb(e.bytes)).padStart(9)}  ${f1(kb(e.gzip)).padStart(8)}`);
  lines.push('');
  const jsOk = jsKB <= BUDGET_JS_KB;
  const allOk = allJsKB <= CEILING_ALL_JS_KB;
  const totalOk = totalKB <= BUDGET_FIRST_LOAD_KB;
  const row = (label: string, v: number, limit: number, ok: boolean) => `${label.padEnd(44)}  ${f1(v).padStart(8)}  ${String(limit).padStart(6)}  ${ok ? 'ok' : 'OVER'}`;
  lines.push(`${'budget'.padEnd(44)}  ${'gzip KB'.padStart(8)}  ${'limit'.padStart(6)}  status`);
  lines.push(row('JS a page loads, incl. MapLibre worker', jsKB, BUDGET_JS_KB, jsOk));
  lines.push(row('first load (html+js+css+geo+data+glyphs)', totalKB, BUDGET_FIRST_LOAD_KB, totalOk));
  lines.push(row('all JS, on-demand chunks too (ceiling)', allJsKB, CEILING_ALL_JS_KB, allOk));
  const p2 = path2d(dist, entries);
  const js2Ok = p2.jsKB <= BUDGET_2D_JS_KB;
  const first2Ok = p2.firstLoadKB <= BUDGET_2D_FIRST_LOAD_KB;
  lines.push(row('2D path: JS before the first frame', p2.jsKB, BUDGET_2D_JS_KB, js2Ok));
  lines.push(row('2D path: first load (html+js+css+geo+data)', p2.firstLoadKB, BUDGET_2D_FIRST_LOAD_KB, first2Ok));
  if (!js.some((e) => /maplibre-gl-worker/.test(e.path))) lines.push('warning: no MapLibre worker file found in dist/ (is setWorkerUrl still used?)');
  return { entries, jsKB, allJsKB, totalKB, ok: jsOk && allOk && totalOk && js2Ok && first2Ok, lines };
}

function isMain(): boolean {
  const arg = process.argv[1];
  return !!arg && new URL(import.meta.url).pathname.replace(/\.ts$/, '') === arg.replace(/\.ts$/, '');
}

if (isMain()) {
  const i = process.argv.indexOf('--dist');
  const dist = i > 0 ? process.argv[i + 1]! : 'dist';
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`check-budget: ${dist}/index.html not found — run \`vite build\` first`);
    process.exit(2);
  }
  const r = checkBudget(dist);
  console.log(r.lines.join('\n'));
  if (!r.ok) {
    console.error('\nbudget exceeded');
    process.exit(1);
  }
}
