/**
 * What costs what in OUR arc layer on this machine's software GPU (companion to run.ts).
 *
 *   npx tsx bench/peers/probe.ts [n=10000]      (after `npm run bench:peers` has built dist/)
 *
 * Loads bench/peers/dist/ours.html with n flows and, in ONE page, adds several copies of our
 * layer (createArcLayer) with different settings, showing one at a time. It alternates between
 * them for 4 rounds (so load from other work on the machine hits all of them alike) and reports
 * the median ms of a forced-complete frame (render + 1-pixel read) for:
 *   base32     the layer as shipped: 32 segments per arc
 *   seg8       8 segments per arc (vertex work ÷ 4)
 *   scissor32  32 segments, drawn through a 1×1 scissor: no fragments, so vertex + set-up only
 *   half32     half the arcs
 *   none       basemap only
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';

const DIST = fileURLToPath(new URL('./dist/', import.meta.url));
const n = Number(process.argv[2] ?? 10000);

// Page-side script as a string: tsx would otherwise inject helpers the page does not have.
const SCRIPT = `(async () => {
  const map = window.__benchMap;
  const P = window.__benchProbe;
  const gl = map.getCanvas().getContext('webgl2');
  const px = new Uint8Array(4);
  const frame = () => new Promise((res) => {
    const t0 = performance.now();
    map.once('render', () => { gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); res(performance.now() - t0); });
    map.triggerRepaint();
  });
  const pack = (flows) => P.packArcs(flows, { source: (d) => d.origin, target: (d) => d.destination, width: (d) => P.flowWidth(d.value), color: () => P.color, ends: (d) => [d.originAdcode, d.destinationAdcode] });
  const cfgs = {
    base32: { segments: 32, arcs: pack(P.flows) },
    seg8: { segments: 8, arcs: pack(P.flows) },
    scissor32: { segments: 32, arcs: pack(P.flows), scissor: true },
    half32: { segments: 32, arcs: pack(P.flows.slice(0, P.flows.length >> 1)) },
  };
  const ids = Object.keys(cfgs);
  for (const k of ids) {
    const c = cfgs[k];
    const layer = P.createArcLayer({ id: 'probe-' + k, segments: c.segments });
    if (c.scissor) {
      const render = layer.render.bind(layer);
      layer.render = (g, a) => { g.enable(g.SCISSOR_TEST); g.scissor(0, 0, 1, 1); render(g, a); g.disable(g.SCISSOR_TEST); };
    }
    map.addLayer(layer);
    layer.setArcs(c.arcs);
    map.setLayoutProperty('probe-' + k, 'visibility', 'none');
  }
  map.setLayoutProperty('flow-arcs', 'visibility', 'none');
  await frame(); await frame();
  const res = {};
  for (const k of [...ids, 'none']) res[k] = [];
  for (let round = 0; round < 4; round++) {
    for (const k of [...ids, 'none']) {
      for (const j of ids) map.setLayoutProperty('probe-' + j, 'visibility', j === k ? 'visible' : 'none');
      await frame();
      const a = [await frame(), await frame(), await frame()].sort((x, y) => x - y);
      res[k].push(a[1]);
    }
  }
  const med = (a) => { const s = [...a].sort((x, y) => x - y); return Math.round(s[s.length >> 1]); };
  return Object.fromEntries(Object.entries(res).map(([k, v]) => [k, med(v)]));
})()`;

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'ours.html'))) throw new Error('bench/peers/dist is missing: run `npm run bench:peers` (or vite build --config bench/peers/vite.config.ts) first');
  const server = createServer((req, res) => {
    const rel = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(DIST, rel);
    if (!file.startsWith(DIST) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 })).newPage();
    await page.goto(`http://127.0.0.1:${port}/ours.html?n=${n}`);
    await page.evaluate('window.__benchReady');
    const r = (await page.evaluate(SCRIPT)) as Record<string, number>;
    console.log(`our arc layer, ${n.toLocaleString('en')} SYNTHETIC arcs, median ms per complete frame:`);
    for (const [k, v] of Object.entries(r)) console.log(`  ${k.padEnd(10)} ${String(v).padStart(6)}`);
    const base = r.base32! - r.none!;
    console.log(`  → arcs cost ${base} ms; without fragments ${r.scissor32! - r.none!} ms (vertex + set-up), so fragments ≈ ${r.base32! - r.scissor32!} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
