import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileDataset } from '../../src/data/dataset.ts';
import { formatError, parseTable, validateAggregates, validateFlows, validatePlatforms, validateSources, validateTimeline } from '../../src/data/validate.ts';
import { CURRENT_YEAR, fixture, gazetteer, goodContext } from '../fixtures/data/helpers.ts';

describe('parseTable', () => {
  it('numbers records by the physical line they start on, across multi-line quoted fields (CRLF file)', () => {
    const text = fixture('multiline/flows.csv');
    const table = parseTable(text, 'multiline/flows.csv');
    expect(table.errors).toEqual([]);
    expect(table.rows.map((r) => [r.cells[0], r.line])).toEqual([
      ['F01', 2], // spans 2-4 (CRLF inside the field)
      ['F02', 5],
      ['F03', 6], // spans 6-8 (LF in one field, a lone CR in another)
      ['F04', 9],
      // line 10 is blank
      ['F05', 11], // spans 11-13
      ['F06', 14],
    ]);
    const { errors } = validateFlows(table, goodContext());
    expect(errors.map(formatError)).toEqual([
      expect.stringMatching(/^multiline\/flows\.csv:5: industry: unknown industry "cars"/),
      expect.stringMatching(/^multiline\/flows\.csv:9: projects: negative value "-1"/),
      expect.stringMatching(/^multiline\/flows\.csv:11: firms: "x" is not a plain number/),
      expect.stringMatching(/^multiline\/flows\.csv:14: bound: unknown bound "nope"/),
    ]);
  });

  it('keeps cell values intact: doubled quotes, commas and line breaks inside quotes', () => {
    const t = parseTable('a,b\n"say ""hi"", ok","x\ny"\n', 't.csv');
    expect(t.rows).toEqual([{ line: 2, cells: ['say "hi", ok', 'x\ny'] }]);
  });

  it('strips a byte-order mark and skips blank lines', () => {
    const t = parseTable('\ufeffid,x\n\nS001,1\n\n\nS002,2\n\n', 't.csv');
    expect(t.header).toEqual(['id', 'x']);
    expect(t.rows.map((r) => r.line)).toEqual([3, 6]);
    expect(t.errors).toEqual([]);
  });

  it('reports an empty file', () => {
    for (const text of ['', '\n', '\r\n\r\n']) {
      expect(parseTable(text, 'e.csv').errors).toEqual([{ file: 'e.csv', line: 1, column: '(file)', reason: 'file is empty (expected a header line)' }]);
    }
  });

  it('reports a row with too many or too few fields and leaves it out', () => {
    const t = parseTable('a,b\n1,2\n1,2,3\n1\n4,5\n', 't.csv');
    expect(t.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(t.errors.map(formatError)).toEqual([
      't.csv:3: (file): row has 3 fields, the header has 2 (unquoted comma or missing cell?)',
      't.csv:4: (file): row has 1 fields, the header has 2 (unquoted comma or missing cell?)',
    ]);
  });

  it('reports a quoted field that is never closed, at the line where it opens', () => {
    const t = parseTable('a,b\n1,2\n3,"oops\n4,5\n6,7\n', 't.csv');
    expect(t.errors.map(formatError)).toContain('t.csv:3: b: quoted field is never closed (it runs to the end of the file)');
  });

  it('reports text after a closing quote (which d3-dsv would drop silently)', () => {
    const t = parseTable('a,b\n"x"y,2\n', 't.csv');
    expect(t.errors.map(formatError)).toContain('t.csv:2: a: text after a closing quote (quote the whole field and double inner quotes)');
  });
});

describe('never throws', () => {
  const ctx = () => ({ ...goodContext(), currentYear: CURRENT_YEAR });
  const validators = [validateSources, validatePlatforms, validateFlows, validateAggregates, validateTimeline];
  const header = fixture('good/flows.csv').split('\n')[0] ?? '';

  it('returns records or errors for arbitrary strings', () => {
    const c = ctx();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', 'a', '1', ';', '-', '.') })), (text) => {
        for (const validate of validators) {
          const { records, errors } = validate(parseTable(text, 'x.csv'), c);
          expect(Array.isArray(records) && Array.isArray(errors)).toBe(true);
          expect(records.length + errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns records or errors for arbitrary rows under a valid header', () => {
    const c = ctx();
    const cell = fc.oneof(
      fc.string(),
      fc.constantFrom('', '-1', 'NaN', 'Infinity', '1e309', '9'.repeat(400), '130209', '110000', 'P02', 'S001;S999', '2016', '118.46', 'yes'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 27, maxLength: 27 }), { maxLength: 5 }), (rows) => {
        const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
        const text = [header, ...rows.map((r) => r.map(quote).join(','))].join('\n');
        const { records, errors } = validateFlows(parseTable(text, 'flows.csv'), c);
        expect(records.length + errors.length).toBeGreaterThanOrEqual(rows.length > 0 ? 1 : 0);
        for (const e of errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('compiles garbage into errors, not exceptions', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const input = (file: string, text: string) => ({ file, text });
        const { errors } = compileDataset(
          { sources: input('s', a), platforms: input('p', b), flows: input('f', a + b), aggregates: input('a', b + a) },
          gazetteer(),
          { currentYear: CURRENT_YEAR },
        );
        expect(errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('is total for non-string input from untyped callers', () => {
    const t = parseTable(undefined as unknown as string, 'u.csv');
    expect(t.errors).toHaveLength(1);
  });
});
