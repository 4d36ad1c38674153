import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Dataset } from '../../src/data/dataset.ts';
import { INDUSTRIES } from '../../src/data/vocab.ts';
import { viewSelector } from '../../src/selectors/view.ts';
import { ANALYSIS } from '../../src/selectors/analysis.ts';
import { defaultState, LEVELS, METRICS } from '../../src/state/viewState.ts';

const data = JSON.parse(readFileSync('public/data/dataset.json', 'utf8')) as Dataset;

describe('origin–destination matrix', () => {
  it('is null unless asked for', () => {
    expect(viewSelector({ analysis: ANALYSIS })(data, defaultState('en')).matrix).toBeNull();
  });

  it('cells add the arcs of each pair per summable group; rows and columns sorted by size (property)', () => {
    const select = viewSelector({ analysis: ANALYSIS });
    fc.assert(
      fc.property(fc.constantFrom(...METRICS), fc.constantFrom(...LEVELS), fc.subarray([...INDUSTRIES]), (metric, level, industry) => {
        const view = select(data, { ...defaultState('en'), metric, level, industry, matrix: true });
        const m = view.matrix!;
        const want = new Map<string, number>();
        for (const a of view.arcs) {
          const k = `${a.originKey}>${a.destinationKey}|${a.group.key}`;
          want.set(k, (want.get(k) ?? 0) + a.value);
        }
        let cells = 0;
        m.rows.forEach((r, i) =>
          m.cols.forEach((c, j) => {
            const cell = m.cells[i]![j];
            if (!cell) return;
            cells += cell.groups.length;
            for (const g of cell.groups) expect(g.value).toBeCloseTo(want.get(`${r.key}>${c.key}|${g.key}`)!, 6);
            expect(cell.size).toBe(cell.groups[0]!.value);
            expect(cell.arcIds).toContain(cell.arcId);
          }),
        );
        expect(cells).toBe(want.size);
        for (const list of [m.rows, m.cols]) for (let i = 1; i < list.length; i++) expect(list[i - 1]!.size).toBeGreaterThanOrEqual(list[i]!.size);
        expect(m.max).toBe(Math.max(0, ...m.cells.flat().map((c) => c?.size ?? 0)));
      }),
      { numRuns: 60 },
    );
  });
});
