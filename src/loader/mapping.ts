/**
 * The loader's column mapping: decides from the header whether the file is a flows file (in any
 * of its forms, ./flowPlan.ts) or a platforms file (./platformPlan.ts), and returns the plan
 * that turns each of its rows into a row of the data contract (data/README.md) for the shared
 * validator (src/data/validate.ts).
 */
import { flowPlan } from './flowPlan.ts';
import { headerKey } from './headers.ts';
import type { PlaceIndex } from './places.ts';
import { platformPlan } from './platformPlan.ts';
import type { Plan, PlanOptions } from './plan.ts';

export { MEASURES, type Measure } from './measures.ts';
export { MEASURE_COLUMN } from './flowPlan.ts';
export { headerKey } from './headers.ts';
export * from './plan.ts';

/** Decides the form from the header; `missing` when the header has none of the needed columns. */
export function makePlan(header: readonly string[], places: PlaceIndex, o: PlanOptions): Plan | { missing: string[] } {
  const keys = header.map(headerKey);
  const has = (k: string) => keys.includes(k);
  if (has('tier') || (has('name_zh') && has('lon') && has('lat'))) return platformPlan(header, places);
  return flowPlan(header, places, o);
}
