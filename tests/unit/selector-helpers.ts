/**
 * Convenience wrappers over the app's selectors for tests and benchmarks: the same code the
 * app runs, called on plain lists (the app itself works on index columns; src/selectors/).
 */
import type { Dataset, PlacedFlow } from '../../src/data/dataset.ts';
import type { Flow, Metric } from '../../src/data/types.ts';
import { figureOf, sumFigures, type Figure, type SumResult } from '../../src/data/sum.ts';
import { arcKeys } from '../../src/selectors/arcKeys.ts';
import { arcOf, type ArcsResult } from '../../src/selectors/arcs.ts';
import { arcTable } from '../../src/selectors/arcTable.ts';
import { figureColumns } from '../../src/selectors/figureColumns.ts';
import { filterRows, type FlowFilter } from '../../src/selectors/filter.ts';
import { flowIndex } from '../../src/selectors/flowIndex.ts';

/** The arcs of `flows` in `metric`, and the flows without a figure in it. */
export function aggregateArcs(flows: readonly PlacedFlow[], metric: Metric): ArcsResult {
  const table = arcTable(arcKeys(figureColumns(flowIndex(flows), metric)), Int32Array.from(flows.keys()));
  return { arcs: Array.from(table.arcs, (k) => arcOf(table, k)), unmeasured: table.unmeasured.map((i) => flows[i]!) };
}

/** The flows the filters keep, as objects. */
export function filterFlows(dataset: Dataset, f: FlowFilter): PlacedFlow[] {
  return Array.from(filterRows(dataset, f), (i) => dataset.flows[i]!);
}

/** Sums `metric` over `flows`, refusing to mix figures that may not be added. */
export function sumFlows(flows: Iterable<Flow>, metric: Metric): SumResult {
  const figures: Figure[] = [];
  const without: string[] = [];
  for (const flow of flows) {
    const f = figureOf(flow, metric);
    if (f) figures.push(f);
    else without.push(flow.id);
  }
  return { groups: sumFigures(figures), without };
}
