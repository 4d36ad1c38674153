/**
 * Shared harness of the peer-benchmark pages: parameters, the SYNTHETIC flows, the scripted
 * camera move, and the `window.__bench` API the driver (run.ts) calls.
 *
 * Every page draws the same synthetic flows (scripts/synthetic.ts, generated in the page from the
 * same boundary file and seed) over the same boundaries, and runs the same 3-second camera move.
 */
import type { Topology } from 'topojson-specification';
import { endpointsFromTopology, syntheticFlowsFrom, type SyntheticFlow } from '../../scripts/synthetic.ts';
import { decodeBoundaries, type Boundaries } from '../../src/geo/boundaries.ts';

export type { SyntheticFlow };

export const VIEWPORT = { width: 1280, height: 720 } as const;
export const SEED = 42;
/** Start and end of the scripted move: a pan towards Tianjin and one zoom level in. */
export const CAMERA = {
  start: { center: [116.45, 39.45] as [number, number], zoom: 6.2 },
  end: { center: [116.95, 39.15] as [number, number], zoom: 7.2 },
  durationMs: 3000,
};
export const TOP_N = 5000;
/** The filter that halves the flows. */
export const keepEvenYears = (f: SyntheticFlow) => f.year % 2 === 0;
/** Flow colour everywhere (the benchmark compares drawing, not palettes). */
export const FLOW_COLOR = '#0b6e8a';
export const FLOW_ALPHA = 0.45;
/** Width at the source end in CSS px, by value (1–1000): 0.6–4 px. */
export const flowWidth = (value: number) => 0.6 + 3.4 * Math.sqrt(value / 1000);

export interface Params {
  n: number;
  seed: number;
  variant: string;
}

export function params(): Params {
  const q = new URLSearchParams(location.search);
  return { n: Number(q.get('n') ?? 1000), seed: Number(q.get('seed') ?? SEED), variant: q.get('variant') ?? 'default' };
}

export interface Loaded {
  topology: Topology;
  boundaries: Boundaries;
  flows: SyntheticFlow[];
  /** ms to generate the flows in the page (the same for every page). */
  generateMs: number;
}

export async function load(p: Params): Promise<Loaded> {
  const res = await fetch(new URL('geo/jjj.topo.json', document.baseURI));
  if (!res.ok) throw new Error(`jjj.topo.json: HTTP ${res.status}`);
  const topology = (await res.json()) as Topology;
  const boundaries = decodeBoundaries(topology);
  const t0 = performance.now();
  const flows = syntheticFlowsFrom(endpointsFromTopology(topology), p.n, p.seed);
  return { topology, boundaries, flows, generateMs: performance.now() - t0 };
}

/** Time spent in this page's own per-frame code (performance.now around it). */
export const own = { ms: 0, calls: 0, samples: [] as number[] };
export function timed<A extends unknown[], R>(fn: (...a: A) => R): (...a: A) => R {
  return (...a: A) => {
    const t0 = performance.now();
    try {
      return fn(...a);
    } finally {
      const ms = performance.now() - t0;
      own.ms += ms;
      own.calls++;
      own.samples.push(ms);
    }
  };
}

export interface CaseInfo {
  page: string;
  variant: string;
  n: number;
  /** Lines actually drawn (after the library's own aggregation or our top-N cut). */
  drawn: number;
  generateMs: number;
  /** What the own-JS figure covers on this page. */
  ownJs: string;
  note?: string;
}

export interface MoveResult {
  /** requestAnimationFrame timestamps during the move, ms since navigation. */
  stamps: number[];
  /** Own per-frame JS during the move, ms in total, and how many calls. */
  ownMs: number;
  ownCalls: number;
  /** Each call's ms (per frame for ours: the arc layer's render()). */
  ownSamples: number[];
  /** From the start of the move to the complete last frame. */
  totalMs: number;
}

export interface BenchApi {
  info: CaseInfo;
  move(): Promise<MoveResult>;
  filter(): Promise<{ ms: number; drawn: number }>;
}

export interface Page {
  info: Omit<CaseInfo, 'n' | 'variant'>;
  /** Resolves at the first complete frame (after a forced pixel read). */
  ready: Promise<number>;
  /**
   * Start the camera move; call `motionEnd` in the frame where the camera reaches its end (e.g.
   * on `moveend`); resolve when that last frame is complete.
   */
  runMove(motionEnd: () => void): Promise<void>;
  /** Apply `keepEvenYears`; resolves when the next complete frame is done. Returns lines drawn. */
  applyFilter(): Promise<number>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
    /** Resolves with ms since navigation at the first complete frame. */
    __benchReady?: Promise<number>;
    __benchError?: string;
  }
}

/**
 * Record rAF timestamps from the start of the move to the frame after the camera stopped (that
 * stamp closes the last frame of the motion). Idle frames while waiting for the final complete
 * frame are not recorded; they would flatter the median.
 */
export async function recordFrames(run: (motionEnd: () => void) => Promise<void>): Promise<MoveResult> {
  const stamps: number[] = [];
  let ended = false;
  let stopped = false;
  const tick = (t: number) => {
    if (stopped) return;
    stamps.push(t);
    if (ended) stopped = true;
    else requestAnimationFrame(tick);
  };
  own.ms = 0;
  own.calls = 0;
  own.samples = [];
  const t0 = performance.now();
  requestAnimationFrame(tick);
  await run(() => {
    ended = true;
  });
  // The camera has stopped; let the closing stamp land if the last frame is still pending.
  if (!stopped) await new Promise<void>((r) => requestAnimationFrame(() => r()));
  stopped = true;
  const totalMs = performance.now() - t0;
  return { stamps, ownMs: own.ms, ownCalls: own.calls, ownSamples: own.samples, totalMs };
}

/** Wire a page into `window.__bench`; errors go to `window.__benchError`. */
export function expose(p: Params, make: () => Page | Promise<Page>): void {
  const fail = (e: unknown) => {
    window.__benchError = String((e as Error)?.stack ?? e);
    console.error(e);
  };
  window.addEventListener('error', (e) => fail(e.error ?? e.message));
  window.__benchReady = (async () => {
    const page = await make();
    const at = await page.ready;
    window.__bench = {
      info: { ...page.info, n: p.n, variant: p.variant },
      move: () => recordFrames(page.runMove),
      filter: async () => {
        const t0 = performance.now();
        const drawn = await page.applyFilter();
        return { ms: performance.now() - t0, drawn };
      },
    };
    return at;
  })();
  window.__benchReady.catch(fail);
}

/** Mercator helpers (the same maths as src/geo/arcs.ts). */
export const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** A one-pixel read that forces the GPU to finish what was drawn into `gl`'s drawing buffer. */
export function forceFinish(gl: WebGLRenderingContext | WebGL2RenderingContext): void {
  const px = new Uint8Array(4);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
}

/** A small caption on the page saying the data are synthetic (and, for top-N, what was left out). */
export function caption(text: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'bench-caption';
  el.textContent = text;
  document.body.appendChild(el);
  return el;
}
