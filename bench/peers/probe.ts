/**
 * What costs what in OUR arc layer on this machine's software GPU (companion to run.ts).
 *
 *   npx tsx bench/peers/probe.ts [n=10000] [views=start,zoomed] [rounds=4]
 *   (after `npm run bench:peers` or `npx vite build --config bench/peers/vite.config.ts` has
 *   built dist/; PROBE_DIST=/some/dir points at another build of the same pages,
 *   PROBE_ONLY=auto,legacy32 picks configurations, PROBE_SHOTS=/some/dir keeps the pictures)
 *
 * Loads ours.html with n SYNTHETIC flows and, in ONE page, adds several copies of an arc layer
 * with different settings, showing one at a time. It alternates between them for several rounds
 * (so load from other work on the machine hits all of them alike) and reports per configuration
 * the median wall ms of a forced-complete frame (render + 1-pixel read) and the median CPU ms
 * per frame of all the browser's processes (as run.ts measures it; far steadier than wall time
 * on a shared machine), each minus `none` (the arcs' own cost) and as a ratio to legacy32's:
 *   legacy32       the layer as shipped until 2026-11 (src/map/arcLayer.ts at 510fd57: instanced,
 *                  32 segments per arc, 5 projections and 8 interpolated values per vertex, one
 *                  program with the dash); injected from this file, so the pages do not carry it
 *   legacy32-dash  the same, animated
 *   fixed32        the current layer with 32 segments per arc (everything but the adaptive count)
 *   auto           the current layer as shipped (2–32 segments by size on screen)
 *   auto-dash      the same, animated (the dash program)
 *   auto-bow0.5    maxBow ½ px instead of 1: more, shorter segments and narrower quads
 *   auto-bow2      maxBow 2 px: fewer, longer segments and wider quads
 *   auto-w3        (PROBE_ONLY) widths × 3: how much the pixels themselves cost
 *   scissor-*      drawn through a 1×1 scissor: no fragments, so vertex + set-up only
 *   none           basemap only
 * Views: `start` is the bench's first view (z 6.2), `zoomed` two levels closer (z 8.2, Tianjin).
 * It also prints the current layer's segment histogram per view, its render() JS time per frame
 * and on frames that choose the segments again, and compares every still configuration's
 * picture with legacy256 (the old layer with 256 segments per arc: the curve as exactly as it
 * can be drawn).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { browserProcess } from '../browserProcess.ts';
import { serveStatic } from '../serve.ts';

const DIST = process.env.PROBE_DIST ? resolve(process.env.PROBE_DIST) + '/' : fileURLToPath(new URL('./dist/', import.meta.url));
const n = Number(process.argv[2] ?? 10000);
const views = (process.argv[3] ?? 'start,zoomed').split(',');
const rounds = Number(process.argv[4] ?? 4);
const only = process.env.PROBE_ONLY?.split(',');

const VIEWS: Record<string, { center: [number, number]; zoom: number }> = {
  start: { center: [116.45, 39.45], zoom: 6.2 },
  zoomed: { center: [117.1, 39.2], zoom: 8.2 },
};

/**
 * The layer as it was shipped before adaptive tessellation (src/map/arcLayer.ts at 510fd57),
 * reduced to what drawing needs, as page-side JavaScript.
 */
