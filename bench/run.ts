/**
 * `npm run bench` — the flow-arc renderer on its own (issue 4), on SYNTHETIC flows only.
 *
 * 1. Frame times during the scripted 3-second pan/zoom with 0, 1,000, 10,000 and 50,000 arcs for
 *    the technique we ship (MapLibre custom WebGL2 layer) and the two we rejected (MapLibre `line`
 *    layer of Bézier LineStrings; d3 SVG overlay re-projected on `move`), plus our per-frame JS
 *    and the filter-change time: delegated to the peers harness (`bench/peers/run.ts`, same pages,
 *    same move), restricted to those pages.
 * 2. The app itself at 50,000 flows (bench/app.ts, `npx tsx bench/app.ts` alone): a synthetic CSV
 *    loaded through "Load data", then how long clicks and keys wait for the main thread during
 *    and after a drag (must stay ≤ 200 ms), the longest main-thread task, and the JS heap before
 *    and after 20 filter changes (FAILS if it grows by more than 10 %).
 *
 * 0. First, in Node, the app's own filter-change path (bench/pipeline.ts): selectors, planner
 *    summary and arc packing for 0 (baseline), 1,000, 10,000 and 50,000 flows, median and p95 per
 *    change; bench/results/pipeline-<date>.json. `--no-pipeline` skips it.
 *
 * 0b. Planners' analysis at 10,000 flows (bench/analysis.ts, issue 18): switching level, compare
 *    or net; search per keystroke; the OD matrix at the fine level in Chromium. `--no-analysis` skips it.
 *
 * 3. First paint and ready of the built site (dist/) at 400 kbit/s and 400 ms latency
 *    (bench/slowNetwork.ts, `--no-slow` skips it).
 *
 * Writes bench/results/{pipeline,peers,app}-<date>.json and prints one summary line per case. SwiftShader
 * timings rank techniques on this machine; they are not real-GPU figures.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportAppBench, runAppBench } from './app.ts';
import { runPipelineBench, writePipelineResults } from './pipeline.ts';
import { reportSlowNetwork, runSlowNetworkBench } from './slowNetwork.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const argv = process.argv.slice(2);
const skipPeers = argv.includes('--no-frames');

// 0. The app's filter-change path in Node (before any browser starts, so nothing competes with it).
if (!argv.includes('--no-pipeline')) console.log(`pipeline: wrote ${writePipelineResults(runPipelineBench())}`);

// 0b. Planners' analysis (issue 18): switching level / compare / net, search per keystroke, the matrix (bench/analysis.ts).
if (!argv.includes('--no-analysis')) {
  const r = spawnSync('npx', ['tsx', join(HERE, 'analysis.ts')], { stdio: 'inherit' });
  if (r.status !== 0) console.error('analysis bench failed; continuing');
}

// 1. Frame times, own JS per frame and filter time: the peers harness on our pages only.
if (!skipPeers) {
  const r = spawnSync('npx', ['tsx', join(HERE, 'peers/run.ts'), '--pages', 'ours,mlline,svg', '--sizes', '1000,10000,50000', '--runs', '1', '--merge'], { stdio: 'inherit' });
  if (r.status !== 0) console.error('peers harness failed; continuing with the 50k checks');
}

// 2. The app itself at 50,000 flows: input while the map moves, long tasks, heap growth.
const app = await runAppBench({ n: 50_000 });
const appOk = reportAppBench(app);

// 3. First paint and ready on a slow network (400 kbit/s, 400 ms): the built site, gzipped (bench/slowNetwork.ts).
if (!argv.includes('--no-slow')) reportSlowNetwork(await runSlowNetworkBench());
if (!appOk) process.exit(1);
