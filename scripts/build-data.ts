/**
 * `npm run data`: data/*.csv → public/data/dataset.json (compact, byte-for-byte reproducible).
 * Every bad row is printed as `file:line: column: reason` on stderr and the build exits 1.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import type { Topology } from 'topojson-specification';
import { compileDataset, serializeDataset } from '../src/data/dataset.ts';
import type { RowError } from '../src/data/errors.ts';
import { formatError } from '../src/data/errors.ts';
import { gazetteerFromLayers, gazetteerFromTopology } from '../src/data/gazetteer.ts';
import type { Gazetteer } from '../src/data/gazetteer.ts';
import { parsePlaceAliases } from '../src/data/placeAliases.ts';
import { placeResolver, unitsFromLayers, type PlaceResolver } from '../src/data/placeNames.ts';
import { decodeBoundaries } from '../src/geo/boundaries.ts';
import { layersFromRaw } from '../src/data/geo-raw-adapter.ts';
import type { TableInput, TableInputs } from '../src/data/validate.ts';
import { storyErrors } from '../src/story/validate.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_OUT = resolve(ROOT, 'public/data/dataset.json');
const TOPOLOGY = 'public/geo/jjj.topo.json';

const REQUIRED_TABLES = ['sources', 'platforms', 'flows', 'aggregates'] as const;

export interface Options {
  /** Repository root (default: this script's parent folder). */
  root?: string;
  /** Folder of the CSVs, relative to `root` (default `data`). */
  dataDir?: string;
  /** Latest year allowed in the data (default: this year). */
  currentYear?: number;
}

/** Reads the CSV files; a missing required file is an error, a missing timeline.csv is not. */
export function readTableInputs(options: Options = {}): { inputs?: TableInputs; errors: RowError[] } {
  const root = options.root ?? ROOT;
  const dir = resolve(root, options.dataDir ?? 'data');
  const read = (name: string): TableInput | undefined => {
    const path = resolve(dir, `${name}.csv`);
    if (!existsSync(path)) return undefined;
    return { file: relative(root, path), text: readFileSync(path, 'utf8') };
  };
  const errors: RowError[] = [];
  const found: Partial<Record<(typeof REQUIRED_TABLES)[number], TableInput>> = {};
  for (const name of REQUIRED_TABLES) {
    const input = read(name);
    if (input) found[name] = input;
    else errors.push({ file: relative(root, resolve(dir, `${name}.csv`)), line: 1, column: '(file)', reason: 'file not found' });
  }
  const { sources, platforms, flows, aggregates } = found;
  if (!sources || !platforms || !flows || !aggregates) return { errors };
  const timeline = read('timeline');
  return { inputs: { sources, platforms, flows, aggregates, ...(timeline ? { timeline } : {}) }, errors };
}

/**
 * The gazetteer from the boundary build (public/geo/jjj.topo.json), or, while that file does
 * not exist yet, from the raw inputs in data/geo-raw/ (remove this fallback with the adapter).
 */
export function loadGazetteer(root: string = ROOT): { gazetteer: Gazetteer; from: string } {
  const topology = resolve(root, TOPOLOGY);
  if (existsSync(topology)) {
    return { gazetteer: gazetteerFromTopology(JSON.parse(readFileSync(topology, 'utf8')) as Topology), from: TOPOLOGY };
  }
  const raw = (file: string) => JSON.parse(readFileSync(resolve(root, 'data/geo-raw', file), 'utf8'));
  const namesPath = resolve(root, 'data/geo-raw/names-en.csv');
  const namesEn = existsSync(namesPath)
    ? new Map(csvParse(readFileSync(namesPath, 'utf8')).map((r) => [Number(r.adcode), String(r.name_en ?? '')] as const))
    : undefined;
  const layers = layersFromRaw({
    counties: raw('jjj_counties.geojson'),
    prefectures: raw('jjj_prefectures.geojson'),
    provinces: raw('china_provinces.geojson'),
    ...(namesEn ? { namesEn } : {}),
  });
  return { gazetteer: gazetteerFromLayers(layers), from: 'data/geo-raw/ (fallback)' };
}

/** The place resolver (src/data/placeNames.ts) for the validator's messages, when the boundary build exists. */
function placesFor(root: string): { places?: PlaceResolver } {
  const topology = resolve(root, TOPOLOGY);
  const aliases = resolve(root, 'data/names/place-aliases.csv');
  if (!existsSync(topology) || !existsSync(aliases)) return {};
  const units = unitsFromLayers(decodeBoundaries(JSON.parse(readFileSync(topology, 'utf8')) as Topology));
  return { places: placeResolver({ units, aliases: parsePlaceAliases(readFileSync(aliases, 'utf8')) }) };
}

/** Reads, validates and compiles; `json` is set only when there is no error. */
export function buildData(options: Options = {}): { json?: string; errors: RowError[]; gazetteerFrom: string } {
  const { gazetteer, from } = loadGazetteer(options.root ?? ROOT);
  const { inputs, errors } = readTableInputs(options);
  if (!inputs) return { errors, gazetteerFrom: from };
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const compiled = compileDataset(inputs, gazetteer, { currentYear, ...placesFor(options.root ?? ROOT) });
  // The guided story (data/story.csv, optional) quotes the tables: its figures and sources are checked against them.
  const story = resolve(options.root ?? ROOT, options.dataDir ?? 'data', 'story.csv');
  if (existsSync(story)) compiled.errors.push(...storyErrors({ file: relative(options.root ?? ROOT, story), text: readFileSync(story, 'utf8') }, inputs));
  if (compiled.errors.length > 0) return { errors: compiled.errors, gazetteerFrom: from };
  return { json: serializeDataset(compiled.dataset), errors: [], gazetteerFrom: from };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { json, errors, gazetteerFrom } = buildData();
  if (json === undefined || errors.length > 0) {
    for (const e of errors) console.error(formatError(e));
    console.error(`npm run data: ${errors.length} error${errors.length === 1 ? '' : 's'}; ${relative(ROOT, DATA_OUT)} not written`);
    process.exit(1);
  }
  mkdirSync(dirname(DATA_OUT), { recursive: true });
  writeFileSync(DATA_OUT, json);
  const d = JSON.parse(json) as Record<string, unknown[]>;
  const counts = Object.entries(d).map(([k, v]) => `${v.length} ${k}`).join(', ');
  console.log(`wrote ${relative(ROOT, DATA_OUT)} (${(json.length / 1024).toFixed(0)} KB): ${counts}; boundaries from ${gazetteerFrom}`);
}
