import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { csvFormatRows } from 'd3-dsv';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { createSplitter } from '../../src/loader/split.ts';
import { MAX_FIGURE, type Loaded } from '../../src/loader/pipeline.ts';
import { load, world } from './loader-helpers.ts';

/** What every result must satisfy, whatever the input. */
function wellFormed(r: Loaded, text?: string): void {
  const p = r.preview;
  if (p.fatal) {
    expect(r.flows).toEqual([]);
    expect(p.good).toBe(0);
    return;
  }
  expect(p.good).toBe(r.flows.length + r.platforms.length);
  expect(p.good + p.bad).toBe(p.rows);
  expect(p.errorCount).toBeGreaterThanOrEqual(p.bad);
  expect(p.errors.length).toBe(Math.min(p.errorCount, 1000));
  const lines = text === undefined ? Infinity : text.split(/\r\n|\r|\n/).length;
  for (const e of p.errors) {
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lines);
    expect(e.reason.length).toBeGreaterThan(0);
  }
  const g = world().options.gazetteer;
  for (const f of r.flows) {
    expect(f.id).toMatch(/^U\d+$/);
    expect(f.sourceIds).toEqual(['user-file']);
    expect(g.has(f.originAdcode) && g.has(f.destinationAdcode)).toBe(true);
    expect([110000, 120000, 130000]).toContain(g.provinceOf(f.originAdcode));
    expect(f.periodStart).toBeLessThanOrEqual(f.periodEnd);
    const figures = [f.projects, f.investmentCny100m, f.investmentUsdM, f.firms, f.merchants].filter((v) => v !== null);
    expect(figures.length).toBeGreaterThan(0);
    for (const v of figures) expect(Number.isFinite(v) && v! >= 0 && v! <= MAX_FIGURE).toBe(true);
    expect([...f.entityZh].length).toBeLessThanOrEqual(200);
    expect(Number.isFinite(f.origin.lon) && Number.isFinite(f.destination.lat)).toBe(true);
  }
}

const cell = fc.oneof(
  fc.constantFrom('朝阳区', '沧州', 'Cangzhou City', '130982', 'Wei County', '110000', '北京', '海淀区', '保定'),
  fc.constantFrom('1', '12.5', '0', '-3', 'NaN', '1e5', '20000000000000', '1,5', ''),
  fc.constantFrom('2019', '2014-2016', '1990', '20x9', '2031', ''),
  fc.constantFrom(...INDUSTRIES, '医药', 'Pharmaceuticals', 'cars'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', '区', ' ', '<', '='), maxLength: 8 }),
);
const headers = fc.constantFrom(
  ['origin', 'destination', 'value', 'industry', 'year'],
  ['起点', '终点', '数值', '行业', '年份'],
  ['Origin', 'Destination', 'Value', 'Year', 'Name'],
  ['迁出地', '承接地', '数值', '年份', '名称', 'unknown'],
);
/** CSV text with a recognised header and rows of plausible and hostile cells (sometimes with the wrong field count). */
const csvish = headers.chain((header) =>
  fc.array(fc.array(cell, { minLength: header.length - 1, maxLength: header.length + 1 }), { maxLength: 12 }).map((rows) => csvFormatRows([[...header], ...rows])),
);

describe('the loader pipeline: total on any input', () => {
  it('any string yields a fatal message or records and row errors, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', '1', '沧州', '\ufeff') })), async (text) => {
        wellFormed(await load(`origin,destination,value,year\n${text}`), `origin,destination,value,year\n${text}`);
        wellFormed(await load(text));
      }),
      { numRuns: 300 },
    );
  });

  it('any byte array (through the decoder) yields a result, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, withHeader) => {
        const head = new TextEncoder().encode('origin,destination,value,year\n');
        const input = withHeader ? new Uint8Array([...head, ...bytes]) : bytes;
        wellFormed(await load(input));
      }),
      { numRuns: 300 },
    );
  });

  it('rows of plausible and hostile cells: every row is drawn or reported, and the result does not depend on chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(csvish, fc.integer({ min: 1, max: 64 }), async (text, chunk) => {
        const whole = await load(text, { defaultYear: 2020 });
        wellFormed(whole, text);
        const pieces = await load(text, { defaultYear: 2020 }, chunk);
        expect(pieces.preview.errors).toEqual(whole.preview.errors);
        expect(pieces.flows).toEqual(whole.flows);
        expect(pieces.preview.rows).toBe(whole.preview.rows);
      }),
      { numRuns: 200 },
    );
  });
});

