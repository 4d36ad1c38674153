/**
 * Values the URL may refer to, from the data: industries, origins, destinations, places and
 * platforms to focus, the years, the intake layer's series. Unknown ones are reported as notices, not applied.
 */
import type { Dataset } from '../data/dataset.ts';
import type { KnownValues } from '../state/url.ts';
import { yearExtent } from './filter.ts';
import { intakePlace } from './intake.ts';

/** `units`: every unit of the map (adcodes), which the place search may focus without data. */
export function knownValues(dataset: Dataset, units: Iterable<number> = []): KnownValues {
  const focus = new Set<string>(Array.from(units, String));
  for (const f of dataset.flows) {
    focus.add(String(f.originAdcode));
    focus.add(String(f.destinationAdcode));
    if (f.destination.prefecture) focus.add(String(f.destination.prefecture));
    if (f.origin.prefecture) focus.add(String(f.origin.prefecture));
  }
  for (const p of dataset.platforms) focus.add(p.id);
  // The intake layer's places (issue 17): a coverage cell focuses its prefecture.
  for (const a of dataset.aggregates) focus.add(String(intakePlace(a).adcode));
  return {
    industries: new Set(dataset.flows.map((f) => f.industry)),
    // Every origin, and the Hebei prefecture of each Hebei origin (the filter takes it whole).
    origins: new Set(['beijing', 'tianjin', ...dataset.flows.flatMap((f) => (f.originAdcode > 130000 ? [String(f.originAdcode), `${String(f.originAdcode).slice(0, 4)}00`] : [String(f.originAdcode)]))]),
    dests: new Set(dataset.flows.map((f) => f.destination.prefecture).filter((p): p is number => p !== null)),
    focus,
    years: yearExtent(dataset),
    series: new Set(dataset.aggregates.map((a) => a.series)),
  };
}
