import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { csvParse, csvFormat } from 'd3-dsv';
import { buildData, loadGazetteer, readTableInputs, ROOT } from '../../scripts/build-data.ts';
import { formatError } from '../../src/data/errors.ts';
import { validateTables } from '../../src/data/validate.ts';
import {
  MAX_CAPTION, MAX_STEPS, MIN_STEPS, checkStory, numbersIn, parseStory, rowNumbers, storyErrors, storyRefs,
} from '../../src/story/validate.ts';
import { boxAround, REFERENCE_SIZE } from '../../src/story/camera.ts';
import { yearFraction } from '../../src/story/chart.ts';
import type { Aggregate } from '../../src/data/types.ts';

const STORY = { file: 'data/story.csv', text: readFileSync(join(ROOT, 'data/story.csv'), 'utf8') };
const { inputs } = readTableInputs();
if (!inputs) throw new Error('data/*.csv missing');
// The tables as the project's own validator reads them (only valid rows count as references).
const tables = validateTables(inputs, { gazetteer: loadGazetteer().gazetteer, currentYear: new Date().getFullYear() }).tables;
const { steps, errors: parseErrors } = parseStory(STORY.text, STORY.file);
const refs = storyRefs(inputs);
const LANGS = ['zh', 'en'] as const;

describe('data/story.csv', () => {
  it('parses, and its figures and sources check out against data/ (as npm run data checks them)', () => {
    expect(parseErrors.map(formatError)).toEqual([]);
    expect(storyErrors(STORY, inputs).map(formatError)).toEqual([]);
    const { errors } = buildData();
    expect(errors.map(formatError)).toEqual([]);
  });

  it(`has ${MIN_STEPS}–${MAX_STEPS} steps, numbered 1…N, every one in both languages`, () => {
    const raw = csvParse(STORY.text);
    expect(raw.length).toBeGreaterThanOrEqual(MIN_STEPS);
    expect(raw.length).toBeLessThanOrEqual(MAX_STEPS);
    expect(steps.length).toBe(raw.length);
    expect(steps.map((s) => s.step)).toEqual(raw.map((_, i) => i + 1));
    for (const s of steps) {
      for (const l of LANGS) {
        expect(s.title[l], `step ${s.step} title_${l}`).not.toBe('');
        expect(s.caption[l], `step ${s.step} caption_${l}`).not.toBe('');
        expect(s.caption[l].length, `step ${s.step} caption_${l}`).toBeLessThanOrEqual(MAX_CAPTION);
      }
      // The two languages quote the same figures (Chinese may write 1.63万 for 16,300, so only
      // numbers of four digits or more written the same way in English are compared).
      const zh = new Set(numbersIn(s.caption.zh));
      for (const n of numbersIn(s.caption.en)) if (n.length >= 4 && !n.includes('.') && !/^(19|20)\d\d$/.test(n) && !zh.has(n)) {
        expect(s.caption.zh, `step ${s.step}: ${n} in English only`).toMatch(/万/);
      }
    }
  });

  it("every figure_refs id is a valid row of flows/aggregates/timeline/platforms, every source id one of sources.csv", () => {
    const ids = new Set([...tables.flows, ...tables.aggregates, ...tables.timeline, ...tables.platforms].map((r) => r.id));
    const sources = new Set(tables.sources.map((s) => s.id));
    for (const s of steps) {
      expect(s.figureRefs.length, `step ${s.step}`).toBeGreaterThan(0);
      for (const id of s.figureRefs) expect(ids.has(id), `step ${s.step}: ${id}`).toBe(true);
      expect(s.sourceIds.length, `step ${s.step}`).toBeGreaterThan(0);
      for (const id of s.sourceIds) expect(sources.has(id), `step ${s.step}: ${id}`).toBe(true);
    }
  });

  it('every number written in a title or caption appears in one of its referenced rows', () => {
    for (const s of steps) {
      const rows = s.figureRefs.map((id) => refs.rows.get(id)!);
      const allowed = new Set(rows.flatMap((r) => [...rowNumbers(r)]));
      const platforms = rows.filter((r) => r.table === 'platforms').length;
      if (platforms) allowed.add(String(platforms));
      for (const l of LANGS) {
        for (const n of [...numbersIn(s.title[l]), ...numbersIn(s.caption[l])]) {
          expect(allowed.has(n), `step ${s.step} (${l}): "${n}" is not in ${s.figureRefs.join(';')}`).toBe(true);
        }
      }
    }
  });

  it('says honestly how many of the 46 are named: the count of platforms of tier specialised-46', () => {
    const named = tables.platforms.filter((p) => p.tier === 'specialised-46').map((p) => p.id);
    const step = steps.find((s) => s.figureRefs.some((id) => named.includes(id)));
    expect(step, 'a step about the 46').toBeDefined();
    expect([...step!.figureRefs].filter((id) => id.startsWith('P')).sort()).toEqual([...named].sort());
    for (const l of LANGS) expect(numbersIn(step!.caption[l])).toContain(String(named.length));
  });

  it('the chart step draws a Hebei series family with yearly figures, and its presets are known values', () => {
    const chart = steps.filter((s) => s.chart);
    expect(chart.length).toBeGreaterThanOrEqual(1);
    for (const s of chart) {
      const rows = tables.aggregates.filter((a) => a.series.replace(/-(cum|period)$/, '') === s.chart);
      expect(rows.some((a) => a.basis === 'annual' || a.basis === 'partial')).toBe(true);
      expect(rows.some((a) => a.basis === 'cumulative')).toBe(true);
      expect(rows.every((a) => a.scopeAdcode === 130000)).toBe(true);
    }
    const industries = new Set(tables.flows.map((f) => f.industry));
    const platforms = new Set(tables.platforms.map((p) => p.id));
    for (const s of steps) {
      for (const i of s.industry) expect(industries.has(i as never), `step ${s.step}: ${i}`).toBe(true);
      if (s.focus?.startsWith('P')) expect(platforms.has(s.focus)).toBe(true);
    }
  });
});

