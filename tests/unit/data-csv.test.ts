/**
 * The project's own data/*.csv. Skipped only while the research tables do not exist yet; as soon
 * as they do, every row must validate and the seed figures must be present exactly as published.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildData, loadGazetteer, ROOT } from '../../scripts/build-data.ts';
import type { Dataset } from '../../src/data/dataset.ts';
import { formatError } from '../../src/data/errors.ts';
import { parseTable } from '../../src/data/validate.ts';
import type { Aggregate, Flow } from '../../src/data/types.ts';

const DATA = resolve(ROOT, 'data');
// story.csv is not a table of the dataset, but the build checks it against the tables (src/story/validate.ts).
const TABLES = ['sources', 'platforms', 'flows', 'aggregates', 'timeline', 'story'];
const present = ['sources', 'platforms', 'flows', 'aggregates'].every((t) => existsSync(resolve(DATA, `${t}.csv`)));

let built: { dataset: Dataset; errors: string[] } | undefined;
/** Built lazily: a skipped suite does not read anything. */
function data(): { dataset: Dataset; errors: string[] } {
  if (!built) {
    const { json, errors } = buildData();
    built = { dataset: (json ? JSON.parse(json) : { sources: [], platforms: [], flows: [], aggregates: [], timeline: [] }) as Dataset, errors: errors.map(formatError) };
  }
  return built;
}

const sourced = (row: { sourceIds: string[] }): boolean => {
  const ids = new Set(data().dataset.sources.map((s) => s.id));
  return row.sourceIds.length > 0 && row.sourceIds.every((id) => ids.has(id));
};

describe.skipIf(!present)('data/*.csv', () => {
  it('has no CSV the build would ignore', () => {
    const csvs = readdirSync(DATA).filter((f) => f.endsWith('.csv'));
    expect(csvs.filter((f) => !TABLES.includes(f.replace(/\.csv$/, '')))).toEqual([]);
  });

  it('validates: every row of every table', () => {
    expect(data().errors).toEqual([]);
  });

  it('gives every period note in both languages (the Chinese UI shows the Chinese one)', () => {
    const { dataset } = data();
    const rows = [...dataset.flows, ...dataset.aggregates];
    expect(rows.filter((r) => r.periodNote !== null).length).toBeGreaterThan(100);
    expect(rows.filter((r) => (r.periodNote === null) !== (r.periodNoteZh === null)).map((r) => r.id)).toEqual([]);
    // Chinese in the Chinese note, and its years the English note's years.
    for (const r of rows.filter((x) => x.periodNoteZh !== null)) {
      expect(r.periodNoteZh, r.id).toMatch(/\p{Script=Han}/u);
      expect((r.periodNoteZh!.match(/\d{4}/g) ?? []).sort(), r.id).toEqual((r.periodNote!.match(/\d{4}/g) ?? []).sort());
    }
  });

  it('places every flow and platform (no row lost in the joins)', () => {
    const { dataset } = data();
    const rows = (t: string) => parseTable(readFileSync(resolve(DATA, `${t}.csv`), 'utf8'), t).rows.length;
    expect(dataset.flows).toHaveLength(rows('flows'));
    expect(dataset.platforms).toHaveLength(rows('platforms'));
    const { gazetteer } = loadGazetteer();
    for (const p of dataset.platforms) expect(gazetteer.contains(p.adcode, [p.lon, p.lat]), p.id).toBe(true);
    const platforms = new Map(dataset.platforms.map((p) => [p.id, p]));
    for (const f of dataset.flows) {
      expect(f.origin.adcode, f.id).toBe(f.originAdcode);
      expect(f.destination.adcode, f.id).toBe(f.destinationAdcode);
      for (const end of [f.origin, f.destination]) expect(Number.isFinite(end.lon) && Number.isFinite(end.lat), f.id).toBe(true);
      const platform = f.destinationPlatformId === null ? undefined : platforms.get(f.destinationPlatformId);
      if (f.destinationPlatformId !== null) {
        expect(platform, f.id).toBeDefined();
        expect([f.destination.lon, f.destination.lat, f.destination.pointSource]).toEqual([platform?.lon, platform?.lat, 'platform']);
      } else expect(f.destination.pointSource).toBe('label');
    }
  });

  it('has every row sourced', () => {
    const { dataset } = data();
    for (const row of [...dataset.platforms, ...dataset.flows, ...dataset.aggregates, ...dataset.timeline]) expect(sourced(row), row.id).toBe(true);
  });

  describe('seed figures, exactly as published', () => {
    const hebeiFromBT = (unit: Aggregate['unit'], value: number) => (a: Aggregate) =>
      a.scopeAdcode === 130000 && a.from === 'beijing-tianjin' && a.basis === 'cumulative' && a.periodEnd === 2017 && a.unit === unit && a.value === value;

    it('Hebei from Beijing & Tianjin, cumulative to end-2017: 15560 projects, 13901.17 亿元', () => {
      const { aggregates } = data().dataset;
      const projects = aggregates.filter(hebeiFromBT('projects', 15560));
      const capital = aggregates.filter(hebeiFromBT('cny-100m', 13901.17));
      expect(projects.length, 'aggregate 15560 projects').toBeGreaterThan(0);
      expect(capital.length, 'aggregate 13901.17 cny-100m').toBeGreaterThan(0);
      for (const a of [...projects, ...capital]) expect(sourced(a), a.id).toBe(true);
    });

    it('F25 Caofeidian: 256 projects, 3671.58 亿元', () => {
      const f25 = data().dataset.flows.find((f) => f.id === 'F25');
      expect(f25).toMatchObject({ projects: 256, investmentCny100m: 3671.58 });
      expect(`${f25?.entityZh} ${f25?.entityEn} ${f25?.descriptionZh}`).toMatch(/曹妃甸|Caofeidian/);
      expect([130209, 130200]).toContain(f25?.destinationAdcode);
      expect(f25 && sourced(f25)).toBe(true);
    });

    it('Bohai New Area biomedicine park: 102 pharma firms, 79 of them from Beijing', () => {
      const { flows, aggregates } = data().dataset;
      const firms = (n: number, from?: 'beijing') => [
        ...flows.filter((f: Flow) => f.industry === 'pharma' && f.firms === n && (!from || String(f.originAdcode).startsWith('11'))),
        ...aggregates.filter((a) => a.unit === 'firms' && a.value === n && (!from || a.from === 'beijing')),
      ];
      const all = firms(102);
      const beijing = firms(79, 'beijing');
      expect(all.length, '102 pharma firms').toBeGreaterThan(0);
      expect(beijing.length, '79 from Beijing').toBeGreaterThan(0);
      for (const row of [...all, ...beijing]) expect(sourced(row), row.id).toBe(true);
    });
  });
});
