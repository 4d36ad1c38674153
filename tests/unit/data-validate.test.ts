import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  formatError,
  parseTable,
  validateAggregates,
  validateFlows,
  validatePlatforms,
  validateSources,
  validateTables,
  validateTimeline,
} from '../../src/data/validate.ts';
import type { RowError, Table, ValidationContext, Validated } from '../../src/data/validate.ts';
import { CURRENT_YEAR, fixture, fixtureInputs, gazetteer, goodContext, lineOf } from '../fixtures/data/helpers.ts';

type Validator = (table: Table, ctx: ValidationContext) => Validated<unknown>;

/** Validates a fixture and returns a lookup: marker text → errors of the row containing it. */
function run(path: string, validate: Validator, ctx: ValidationContext = goodContext()) {
  const text = fixture(path);
  const result = validate(parseTable(text, path), ctx);
  const at = (marker: string): RowError[] => result.errors.filter((e) => e.line === lineOf(text, marker));
  return { ...result, text, at };
}

function expectError(errors: RowError[], column: string, reason: string | RegExp): void {
  expect(errors).toContainEqual(expect.objectContaining({ column, reason: typeof reason === 'string' ? expect.stringContaining(reason) : expect.stringMatching(reason) }));
}

describe('the good fixture set', () => {
  it('validates without an error', () => {
    const { errors, tables } = validateTables(fixtureInputs('good'), { gazetteer: gazetteer(), currentYear: CURRENT_YEAR });
    expect(errors.map(formatError)).toEqual([]);
    expect(tables.sources).toHaveLength(3);
    expect(tables.platforms).toHaveLength(3);
    expect(tables.flows).toHaveLength(5);
    expect(tables.aggregates).toHaveLength(3);
    expect(tables.timeline).toHaveLength(2);
  });

  it('types every cell: numbers, booleans, lists, null for empty', () => {
    const { tables } = validateTables(fixtureInputs('good'), { gazetteer: gazetteer(), currentYear: CURRENT_YEAR });
    const f25 = tables.flows.find((f) => f.id === 'F25');
    expect(f25).toMatchObject({ projects: 256, investmentCny100m: 3671.58, investmentType: 'agreed', firms: null, preStrategy: false, sourceIds: ['S001'] });
    expect(f25?.descriptionEn).toBe('256 projects from Beijing and Tianjin,\ntotal investment 367.158 bn CNY.');
    expect(tables.platforms[0]).toMatchObject({ areaAdcodes: [130638, 130629, 130632], pointEstimated: true, category: null });
    expect(tables.platforms[1]?.areaAdcodes).toEqual([]);
    expect(tables.timeline[0]).toMatchObject({ adcode: 110101, lon: 116.397, pointEstimated: true, coordNote: 'nominal point in central Beijing' });
    expect(tables.timeline[1]?.date).toBe('2017-04-01/2017-04-30');
  });

  it('keeps the contract order of columns in COLUMNS', () => {
    expect(COLUMNS.flows.map((c) => c.name)).toEqual(fixture('good/flows.csv').split('\n')[0]?.split(','));
    expect(COLUMNS.timeline.map((c) => c.name).join(',')).toBe(
      'id,date,adcode,lon,lat,point_estimated,coord_note,title_zh,title_en,summary_zh,summary_en,source_ids,confidence',
    );
  });
});