const LEGACY = `(() => {
const VS = \`#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_segments;
uniform float u_taper;
uniform float u_pixel_ratio;
in vec2 a_seg;
in vec4 a_ends;
in float a_curv;
in float a_width;
in vec4 a_color;
in float a_state;
out vec4 v_color;
out float v_side;
out float v_half;
out float v_dist;
out float v_state;

vec2 bez(float t, vec2 s, vec2 c, vec2 d) { float u = 1.0 - t; return u * u * s + 2.0 * u * t * c + t * t * d; }
vec2 screen(vec4 p) { return p.xy / p.w * u_viewport * 0.5; }

void main() {
  vec2 s = a_ends.xy;
  vec2 d = a_ends.zw;
  vec2 delta = d - s;
  vec2 c = (s + d) * 0.5 + vec2(delta.y, -delta.x) * a_curv;
  float t = a_seg.x / u_segments;
  float h = 1.0 / u_segments;
  vec4 p = u_matrix * vec4(bez(t, s, c, d), 0.0, 1.0);
  vec2 s0 = screen(u_matrix * vec4(bez(max(t - h, 0.0), s, c, d), 0.0, 1.0));
  vec2 s1 = screen(u_matrix * vec4(bez(min(t + h, 1.0), s, c, d), 0.0, 1.0));
  vec2 dir = s1 - s0;
  dir = length(dir) > 1e-6 ? normalize(dir) : vec2(1.0, 0.0);
  vec2 nrm = vec2(-dir.y, dir.x);
  float w = a_width * u_pixel_ratio * mix(1.0, u_taper, t);
  if (a_state > 0.5 && a_state < 1.5) w += 1.5 * u_pixel_ratio;
  float half_w = w * 0.5 + 1.0;
  vec2 offset = nrm * a_seg.y * half_w;
  gl_Position = p + vec4(offset / (u_viewport * 0.5) * p.w, 0.0, 0.0);
  v_color = a_color;
  v_side = a_seg.y * half_w;
  v_half = w * 0.5;
  v_dist = t * length(screen(u_matrix * vec4(d, 0.0, 1.0)) - screen(u_matrix * vec4(s, 0.0, 1.0)));
  v_state = a_state;
}\`;
const FS = \`#version 300 es
precision highp float;
uniform float u_time;
uniform float u_animate;
uniform float u_faded;
in vec4 v_color;
in float v_side;
in float v_half;
in float v_dist;
in float v_state;
out vec4 frag;
void main() {
  float edge = clamp(v_half + 0.5 - abs(v_side), 0.0, 1.0);
  float a = v_color.a * edge;
  if (v_state > 1.5) a *= u_faded;
  else if (v_state > 0.5) a = edge;
  if (u_animate > 0.5) {
    float phase = fract((v_dist - u_time * 40.0) / 18.0);
    a *= phase < 0.55 ? 1.0 : 0.45;
  }
  frag = vec4(v_color.rgb * a, a);
}\`;
return function createLegacyArcLayer(o) {
  const segments = o.segments || 32, taper = 0.3, faded = 0.12;
  let map = null, gl = null, program = null, vao = null, uniforms = {}, data = null, dirty = true, animated = !!o.animated;
  const start = performance.now();
  const buffers = {};
  const compile = (type, src) => { const sh = gl.createShader(type); gl.shaderSource(sh, src); gl.compileShader(sh); if (!gl.getShaderParameter(sh, gl.COMPILE_STATUS)) throw new Error(gl.getShaderInfoLog(sh)); return sh; };
  const upload = () => {
    const put = (b, arr) => { gl.bindBuffer(gl.ARRAY_BUFFER, b); gl.bufferData(gl.ARRAY_BUFFER, arr, gl.DYNAMIC_DRAW); };
    put(buffers.ends, data.positions); put(buffers.curv, data.curvature); put(buffers.width, data.width); put(buffers.color, data.color); put(buffers.state, data.state);
    dirty = false;
  };
  return {
    id: o.id, type: 'custom', renderingMode: '2d',
    onAdd(m, context) {
      map = m; gl = context;
      program = gl.createProgram();
      gl.attachShader(program, compile(gl.VERTEX_SHADER, VS));
      gl.attachShader(program, compile(gl.FRAGMENT_SHADER, FS));
      gl.linkProgram(program);
      uniforms = Object.fromEntries(['u_matrix', 'u_viewport', 'u_segments', 'u_taper', 'u_pixel_ratio', 'u_time', 'u_animate', 'u_faded'].map((k) => [k, gl.getUniformLocation(program, k)]));
      for (const k of ['seg', 'ends', 'curv', 'width', 'color', 'state']) buffers[k] = gl.createBuffer();
      const seg = new Float32Array((segments + 1) * 4);
      for (let i = 0; i <= segments; i++) seg.set([i, -1, i, 1], i * 4);
      vao = gl.createVertexArray();
      gl.bindVertexArray(vao);
      const attr = (name, b, size, type, normalized, divisor) => {
        const loc = gl.getAttribLocation(program, name);
        if (loc < 0) return;
        gl.bindBuffer(gl.ARRAY_BUFFER, b); gl.enableVertexAttribArray(loc); gl.vertexAttribPointer(loc, size, type, normalized, 0, 0); gl.vertexAttribDivisor(loc, divisor);
      };
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.seg);
      gl.bufferData(gl.ARRAY_BUFFER, seg, gl.STATIC_DRAW);
      attr('a_seg', buffers.seg, 2, gl.FLOAT, false, 0);
      attr('a_ends', buffers.ends, 4, gl.FLOAT, false, 1);
      attr('a_curv', buffers.curv, 1, gl.FLOAT, false, 1);
      attr('a_width', buffers.width, 1, gl.FLOAT, false, 1);
      attr('a_color', buffers.color, 4, gl.UNSIGNED_BYTE, true, 1);
      attr('a_state', buffers.state, 1, gl.UNSIGNED_BYTE, false, 1);
      gl.bindVertexArray(null);
      dirty = true;
    },
    onRemove() {},
    render(context, args) {
      if (!program || !data || data.count === 0) return;
      if (dirty) upload();
      context.useProgram(program);
      context.bindVertexArray(vao);
      context.uniformMatrix4fv(uniforms.u_matrix, false, args.defaultProjectionData.mainMatrix);
      context.uniform2f(uniforms.u_viewport, context.drawingBufferWidth, context.drawingBufferHeight);
      context.uniform1f(uniforms.u_segments, segments);
      context.uniform1f(uniforms.u_taper, taper);
      context.uniform1f(uniforms.u_pixel_ratio, window.devicePixelRatio || 1);
      context.uniform1f(uniforms.u_time, (performance.now() - start) / 1000);
      context.uniform1f(uniforms.u_animate, animated ? 1 : 0);
      context.uniform1f(uniforms.u_faded, faded);
      context.enable(context.BLEND);
      context.blendFunc(context.ONE, context.ONE_MINUS_SRC_ALPHA);
      context.drawArraysInstanced(context.TRIANGLE_STRIP, 0, (segments + 1) * 2, data.count);
      context.bindVertexArray(null);
    },
    setArcs(arcs) { data = arcs; dirty = true; },
    setAnimated(on) { animated = on; },
  };
};
})()`;

