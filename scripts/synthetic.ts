/**
 * SYNTHETIC flows for tests and benchmarks — never shown as real data.
 *
 * Seeded (mulberry32) and deterministic: the same `(n, seed)` gives the same flows on every
 * machine and in the browser. Origins are the label points of Beijing's and Tianjin's districts
 * (adcode 11…/12…), destinations the label points of Hebei's counties (13…), both read from the
 * boundary file (public/geo/jjj.topo.json). Values are heavy-tailed (log-normal, clamped to
 * 1–1000): a few large flows, many small ones, as in real relocation data.
 *
 *   npx tsx scripts/synthetic.ts 10000 42 > bench/fixtures/flows-10000-42.json
 *
 * As a module: `syntheticFlows(n, seed)` in Node (reads the boundary file), or
 * `syntheticFlowsFrom(endpointsFromTopology(topo), n, seed)` anywhere (the bench pages use this
 * with the topology they fetch). Every file written carries `"synthetic": true` at top level.
 */
import type { Topology } from 'topojson-specification';
import { decodeBoundaries } from '../src/geo/boundaries.ts';
import { INDUSTRIES } from '../src/data/vocab.ts';

export type Industry = (typeof INDUSTRIES)[number];

export interface SyntheticFlow {
  id: string;
  origin: [number, number];
  destination: [number, number];
  originAdcode: number;
  destinationAdcode: number;
  industry: Industry;
  year: number;
  value: number;
}

export interface SyntheticFile {
  synthetic: true;
  generator: 'scripts/synthetic.ts';
  n: number;
  seed: number;
  flows: SyntheticFlow[];
}

export interface Endpoint {
  adcode: number;
  label: [number, number];
}

export interface Endpoints {
  origins: Endpoint[];
  destinations: Endpoint[];
}

export const SYNTHETIC_YEARS = [2014, 2024] as const;
export const SYNTHETIC_VALUE_RANGE = [1, 1000] as const;
export { INDUSTRIES as SYNTHETIC_INDUSTRIES };

/** mulberry32: a tiny 32-bit seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Origins (Beijing and Tianjin districts) and destinations (Hebei counties) of the boundary file. */
export function endpointsFromTopology(topo: Topology): Endpoints {
  const b = decodeBoundaries(topo);
  const all = b.counties.features.map((f) => ({ adcode: f.properties.adcode, label: [f.properties.label[0], f.properties.label[1]] as [number, number] }));
  all.sort((a, b) => a.adcode - b.adcode);
  const origins = all.filter((e) => /^1[12]/.test(String(e.adcode)));
  const destinations = all.filter((e) => String(e.adcode).startsWith('13'));
  if (!origins.length || !destinations.length) throw new Error('boundary file has no Beijing/Tianjin districts or no Hebei counties');
  return { origins, destinations };
}

/** Standard normal from two uniforms (Box–Muller). */
function normal(rand: () => number): number {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * `n` flows from `seed`. Origins are skewed (a few districts send most flows, as the central
 * districts do); destinations are uniform. Value: exp(N(2.5, 1.3)) rounded to 0.1, clamped to
 * 1–1000 (median ≈ 12, ~1 % above 250).
 */
export function syntheticFlowsFrom(endpoints: Endpoints, n: number, seed: number): SyntheticFlow[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a non-negative integer, got ${n}`);
  const rand = mulberry32(seed);
  const { origins, destinations } = endpoints;
  const [y0, y1] = SYNTHETIC_YEARS;
  const [vmin, vmax] = SYNTHETIC_VALUE_RANGE;
  const out: SyntheticFlow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const o = origins[Math.floor(rand() ** 1.6 * origins.length)]!;
    const d = destinations[Math.floor(rand() * destinations.length)]!;
    const industry = INDUSTRIES[Math.floor(rand() * INDUSTRIES.length)]!;
    const year = y0 + Math.floor(rand() * (y1 - y0 + 1));
    const raw = Math.exp(2.5 + 1.3 * normal(rand));
    const value = Math.min(vmax, Math.max(vmin, Math.round(raw * 10) / 10));
    out[i] = {
      id: `syn-${seed}-${i}`,
      origin: o.label,
      destination: d.label,
      originAdcode: o.adcode,
      destinationAdcode: d.adcode,
      industry,
      year,
      value,
    };
  }
  return out;
}

/** The region's boundary file, read from disk (Node only). */
export function readTopology(path = 'public/geo/jjj.topo.json'): Topology {
  const fs = (globalThis as { process?: { getBuiltinModule?: (m: string) => unknown } }).process?.getBuiltinModule?.('node:fs') as typeof import('node:fs') | undefined;
  if (!fs) throw new Error('readTopology needs Node ≥ 20.16 (process.getBuiltinModule); in a browser, fetch the topology and use syntheticFlowsFrom');
  // The repository root is the folder above scripts/ (string surgery, so bundlers leave it alone).
  const root = import.meta.url.replace(/\/scripts\/[^/]*$/, '/');
  return JSON.parse(fs.readFileSync(new URL(path, root), 'utf8')) as Topology;
}

/** `n` synthetic flows from `seed` between the region's districts (Node: reads the boundary file). */
export function syntheticFlows(n: number, seed: number, topology: Topology = readTopology()): SyntheticFlow[] {
  return syntheticFlowsFrom(endpointsFromTopology(topology), n, seed);
}

/** The file format: `"synthetic": true` at top level, so no reader can mistake it for data. */
export function syntheticFile(n: number, seed: number, topology?: Topology): SyntheticFile {
  return { synthetic: true, generator: 'scripts/synthetic.ts', n, seed, flows: syntheticFlows(n, seed, topology) };
}

function isMain(): boolean {
  const proc = (globalThis as { process?: { argv?: string[] } }).process;
  const arg = proc?.argv?.[1];
  if (!arg) return false;
  const here = new URL(import.meta.url).pathname;
  return here === arg || here.replace(/\.ts$/, '') === arg.replace(/\.ts$/, '');
}

if (isMain()) {
  const proc = (globalThis as unknown as { process: NodeJS.Process }).process;
  const [nArg = '1000', seedArg = '42'] = proc.argv.slice(2);
  const n = Number(nArg);
  const seed = Number(seedArg);
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(seed)) {
    proc.stderr.write('usage: npx tsx scripts/synthetic.ts <n> <seed> > bench/fixtures/flows.json\n');
    proc.exit(2);
  }
  proc.stdout.write(`${JSON.stringify(syntheticFile(n, seed))}\n`);
}
