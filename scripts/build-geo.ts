/**
 * `npm run geo`: data/geo-raw/* → public/geo/jjj.topo.json (simplified, quantised, WGS-84).
 * `npm run geo -- --check` exits 1 if the committed file differs from a fresh build.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { gzipSync } from 'node:zlib';
import { buildGeo, stringifyTopology, type RawInputs } from './lib/geo-build.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GEO_OUT = resolve(root, 'public/geo/jjj.topo.json');

export function readRawInputs(): RawInputs {
  const raw = (f: string) => JSON.parse(readFileSync(resolve(root, 'data/geo-raw', f), 'utf8'));
  const require = createRequire(import.meta.url);
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
  const namesEn = new Map(
    csvParse(readFileSync(resolve(root, 'data/geo-raw/names-en.csv'), 'utf8')).map((r) => [Number(r.adcode), String(r.name_en)] as const),
  );
  return { counties: raw('jjj_counties.geojson'), prefectures: raw('jjj_prefectures.geojson'), provinces: raw('china_provinces.geojson'), world, namesEn };
}

export function buildGeoFile(): string {
  return stringifyTopology(buildGeo(readRawInputs()));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = buildGeoFile();
  if (process.argv.includes('--check')) {
    const current = readFileSync(GEO_OUT, 'utf8');
    if (current !== text) {
      console.error(`${GEO_OUT} is not what \`npm run geo\` produces: run it and commit the result`);
      process.exit(1);
    }
    console.log('public/geo/jjj.topo.json is up to date');
  } else {
    mkdirSync(dirname(GEO_OUT), { recursive: true });
    writeFileSync(GEO_OUT, text);
    console.log(`wrote ${GEO_OUT}: ${(text.length / 1024).toFixed(0)} KB, ${(gzipSync(text).length / 1024).toFixed(0)} KB gzipped`);
  }
}