// Page-side set-up as a string: tsx would otherwise inject helpers the page does not have.
const SETUP = (only: string[] | undefined) => `(async () => {
  const VIEWS = ${JSON.stringify(VIEWS)};
  const map = window.__benchMap;
  const P = window.__benchProbe;
  const createLegacyArcLayer = ${LEGACY};
  const gl = map.getCanvas().getContext('webgl2');
  const px = new Uint8Array(4);
  const frame = () => new Promise((res) => {
    const t0 = performance.now();
    map.once('render', () => { gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); res(performance.now() - t0); });
    map.triggerRepaint();
  });
  const arcs = P.packArcs(P.flows, { source: (d) => d.origin, target: (d) => d.destination, width: (d) => P.flowWidth(d.value), color: () => P.color, ends: (d) => [d.originAdcode, d.destinationAdcode] });
  const cfgs = {
    legacy32: { legacy: true },
    'legacy32-dash': { legacy: true, animated: true },
    fixed32: { o: { segments: 32 } },
    auto: { o: {} },
    'auto-dash': { o: {}, animated: true },
    'auto-bow0.5': { o: { maxBow: 0.5 } },
    'auto-bow2': { o: { maxBow: 2 } },
    'auto-w3': { o: {}, width: 3, optIn: true },
    'scissor-legacy32': { legacy: true, scissor: true },
    'scissor-auto': { o: {}, scissor: true },
    // The reference for the pictures (not timed: ~9 s a frame).
    legacy256: { legacy: true, segments: 256, untimed: true },
  };

  const only = ${JSON.stringify(only ?? null)};
  const ids = Object.keys(cfgs).filter((k) => (only ? only.includes(k) : !cfgs[k].optIn));
  const js = [];
  let lastMatrix = null;
  let autoLayer = null;
  for (const k of ids) {
    const c = cfgs[k];
    const layer = c.legacy ? createLegacyArcLayer({ id: 'probe-' + k, animated: c.animated, segments: c.segments }) : P.createArcLayer({ id: 'probe-' + k, ...c.o });
    const render = layer.render.bind(layer);
    layer.render = (g, a) => {
      const t0 = performance.now();
      if (c.scissor) { g.enable(g.SCISSOR_TEST); g.scissor(0, 0, 1, 1); }
      lastMatrix = a.defaultProjectionData.mainMatrix;
      render(g, a);
      if (c.scissor) g.disable(g.SCISSOR_TEST);
      if (k === 'auto') js.push(performance.now() - t0);
    };
    if (k === 'auto') autoLayer = layer;
    map.addLayer(layer, 'context-label');
    layer.setArcs(c.width === undefined ? arcs : { ...arcs, width: arcs.width.map((w) => w * c.width) });
    if (c.animated) layer.setAnimated(true);
    map.setLayoutProperty('probe-' + k, 'visibility', 'none');
  }
  map.setLayoutProperty('flow-arcs', 'visibility', 'none');
  const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
  const show = (k) => { for (const j of ids) map.setLayoutProperty('probe-' + j, 'visibility', j === k ? 'visible' : 'none'); };
  window.__probe = {
    // One layer (or none) in one view, after a complete frame.
    async show(k, v) {
      if (v) map.jumpTo(VIEWS[v]);
      show(k);
      await frame();
    },
    async frames(n) {
      const out = [];
      for (let i = 0; i < n; i++) out.push(await frame());
      return out;
    },
    // Every layer once, so each has uploaded its data and chosen its buckets; then the histogram
    // of segments per arc the adaptive layer draws in this view.
    async view(v) {
      map.jumpTo(VIEWS[v]);
      for (const k of ids) { show(k); await frame(); }
      const b = P.segmentCounts(arcs.positions, arcs.curvature, arcs.count, lastMatrix, gl.drawingBufferWidth / 2, gl.drawingBufferHeight / 2, { maxBow: P.DEFAULT_MAX_BOW });
      const hist = {};
      for (const x of b) hist[x] = (hist[x] || 0) + 1;
      let vertices = 0;
      for (const [s, cnt] of Object.entries(hist)) vertices += (Number(s) * 2 + 4) * cnt;
      js.length = 0;
      return { zoom: VIEWS[v].zoom, hist, vertices, legacyVertices: 66 * arcs.count };
    },
    renderJs() { return js.length ? med(js) : null; },
    // The adaptive layer's render() on zoom steps that re-bucket (the arcs re-sorted, the order re-uploaded).
    async rebucket() {
      show('auto');
      const z0 = map.getZoom();
      const steps = [];
      for (const dz of [0.6, 1.2, 0.6, 0, 0.6, 1.2, 0.6, 0]) {
        js.length = 0;
        map.jumpTo({ zoom: z0 + dz });
        await frame();
        steps.push(Math.round(js[0] * 100) / 100);
      }
      // And the frame after setArcs (every arc uploaded, segments chosen again), five times.
      const after = [];
      for (let i = 0; i < 5; i++) {
        js.length = 0;
        autoLayer.setArcs({ ...arcs });
        await frame();
        after.push(Math.round(js[0] * 100) / 100);
      }
      return { steps, after };
    },
  };
  return { ids, untimed: ids.filter((k) => cfgs[k].untimed) };
})()`;

