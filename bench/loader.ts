/**
 * `npx tsx bench/loader.ts [--root DIR] [--runs N]` — the loader's pipeline in Node (decode, parse,
 * names → adcodes, validate) on 500,000 synthetic rows, two files:
 *
 * - `test-file`: the browser test's 50 MB file (tests/e2e/loader.spec.ts): English names of
 *   origins, adcodes of destinations;
 * - `hierarchical`: the same rows with full hierarchical Chinese names at both ends
 *   (`河北省沧州市黄骅市`, `北京市朝阳区`), the form of enterprise-registry exports (issue 19).
 *
 * `--root` runs another checkout's src/ (e.g. an older commit unpacked with `git archive`), so a
 * change can be timed before and after in one session. SYNTHETIC rows only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { median } from './stats.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const root = resolve(arg('root') ?? '.');
const runs = Number(arg('runs') ?? 2);
const n = Number(arg('n') ?? 500_000);

const { decodeBoundaries } = await import(join(root, 'src/geo/boundaries.ts'));
const { gazetteerFromLayers } = await import(join(root, 'src/data/gazetteer.ts'));
const { bytesSource, loadBytes } = await import(join(root, 'src/loader/pipeline.ts'));
const places = await import(join(root, 'src/loader/places.ts'));
const { readTopology, syntheticFlows } = await import(join(root, 'scripts/synthetic.ts'));
const { INDUSTRIES } = await import(join(root, 'src/data/vocab.ts'));
const { zh } = await import(join(root, 'src/i18n/zh.ts'));
const { en } = await import(join(root, 'src/i18n/en.ts'));

// Today's loader also reads the alias table, the platforms and the industry tables (issue 19); an
// older checkout without them is timed as it was.
const aliasesModule = await import(join(root, 'src/data/placeAliases.ts')).catch(() => null);
const namesDir = join(root, 'data/names');
const extras = aliasesModule ? (platforms: unknown) => ({ aliases: aliasesModule.parsePlaceAliases(readFileSync(join(namesDir, 'place-aliases.csv'), 'utf8')), platforms }) : () => ({});
const industryTables = aliasesModule ? { names: readFileSync(join(namesDir, 'industry-names.csv'), 'utf8'), codes: readFileSync(join(namesDir, 'industry-gbt4754.csv'), 'utf8') } : undefined;

const topology = readTopology(join(root, 'public/geo/jjj.topo.json'));
const b = decodeBoundaries(topology);
type F = { properties: { adcode: number; name_zh: string; name_en: string; parent: number } };
const units = new Map<number, F['properties']>();
for (const f of [...b.region.features, ...b.prefectures.features, ...b.counties.features] as F[]) if (!units.has(f.properties.adcode)) units.set(f.properties.adcode, f.properties);
const enName = (a: number) => units.get(a)!.name_en;
/** 河北省沧州市黄骅市; 北京市朝阳区 (Beijing and Tianjin are province and prefecture at once). */
const fullName = (a: number): string => {
  const parts: string[] = [];
  for (let u = units.get(a); u; u = u.parent && u.parent !== u.adcode ? units.get(u.parent) : undefined) parts.unshift(u.name_zh);
  return parts.join('');
};

const flows = syntheticFlows(n, 8, topology) as Array<{ id: string; originAdcode: number; destinationAdcode: number; value: number; industry: string; year: number }>;
const files: Record<string, string> = {
  'test-file': ['origin,destination,value,industry,year,name', ...flows.map((f) => `${enName(f.originAdcode)},${f.destinationAdcode},${f.value},${f.industry},${f.year},SYNTHETIC ${f.id}: generated test row - not real data`)].join('\n') + '\n',
  hierarchical: ['迁出地,迁入地,数值,行业,年份,名称', ...flows.map((f) => `${fullName(f.originAdcode)},${fullName(f.destinationAdcode)},${f.value},${f.industry},${f.year},SYNTHETIC ${f.id}: generated test row - not real data`)].join('\n') + '\n',
};

const gazetteer = gazetteerFromLayers({ counties: b.counties, prefectures: b.prefectures, provinces: b.region });
const published = JSON.parse(readFileSync(join(root, 'public/data/dataset.json'), 'utf8'));
const industryLabels = Object.fromEntries((INDUSTRIES as string[]).map((id) => [id, [zh[`industry.${id}`], en[`industry.${id}`]]]));

// CPU time of this process beside wall time: on a shared machine, wall time also counts other work.
const result: Record<string, { mb: number; ms: number[]; cpuMs: number[]; median: number; good: number; bad: number }> = {};
for (const [name, text] of Object.entries(files)) {
  const bytes = new TextEncoder().encode(text);
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let good = 0;
  let bad = 0;
  for (let r = 0; r < runs; r++) {
    // A fresh name index per run: its cache must not carry over.
    const index = places.placeIndex(b, extras(published.platforms));
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const loaded = await loadBytes(bytesSource(bytes), { gazetteer, places: index, currentYear: 2026, platforms: published.platforms, industryLabels, industryTables, file: `${name}.csv`, measure: 'investment', defaultYear: null });
    ms.push(Math.round(performance.now() - t0));
    const c = process.cpuUsage(c0);
    cpuMs.push(Math.round((c.user + c.system) / 1000));
    good = loaded.preview.good;
    bad = loaded.preview.bad;
  }
  result[name] = { mb: Math.round(bytes.length / 1e5) / 10, ms, cpuMs, median: median(ms), good, bad };
  console.log(`${name}: ${result[name].mb} MB, ${n} rows, ${good} good, ${bad} bad; wall ms ${ms.join(', ')} (median ${median(ms)}); CPU ms ${cpuMs.join(', ')}`);
}
console.log(JSON.stringify({ root, n, runs, result }));
