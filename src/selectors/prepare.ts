/**
 * The per-dataset columns the view needs (./flowIndex.ts, ./figureColumns.ts, ./arcKeys.ts),
 * built ahead of the first view one part per task. They are memoised, so the first
 * `computeView` then only filters; a large file (50,000 rows: ≈ 50 + 60 + 50 ms on a slow
 * machine) no longer holds the main thread in one piece, and a click between the parts is
 * answered.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Metric } from '../state/viewState.ts';
import { flowIndex } from './flowIndex.ts';
import { figureColumns } from './figureColumns.ts';
import { arcKeys } from './arcKeys.ts';

/** A new task: input queued meanwhile is handled first. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export async function prepareView(dataset: Dataset, metric: Metric, yieldToInput: () => Promise<void> = nextTask): Promise<void> {
  const index = flowIndex(dataset.flows);
  await yieldToInput();
  const figures = figureColumns(index, metric);
  await yieldToInput();
  arcKeys(figures);
  await yieldToInput();
}