describe('story validator', () => {
  const header = 'step,title_zh,title_en,caption_zh,caption_en,figure_refs,source_ids,lon,lat,zoom,industry,years,focus,metric,tier,chart';
  const rows = csvParse(STORY.text);
  const edit = (fn: (r: Record<string, string>[]) => void) => {
    const copy = rows.map((r) => ({ ...r })) as Record<string, string>[];
    fn(copy);
    return csvFormat(copy, header.split(','));
  };
  const check = (text: string) => {
    const { steps: s, errors } = parseStory(text);
    return [...errors, ...checkStory(s, refs)].map(formatError);
  };

  it('reports a number that no referenced row contains', () => {
    const errs = check(edit((r) => { r[4]!.caption_en = r[4]!.caption_en!.replace('371', '372'); }));
    expect(errs).toEqual([expect.stringMatching(/^data\/story\.csv:6: caption_en: 372 not found/)]);
  });

  it('reports unknown ids, sources not cited by the rows, bad presets and camera values', () => {
    const errs = check(edit((r) => {
      r[0]!.figure_refs = 'T01;T99';
      r[1]!.source_ids = 'S070;S999';
      r[2]!.source_ids = 'S047;S107';
      r[3]!.industry = 'steel';
      r[3]!.years = '2018-2014';
      r[4]!.lon = '200';
      r[5]!.metric = 'jobs';
    }));
    expect(errs).toEqual(expect.arrayContaining([
      expect.stringMatching(/:2: figure_refs: T99 is not a row/),
      expect.stringMatching(/:3: source_ids: S999 is not in sources\.csv/),
      expect.stringMatching(/:4: source_ids: S107 is not a source of the rows/),
      expect.stringMatching(/:5: industry: unknown industry "steel"/),
      expect.stringMatching(/:5: years: /),
      expect.stringMatching(/:6: lon: "200" is not a number/),
      expect.stringMatching(/:7: metric: unknown metric "jobs"/),
    ]));
  });

  it('needs both languages, short captions, 6–10 steps in order, and all of a tier when counting platforms', () => {
    expect(check(edit((r) => { r[0]!.caption_en = ''; }))).toEqual([expect.stringMatching(/:2: caption_en: required/)]);
    expect(check(edit((r) => { r[0]!.title_zh = ''; }))).toEqual([expect.stringMatching(/:2: title_zh: required/)]);
    expect(check(edit((r) => { r[0]!.caption_en = `${r[0]!.caption_en} ${'x'.repeat(MAX_CAPTION)}`; }))).toEqual([expect.stringMatching(/:2: caption_en: \d+ characters, at most 220/)]);
    expect(check(edit((r) => r.splice(5)))).toEqual([expect.stringMatching(/:1: \(file\): 5 steps; a story has 6 to 10/)]);
    expect(check(edit((r) => { r[2]!.step = '7'; }))).toEqual([expect.stringMatching(/:4: step: expected 3/)]);
    expect(check(edit((r) => { r[1]!.figure_refs = r[1]!.figure_refs!.replace(';P46', ''); }))).toEqual(expect.arrayContaining([
      expect.stringMatching(/:3: figure_refs: P07 is of tier specialised-46: list every platform of that tier \(missing P46\)/),
    ]));
  });

  it('reads numbers as written: thousands separators, decimals, 万 and ranges', () => {
    expect(numbersIn('15,560 projects, about 16,300; 2+4+46; 1.63万; 2014–2022; 02')).toEqual(['15560', '16300', '2', '4', '46', '1.63', '2014', '2022', '2']);
    expect(numbersIn('In 2015, 10 firms')).toEqual(['2015', '10']);
    // Ids and coordinates of a row are not figures.
    expect([...rowNumbers({ table: 'aggregates', cells: { id: 'A99', value: '32000', source_ids: 'S134', label_en: 'over 32,000', scope_adcode: '110000' } })].sort()).toEqual(['32000']);
  });

  it('a broken story stops npm run data with file:line: column: reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jjj-story-'));
    try {
      for (const f of readdirSync(join(ROOT, 'data')).filter((f) => f.endsWith('.csv'))) copyFileSync(join(ROOT, 'data', f), join(dir, f));
      writeFileSync(join(dir, 'story.csv'), edit((r) => { r[8]!.caption_en = r[8]!.caption_en!.replace('15,560', '15,650'); }));
      const { json, errors } = buildData({ dataDir: dir });
      expect(json).toBeUndefined();
      expect(errors.map((e) => `${e.line}: ${e.column}: ${e.reason}`)).toEqual([expect.stringMatching(/^10: caption_en: 15650 not found/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('story camera and chart helpers', () => {
  it('boxAround: the box a map of the reference size shows, centred on the view', () => {
    const [[w, s], [e, n]] = boxAround({ lon: 116.4, lat: 39.9, zoom: 7 });
    expect((w + e) / 2).toBeCloseTo(116.4, 6);
    expect(((e - w) / 360) * 512 * 2 ** 7).toBeCloseTo(REFERENCE_SIZE.width, 6);
    expect(n).toBeGreaterThan(39.9);
    expect(s).toBeLessThan(39.9);
    // One zoom level more shows half the width.
    const [[w2], [e2]] = boxAround({ lon: 116.4, lat: 39.9, zoom: 8 });
    expect(e2 - w2).toBeCloseTo((e - w) / 2, 6);
  });

  it('yearFraction: a running total "to Oct 2017" stands at October, others at the year end', () => {
    const a = (periodEnd: number, periodNote: string | null) => ({ periodEnd, periodNote }) as Aggregate;
    expect(yearFraction(a(2017, 'to Oct 2017'))).toBeCloseTo(10 / 12);
    expect(yearFraction(a(2017, 'since the 2014 strategy, to end-2017'))).toBe(1);
    expect(yearFraction(a(2018, 'since 2014, as reported Jan 2019'))).toBe(1);
    expect(yearFraction(a(2018, null))).toBe(1);
  });
});
