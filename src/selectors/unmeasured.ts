/**
 * Records with no figure in the chosen measure, as arcs of their own: flows with the same
 * origin, destination and industry make one "reported, no figure in this measure" arc. Nothing
 * is summed (there is nothing to sum); the arc only says the record exists, with its flows and
 * sources for the tooltip. Drawn by every renderer as a hairline dotted arc, so a filter never
 * looks emptier than the record.
 */
import type { Place, PlacedFlow } from '../data/dataset.ts';
import type { Industry } from '../data/types.ts';
import { destinationKey, originKey } from './flowIndex.ts';

export interface UnmeasuredArc {
  /** Stable id: `u:` origin > destination | industry (never equal to a measured arc's id). */
  id: string;
  originKey: string;
  destinationKey: string;
  origin: Place;
  destination: Place;
  industry: Industry;
  /** The records, in data order. */
  flows: PlacedFlow[];
}

/** Prefix of an unmeasured arc's id. */
export const UNMEASURED_PREFIX = 'u:';

/** Groups the unmeasured flows into arcs, in order of first appearance; at most `limit` arcs. */
export function unmeasuredArcs(flows: readonly PlacedFlow[], limit = Infinity): UnmeasuredArc[] {
  const byId = new Map<string, UnmeasuredArc>();
  const out: UnmeasuredArc[] = [];
  for (const f of flows) {
    const o = originKey(f);
    const d = destinationKey(f);
    const id = `${UNMEASURED_PREFIX}${o}>${d}|${f.industry}`;
    let arc = byId.get(id);
    if (!arc) {
      if (out.length >= limit) continue;
      arc = { id, originKey: o, destinationKey: d, origin: f.origin, destination: f.destination, industry: f.industry, flows: [] };
      byId.set(id, arc);
      out.push(arc);
    }
    arc.flows.push(f);
  }
  return out;
}