describe('origins anywhere in the region (a planner\'s own file, both directions)', () => {
  it('draws Hebei → Beijing, Hebei → Hebei and Tianjin → Beijing; refuses Shanghai with file:line: column: reason naming it', async () => {
    const text = 'origin,destination,value,year\n河北省沧州市,北京市东城区,3,2019\n河北省石家庄市,雄安新区,2,2019\n上海市,沧州,1,2019\n天津市,北京市,1,2019\n310115,沧州,1,2019\n黄骅市,北京市东城区,1,2019\n';
    const r = await load(text);
    wellFormed(r, text);
    expect(r.flows.map((f) => [f.originAdcode, f.destinationAdcode, f.destinationPlatformId, f.origin.prefecture])).toEqual([
      [130900, 110101, null, 130900],
      [130100, 130632, 'P02', 130100],
      [120000, 110000, null, 120000],
      [130983, 110101, null, 130900],
    ]);
    const { formatError } = await import('../../src/data/validate.ts');
    expect(r.preview.errors.map(formatError)).toEqual([
      'test.csv:4: origin: no place named "上海市" in Beijing, Tianjin or Hebei (use the name on the map or a 6-digit adcode)',
      'test.csv:6: origin: unknown adcode 310115: not in Beijing, Tianjin or Hebei (adcodes there start with 11, 12 or 13)',
    ]);
  });
});

describe('the fixture with good and bad rows', () => {
  it('draws the 5 good rows and reports the 11 bad ones, in line order, as file:line: column: reason', async () => {
    const r = await load(readFileSync('tests/fixtures/loader/good-and-bad.csv'), { file: 'good-and-bad.csv' });
    const p = r.preview;
    expect([p.rows, p.good, p.bad, p.duplicates]).toEqual([16, 5, 11, 1]);
    expect(p.form).toBe('simple');
    expect(r.flows.map((f) => f.id)).toEqual(['U2', 'U3', 'U4', 'U5', 'U6']);
    expect(r.flows.map((f) => f.projects)).toEqual([12, 3, 5, 7, 6]);
    expect(r.flows[0]).toMatchObject({ originAdcode: 110105, destinationAdcode: 130900, industry: 'pharma', periodStart: 2019, kind: 'aggregate', basis: 'period', status: null, bound: 'exact' });
    expect(r.flows[1]!.entityEn).toBe('Beijing → Cangzhou');
    expect(r.flows[4]!.entityZh).toBe("=cmd|' /C calc'!A0");
    expect(p.errors.map((e) => [e.line, e.column])).toEqual([
      [7, 'destination'], [8, 'destination'], [9, 'value'], [10, 'value'], [11, 'value'], [12, '(row)'],
      [13, 'industry'], [14, 'year'], [15, 'value'], [16, '(file)'], [17, 'name'],
    ]);
    expect(p.errors.every((e) => e.file === 'good-and-bad.csv')).toBe(true);
  });

  it('the measure decides where `value` goes; a year for rows without one is used only when given', async () => {
    const text = 'origin,destination,value\n朝阳区,沧州,2.5\n';
    const none = await load(text);
    expect(none.preview.fatal).toEqual({ kind: 'missing' });
    expect(none.preview.missing).toEqual(['year']);
    const r = await load(text, { measure: 'investment', defaultYear: 2021 });
    expect(r.flows[0]).toMatchObject({ investmentCny100m: 2.5, projects: null, periodStart: 2021, periodEnd: 2021 });
    const whole = await load(text, { measure: 'firms', defaultYear: 2021 });
    expect(whole.preview.errors[0]!.reason).toBe('"2.5" is not a whole number');
  });

  it('caps the kept errors and counts the rest', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `nowhere${i},沧州,1,2019`).join('\n');
    const p = (await load(`origin,destination,value,year\n${rows}\n`)).preview;
    expect(p.errors).toHaveLength(1000);
    expect(p.errorCount).toBe(1500);
    expect(p.bad).toBe(1500);
  });
});

describe('the contract files themselves go through the same validator', () => {
  it('data/flows.csv loads with no error (platform references checked against the published platforms)', async () => {
    const r = await load(readFileSync('data/flows.csv'), { file: 'flows.csv' });
    expect(r.preview.form).toBe('flows');
    expect(r.preview.errors).toEqual([]);
    expect(r.flows.length).toBe(r.preview.rows);
    expect(r.preview.entries.find((e) => e.column === 'id')!.note).toBe('ignored-id');
  });

  it('data/platforms.csv loads with no error (points inside their county); ids that are already published are listed', async () => {
    const r = await load(readFileSync('data/platforms.csv'), { file: 'platforms.csv' });
    expect(r.preview.table).toBe('platforms');
    expect(r.preview.errors).toEqual([]);
    expect(r.platforms.length).toBe(r.preview.rows);
    expect(r.preview.collisions.length).toBe(r.platforms.length);
  });

  it('a platform point outside its county is reported by the shared validator', async () => {
    const text = 'id,name_zh,name_en,tier,adcode,lon,lat\nP90,测试园,Test park,other,沧州,116.4,39.9\n';
    const r = await load(text);
    expect(r.preview.errors.map((e) => `${e.line}: ${e.column}: ${e.reason}`)).toEqual(['2: lon,lat: point (116.4, 39.9) is outside 130900 沧州市']);
  });
});

describe('record splitter', () => {
  it('cuts only on record boundaries, as d3-dsv parses, for any text and any cut points', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a') }), fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const s = createSplitter();
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let from = 0;
        for (const c of [...at, text.length]) {
          pieces.push(s.push(text.slice(from, c)));
          from = c;
        }
        pieces.push(s.end());
        expect(pieces.join('')).toBe(text);
        // Each piece but the last ends with a line feed outside any quoted field.
        for (const p of pieces.slice(0, -1)) if (p) expect(p.endsWith('\n')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
