import { describe, expect, it } from 'vitest';
import { prepareView } from '../../src/selectors/prepare.ts';
import { flowIndex } from '../../src/selectors/flowIndex.ts';
import { figureColumns } from '../../src/selectors/figureColumns.ts';
import { arcKeys } from '../../src/selectors/arcKeys.ts';
import { computeView } from '../../src/selectors/view.ts';
import { defaultState } from '../../src/state/viewState.ts';
import { dataset, flow } from './planner-helpers.ts';

describe('prepareView', () => {
  it('builds the memoised columns of a dataset in separate tasks, and the view is the same as without it', async () => {
    const flows = Array.from({ length: 40 }, (_, i) => flow({ industry: i % 3 ? 'pharma' : 'automotive', projects: i + 1, destinationAdcode: 130900 + (i % 4) * 100 }));
    const cold = computeView(dataset(flows.map((f) => ({ ...f }))), defaultState('en'));
    const data = dataset(flows);
    const parts: string[] = [];
    const steps = prepareView(data, 'projects', async () => {
      parts.push('yield');
    });
    await steps;
    expect(parts).toEqual(['yield', 'yield', 'yield']);
    // Memoised: the view reads the very columns built ahead.
    const index = flowIndex(data.flows);
    expect(computeView(data, defaultState('en')).selection.index).toBe(index);
    expect(arcKeys(figureColumns(index, 'projects'))).toBe(arcKeys(figureColumns(index, 'projects')));
    const warm = computeView(data, defaultState('en'));
    expect(warm.arcs.map((a) => [a.id, a.value])).toEqual(cold.arcs.map((a) => [a.id, a.value]));
    expect(warm.places).toEqual(cold.places);
  });

  it('by default yields to the event loop between the parts', async () => {
    const data = dataset([flow()]);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await prepareView(data, 'projects');
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