describe('flows.csv: every bad row is reported', () => {
  const r = run('bad/flows.csv', validateFlows);

  it('keeps only the valid row and reports every other one', () => {
    expect(r.records.map((f) => (f as { id: string }).id)).toEqual(['F01']);
    const badLines = r.text.split('\n').flatMap((l, i) => (/^F\d+,.*BAD /.test(l) ? [i + 1] : []));
    expect(badLines.length).toBeGreaterThan(25);
    for (const line of badLines) expect(r.errors.some((e) => e.line === line), `line ${line}`).toBe(true);
  });

  it.each([
    ['BAD unknown origin adcode', 'origin_adcode', 'unknown adcode 110199'],
    ['BAD five-digit adcode', 'destination_adcode', '"13020" is not a 6-digit adcode'],
    ['BAD unknown industry', 'industry', 'unknown industry "cars"'],
    ['BAD unknown basis', 'basis', 'unknown basis "yearly"'],
    ['BAD unknown bound', 'bound', 'unknown bound "roughly"'],
    ['BAD unknown status', 'status', 'unknown status "done"'],
    ['BAD unknown kind and confidence', 'kind', 'unknown kind "move"'],
    ['BAD unknown kind and confidence', 'confidence', 'unknown confidence "certain"'],
    ['BAD unknown source id', 'source_ids', 'unknown source id S999'],
    ['BAD spaces in source list', 'source_ids', 'no spaces'],
    ['BAD unknown platform id', 'destination_platform_id', 'unknown platform id P99'],
    ['BAD negative projects', 'projects', 'negative value "-5"'],
    ['BAD last row, still reported', 'firms', 'negative value "-1"'],
    ['BAD non-numeric investment', 'investment_cny_100m', '"about 30" is not a plain number'],
    ['BAD NaN firms', 'firms', '"NaN" is not a finite number'],
    ['BAD Infinity investment', 'investment_cny_100m', '"Infinity" is not a finite number'],
    ['BAD fractional projects', 'projects', '"2.5" is not a whole number'],
    ['BAD duplicate id', 'id', 'duplicate id F01 (first on line 2)'],
    ['BAD missing entity_zh', 'entity_zh', 'missing required field'],
    ['BAD 2012 without pre_strategy', 'period_start', 'year 2012 is before 2014 (earlier events need pre_strategy=yes)'],
    ['BAD 1998 before 2000', 'period_start', 'year 1998 is before 2000'],
    ['BAD year in the future', 'period_end', `year 2099 is after the current year (${CURRENT_YEAR})`],
    ['BAD period_start after period_end', 'period_start', 'period_start 2018 is after period_end 2016'],
    ['BAD no figure', '(figures)', 'no figure'],
    ['BAD destination does not contain platform', 'destination_adcode', 'destination_adcode 130638 does not contain platform P02'],
    ['BAD origin in Hebei', 'origin_adcode', 'origin 130209 曹妃甸区 is not in Beijing or Tianjin (the published flows are moves out of Beijing and Tianjin)'],
    ['BAD investment_type without investment', 'investment_type', 'no investment figure'],
    ['BAD pre_strategy after 2014', 'pre_strategy', 'pre_strategy=yes but the period starts in 2016'],
    ['BAD annual over two years', 'period_end', 'basis=annual is one calendar year'],
    ['BAD too many fields', '(file)', 'row has 28 fields, the header has 27'],
    ['BAD control character', 'description_en', 'control'],
  ])('%s → %s: %s', (marker, column, reason) => {
    expectError(r.at(marker), column, reason);
  });

  it('reports rows after a multi-line field on their own line', () => {
    expect(lineOf(r.text, 'BAD duplicate id')).toBe(11);
    expect(r.at('BAD missing entity_zh')).toEqual([{ file: 'bad/flows.csv', line: 14, column: 'entity_zh', reason: 'missing required field' }]);
  });

  it('formats errors as file:line: column: reason', () => {
    expect(formatError(r.at('BAD unknown industry')[0] as RowError)).toMatch(/^bad\/flows\.csv:4: industry: unknown industry "cars" \(expected one of: automotive, /);
  });

  it('does not check references when the context has no sources or platforms', () => {
    const open = run('bad/flows.csv', validateFlows, { gazetteer: gazetteer(), origins: 'beijing-tianjin', currentYear: CURRENT_YEAR });
    expect(open.at('BAD unknown source id')).toEqual([]);
    expect(open.at('BAD unknown platform id')).toEqual([]);
  });
});

describe('origins: the published rule and a planner\'s own file (ValidationContext.origins)', () => {
  const hebei = 'BAD origin in Hebei';
  it('the published data (beijing-tianjin) refuses a Hebei origin; a planner\'s file (region) takes it', () => {
    expect(run('bad/flows.csv', validateFlows).at(hebei).map((e) => e.column)).toEqual(['origin_adcode']);
    const region = run('bad/flows.csv', validateFlows, { ...goodContext(), origins: 'region' });
    expect(region.at(hebei)).toEqual([]);
    expect(region.records.map((f) => (f as { id: string }).id)).toEqual(['F01', 'F29']);
  });

  it('the build (validateTables) keeps the published rule', () => {
    const inputs = fixtureInputs('good');
    const flows = inputs.flows.text.split('\n');
    const hebeiRow = (flows[1] ?? '').split(',');
    hebeiRow[2] = '130900';
    inputs.flows = { ...inputs.flows, text: [...flows, hebeiRow.join(',').replace(/^F\d+/, 'F99')].join('\n') };
    const { errors, tables } = validateTables(inputs, { gazetteer: gazetteer(), currentYear: CURRENT_YEAR });
    expect(errors.map(formatError)).toEqual([`good/flows.csv:${flows.length + 1}: origin_adcode: origin 130900 沧州市 is not in Beijing or Tianjin (the published flows are moves out of Beijing and Tianjin)`]);
    expect(tables.flows.map((f) => f.id)).not.toContain('F99');
  });

  it('an adcode outside the region is refused in either scope, and said to be outside', () => {
    const inputs = fixtureInputs('good');
    const row = (inputs.flows.text.split('\n')[1] ?? '').split(',');
    row[0] = 'F98';
    row[2] = '310115';
    const table = parseTable([inputs.flows.text.split('\n')[0], row.join(',')].join('\n'), 'mine.csv');
    for (const origins of ['beijing-tianjin', 'region'] as const) {
      const v = validateFlows(table, { ...goodContext(), origins });
      expect(v.errors.map(formatError)).toEqual(['mine.csv:2: origin_adcode: unknown adcode 310115: not in Beijing, Tianjin or Hebei (adcodes there start with 11, 12 or 13)']);
    }
    // A gazetteer that knew the place (one wider than the region): the origin rule still names it.
    const g = gazetteer();
    const wider = { ...g, has: (a: number) => a === 310115 || g.has(a), provinceOf: (a: number) => (a === 310115 ? 310000 : g.provinceOf(a)), name: (a: number) => (a === 310115 ? '浦东新区' : g.name(a)) };
    const v = validateFlows(table, { ...goodContext(), gazetteer: wider, origins: 'region' });
    expect(v.errors.map(formatError)).toEqual(['mine.csv:2: origin_adcode: origin 310115 浦东新区 is not in Beijing, Tianjin or Hebei']);
  });
});

describe('platforms.csv', () => {
  const r = run('bad/platforms.csv', validatePlatforms);
  it('keeps only the valid row', () => {
    expect(r.records).toHaveLength(1);
  });
  it.each([
    ['BAD point outside its adcode', 'lon,lat', 'point (116.5, 39.9) is outside 130209 曹妃甸区'],
    ['BAD unknown tier', 'tier', 'unknown tier "tier-1"'],
    ['BAD unknown category', 'category', 'unknown category "industry"'],
    ['BAD category on a non-46 tier', 'category', 'only for tier specialised-46'],
    ['BAD five decimals', 'lon', '"118.46123" has more than 4 decimals'],
    ['BAD unknown area adcode', 'area_adcodes', 'unknown adcode 139999'],
    ['BAD duplicate id', 'id', 'duplicate id P01'],
    ['BAD missing lon', 'lon', 'missing required field'],
    ['BAD point_estimated not yes/no', 'point_estimated', '"maybe" is not yes or no'],
    ['BAD unknown adcode', 'adcode', 'unknown adcode 999999'],
  ])('%s → %s: %s', (marker, column, reason) => {
    expectError(r.at(marker), column, reason);
  });
});

describe('sources.csv', () => {
  const r = run('bad/sources.csv', validateSources);
  it('keeps only the valid row', () => {
    expect(r.records).toHaveLength(1);
  });
  it.each([
    ['BAD impossible date', 'date', '"2019-02-30" is not a calendar date'],
    ['BAD missing publisher', 'publisher', 'missing required field'],
    ['BAD malformed id', 'id', '"S6" is not an id like S001'],
    ['BAD url without scheme', 'url', 'is not an http(s) URL'],
    ['BAD date in the future', 'date', 'is after the current year'],
  ])('%s → %s: %s', (marker, column, reason) => {
    expectError(r.at(marker), column, reason);
  });
});

describe('aggregates.csv', () => {
  const r = run('bad/aggregates.csv', validateAggregates);
  it('keeps only the valid rows', () => {
    expect(r.records.map((a) => (a as { id: string }).id)).toEqual(['A01', 'A21', 'A22']);
  });
  it.each([
    ['BAD unknown unit', 'unit', 'unknown unit "yuan"'],
    ['BAD unknown from', 'from', 'unknown from "shanghai"'],
    ['BAD year 2013', 'period_start', 'year 2013 is before 2014'],
    ['BAD annual over two years', 'period_end', 'basis=annual is one calendar year'],
    ['BAD negative value', 'value', 'negative value "-3"'],
    ['BAD unknown scope platform', 'scope_platform_id', 'unknown platform id P77'],
    ['BAD exponent', 'value', '"1e3" is not a plain number'],
    ['BAD missing value', 'value', 'missing required field'],
    ['BAD scope does not contain the platform', 'scope_adcode', 'does not contain platform P03'],
    ['BAD series mixes units', 'unit', 'series hebei-bt-projects has unit projects on line 2 but cny-100m here'],
    ['BAD series mixes running total and yearly', 'basis', 'series hebei-bt-projects has basis cumulative on line 2 but annual here'],
  ])('%s → %s: %s', (marker, column, reason) => {
    expectError(r.at(marker), column, reason);
  });
});

describe('timeline.csv', () => {
  const r = run('bad/timeline.csv', validateTimeline);
  it('keeps only the valid row', () => {
    expect(r.records).toHaveLength(1);
  });
  it.each([
    ['BAD lon without lat', 'lat', 'missing required field'],
    ['BAD point outside adcode', 'lon,lat', 'is outside 130638 雄县'],
    ['BAD unknown adcode', 'adcode', 'unknown adcode 130699'],
    ['BAD missing title_zh', 'title_zh', 'missing required field'],
    ['BAD date format', 'date', 'is not a date'],
    ['BAD range ends before it starts', 'date', '"2017-05/2017-04": the range ends before it starts'],
    ['BAD summary too long', 'summary_en', '201 characters, at most 200 allowed'],
    ['BAD missing summary_zh', 'summary_zh', 'missing required field'],
    ['BAD three-digit id', 'id', '"T180" is not an id like T01'],
  ])('%s → %s: %s', (marker, column, reason) => {
    expectError(r.at(marker), column, reason);
  });
});

describe('headers', () => {
  it('reports missing required columns and unknown columns on line 1, and keeps no record', () => {
    const { errors, records } = validateFlows(parseTable(fixture('bad-header/flows.csv'), 'flows.csv'), goodContext());
    expect(records).toEqual([]);
    expect(errors).toContainEqual({ file: 'flows.csv', line: 1, column: 'industry', reason: 'missing required column' });
    expect(errors).toContainEqual({ file: 'flows.csv', line: 1, column: 'confidence', reason: 'missing required column' });
    expectError(errors, 'colour', /^unknown column/);
  });

  it('reports duplicate and empty column names', () => {
    const { errors } = validateSources(parseTable('id,publisher,title,date,,title\n', 's.csv'), goodContext());
    expect(errors).toContainEqual({ file: 's.csv', line: 1, column: 'column 5 ""', reason: 'empty column name' });
    expect(errors).toContainEqual({ file: 's.csv', line: 1, column: 'title', reason: 'duplicate column' });
  });

  it('accepts a header without optional columns', () => {
    const { errors, records } = validateSources(parseTable('id,publisher,title,date\nS001,X,T,2020\n', 's.csv'), goodContext());
    expect(errors).toEqual([]);
    expect(records).toEqual([{ id: 'S001', publisher: 'X', title: 'T', date: '2020', url: null, archivedUrl: null, note: null }]);
  });

  it('reports a header of garbage without a flood of row errors for absent columns', () => {
    const { errors } = validateSources(parseTable('\u0000\u0001,zz\n1,2\n', 's.csv'), goodContext());
    expect(errors.every((e) => e.line === 1)).toBe(true);
    expect(errors.map((e) => e.column)).toEqual(['column 1 "\\u0000\\u0001"', 'zz', 'id', 'publisher', 'title', 'date']);
  });
});

describe('validateTables', () => {
  it('does not report a reference to an id whose own row is invalid, only the row itself', () => {
    const inputs = fixtureInputs('good');
    inputs.platforms = { ...inputs.platforms, text: inputs.platforms.text.replace('130209,,118.46,39.27', '130209,,116.5,39.9') };
    const { errors } = validateTables(inputs, { gazetteer: gazetteer(), currentYear: CURRENT_YEAR });
    expect(errors.map(formatError)).toEqual(['good/platforms.csv:3: lon,lat: point (116.5, 39.9) is outside 130209 曹妃甸区']);
  });

  it('sorts errors by table then line', () => {
    const inputs = fixtureInputs('bad');
    const { errors } = validateTables(inputs, { gazetteer: gazetteer(), currentYear: CURRENT_YEAR });
    const order = ['sources', 'platforms', 'flows', 'aggregates', 'timeline'].map((t) => `bad/${t}.csv`);
    const keys = errors.map((e) => order.indexOf(e.file) * 1e6 + e.line);
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
  });
});