// CPU time of the browser's processes (as run.ts measures it), and its threads' priority.
const browserProc = browserProcess('probe');
const browserCpuMs = () => browserProc.cpuMs();
const raisePriority = () => browserProc.raisePriority(-10);

const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'ours.html'))) throw new Error(`${DIST} is missing ours.html: run \`npm run bench:peers\` (or vite build --config bench/peers/vite.config.ts) first`);
  const site = await serveStatic(DIST);
  const port = site.port;
  const browser = await chromium.launch({ executablePath: browserProc.executable(), args: CHROMIUM_ARGS });
  let nice: ReturnType<typeof setInterval> | undefined;
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 })).newPage();
    page.on('pageerror', (e) => console.error(`[pageerror] ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/ours.html?n=${n}`);
    await page.evaluate('window.__benchReady');
    const { ids, untimed } = (await page.evaluate(SETUP(only))) as { ids: string[]; untimed: string[] };
    nice = setInterval(raisePriority, 250);
    raisePriority();
    const all = [...ids.filter((k) => !untimed.includes(k)), 'none'];
    console.log(`our arc layer, ${n.toLocaleString('en')} SYNTHETIC arcs, 1280×720, ${rounds} rounds × 3 frames per configuration, alternating:`);
    console.log(`wall = median ms per complete frame; cpu = median CPU ms of all browser processes per frame (hardly moved by other work); arcs = minus \`none\`; ratio = arcs ÷ legacy32's arcs`);
    for (const v of views) {
      const info = (await page.evaluate(`window.__probe.view(${JSON.stringify(v)})`)) as { zoom: number; hist: Record<string, number>; vertices: number; legacyVertices: number };
      const wall: Record<string, number[]> = Object.fromEntries(all.map((k) => [k, []]));
      const cpu: Record<string, number[]> = Object.fromEntries(all.map((k) => [k, []]));
      for (let round = 0; round < rounds; round++) {
        for (const k of all) {
          await page.evaluate(`window.__probe.show(${JSON.stringify(k)})`);
          const c0 = browserCpuMs();
          const w = (await page.evaluate('window.__probe.frames(3)')) as number[];
          cpu[k]!.push((browserCpuMs() - c0) / 3);
          wall[k]!.push(...w);
        }
      }
      const renderJs = (await page.evaluate('window.__probe.renderJs()')) as number | null;
      console.log(`\n[${v}] zoom ${info.zoom}; adaptive segments per arc: ${Object.entries(info.hist).map(([s, c]) => `${s}×${c}`).join(' ')} → ${info.vertices.toLocaleString('en')} vertices (legacy ${info.legacyVertices.toLocaleString('en')}, ${(info.vertices / info.legacyVertices).toFixed(2)}×)`);
      if (renderJs !== null) console.log(`  auto render() JS per frame: ${renderJs.toFixed(2)} ms (median)`);
      const W = Object.fromEntries(all.map((k) => [k, Math.round(med(wall[k]!))]));
      const C = Object.fromEntries(all.map((k) => [k, Math.round(med(cpu[k]!))]));
      const head = (x: string, w: number) => x.padStart(w);
      console.log(`  ${'config'.padEnd(18)} ${head('wall', 6)} ${head('arcs', 6)} ${head('ratio', 6)}   ${head('cpu', 6)} ${head('arcs', 6)} ${head('ratio', 6)}`);
      for (const k of all) {
        const row = (m: Record<string, number>) => {
          const own = m[k]! - m.none!;
          const ref = m.legacy32 !== undefined ? m.legacy32 - m.none! : NaN;
          return k === 'none' ? `${head(String(m[k]), 6)} ${head('', 6)} ${head('', 6)}` : `${head(String(m[k]), 6)} ${head(String(own), 6)} ${head(Number.isNaN(ref) ? '' : (own / ref).toFixed(2), 6)}`;
        };
        console.log(`  ${k.padEnd(18)} ${row(W)}   ${row(C)}`);
      }
      for (const [k, sc] of [['legacy32', 'scissor-legacy32'], ['auto', 'scissor-auto']] as const) {
        if (C[k] !== undefined && C[sc] !== undefined) console.log(`  → ${k}: vertex + set-up ≈ ${C[sc]! - C.none!} ms CPU, fragments ≈ ${C[k]! - C[sc]!} ms CPU`);
      }
    }
    if (ids.includes('auto')) {
      const { steps, after } = (await page.evaluate('window.__probe.rebucket()')) as { steps: number[]; after: number[] };
      console.log(`\nauto render() JS on zoom steps that re-bucket (+0.6, +1.2, +0.6, 0, twice): ${steps.join(', ')} ms (median ${med(steps)}); the frame after setArcs: ${after.join(', ')} ms (median ${med(after)})`);
    }
    // The picture: every still (not animated, not scissored) configuration against legacy32.
    const still = ids.filter((k) => !k.includes('dash') && !k.startsWith('scissor') && !k.includes('-w'));
    const refId = still.includes('legacy256') ? 'legacy256' : 'legacy32';
    if (still.includes(refId)) {
      console.log(`\npictures against ${refId} (pixels the arcs touch; differing = any channel off by > 24/255):`);
      for (const v of views) {
        const shot = async (k: string) => {
          await page.evaluate(`window.__probe.show(${JSON.stringify(k)}, ${JSON.stringify(v)})`);
          const buf = await page.locator('#map').screenshot();
          if (process.env.PROBE_SHOTS) writeFileSync(join(process.env.PROBE_SHOTS, `probe-${v}-${k}.png`), buf);
          return PNG.sync.read(buf).data;
        };
        const none = await shot('none');
        const ref = await shot(refId);
        for (const k of still.filter((x) => x !== refId)) {
          const img = await shot(k);
          let arcPx = 0, differ = 0, sum = 0, max = 0;
          for (let i = 0; i < ref.length; i += 4) {
            const inked = Math.max(Math.abs(ref[i]! - none[i]!), Math.abs(ref[i + 1]! - none[i + 1]!), Math.abs(ref[i + 2]! - none[i + 2]!)) > 0;
            const d = Math.max(Math.abs(img[i]! - ref[i]!), Math.abs(img[i + 1]! - ref[i + 1]!), Math.abs(img[i + 2]! - ref[i + 2]!));
            if (!inked && d === 0) continue;
            arcPx++;
            sum += d;
            if (d > 24) differ++;
            max = Math.max(max, d);
          }
          console.log(`  [${v}] ${k.padEnd(14)} ${arcPx.toLocaleString('en').padStart(9)} px, differing ${((100 * differ) / arcPx).toFixed(2)} %, mean |Δ| ${(sum / arcPx).toFixed(2)}, max ${max}`);
        }
      }
      if (process.env.PROBE_SHOTS) console.log(`  (screenshots in ${process.env.PROBE_SHOTS})`);
    }
  } finally {
    clearInterval(nice);
    await browser.close();
    await site.close();
    browserProc.cleanUp();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
