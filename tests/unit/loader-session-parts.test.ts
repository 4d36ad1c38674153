/** The pure parts of the loader's session (issue 15): error log, duplicates, pieces. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createErrorLog } from '../../src/loader/errorLog.ts';
import { createDuplicates, hash53 } from '../../src/loader/duplicates.ts';
import { createPieceReader } from '../../src/loader/pieces.ts';
import { createSplitter } from '../../src/loader/split.ts';
import { parseTable } from '../../src/data/csv.ts';

const e = (line: number) => ({ file: 'f', line, column: 'c', reason: 'r' });

describe('error log', () => {
  it('publishes in line order, keeps the first max, counts all', () => {
    const log = createErrorLog(3);
    for (const l of [5, 2, 4]) log.report(e(l));
    log.publish();
    for (const l of [9, 7]) log.report(e(l));
    log.publish();
    expect(log.errors.map((x) => x.line)).toEqual([2, 4, 5]);
    expect(log.count()).toBe(5);
  });
});

describe('duplicates', () => {
  it('finds an equal record by its row, ignoring ids; a hash collision is confirmed on the record', () => {
    const list: Array<{ id: string; v: number }> = [];
    const d = createDuplicates(list);
    list.push({ id: 'a', v: 1 });
    d.add('row1', 0);
    expect(d.find('row1', { id: 'b', v: 1 })).toBe(0);
    expect(d.find('row1', { id: 'b', v: 2 })).toBeUndefined();
    expect(d.find('row2', { id: 'b', v: 1 })).toBeUndefined();
    expect(hash53('a')).not.toBe(hash53('b'));
  });
});

describe('pieces', () => {
  it('checks the header first', () => {
    expect(createPieceReader('f').read('\n').kind).toBe('fatal');
    expect(createPieceReader('f').read(' , \n1,2\n')).toEqual({ kind: 'fatal', fatal: { kind: 'no-header' } });
    expect(createPieceReader('f').read(`${Array.from({ length: 1001 }, (_, i) => i).join(',')}\n`)).toMatchObject({ kind: 'fatal', fatal: { kind: 'limit' } });
  });
  it('gives the rows and errors of the whole file, whatever the cuts', () => {
    const cell = fc.constantFrom('a', '"q,\n"', '', '1', '"x""y"');
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 20 }), (rows, size) => {
        const text = `h1,h2\n${rows.map((r) => r.join(',')).join('\n')}\n`;
        const whole = parseTable(text, 'f');
        const reader = createPieceReader('f');
        const splitter = createSplitter();
        const got: Array<{ line: number; cells: readonly string[] }> = [];
        const errors: number[] = [];
        const take = (piece: string) => {
          if (piece === '') return;
          const p = reader.read(piece);
          if (p.kind === 'fatal') throw new Error('fatal');
          got.push(...p.rows);
          errors.push(...p.errors.map((x) => x.line));
        };
        for (let i = 0; i < text.length; i += size) take(splitter.push(text.slice(i, i + size)));
        take(splitter.end());
        expect(got).toEqual(whole.rows);
        expect(errors).toEqual(whole.errors.map((x) => x.line));
      }),
      { numRuns: 200 },
    );
  });
});
