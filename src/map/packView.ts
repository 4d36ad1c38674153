/**
 * The view's drawn arcs → the arrays the WebGL arc layer draws: Mercator ends, fanned-out
 * curvature, width from the view's scale, the industry's colour. One function for the map
 * (./flowLayers.ts) and for the filter-change benchmark (bench/pipeline.ts).
 */
import type { Arc } from '../selectors/arcs.ts';
import type { ViewModel } from '../selectors/view.ts';
import type { ChangeLayer } from '../selectors/changeMap.ts';
import { mapArcs } from '../selectors/mapArcs.ts';
import { industryColor } from '../scales/industryColor.ts';
import { packArcs, rgba, type PackedArcs, type RGBA } from './arcPack.ts';

/** Arcs are drawn slightly transparent, so overlaps read as density. */
export const ARC_ALPHA = 0.78;

export function packView(view: Pick<ViewModel, 'arcs' | 'scales'> & Partial<Pick<ViewModel, 'change' | 'net'>>): PackedArcs {
  const change = view.change;
  if (change) return packChange(change.both, change);
  const width = view.scales.width;
  // One colour per industry, parsed once per update rather than once per arc.
  const colors = new Map<string, RGBA>();
  const color = (a: Arc): RGBA => {
    let c = colors.get(a.industry);
    if (!c) colors.set(a.industry, (c = rgba(industryColor(a.industry), ARC_ALPHA)));
    return c;
  };
  return packEnds(mapArcs(view), (a) => width(a.value), color);
}

/**
 * Arcs of a comparison (selectors/changeMap.ts): coloured by the sign and size of their change,
 * as wide as |change| (the solid ones, and the dashed ones in one period only).
 */
export function packChange(arcs: readonly Arc[], change: ChangeLayer): PackedArcs {
  const { scale, rows } = change;
  const colors = new Map<string, RGBA>();
  const diff = (a: Arc) => rows.get(a.id)?.diff ?? 0;
  return packEnds(
    arcs,
    (a) => scale.width(Math.abs(diff(a))),
    (a) => {
      const hex = scale.color(diff(a));
      let c = colors.get(hex);
      if (!c) colors.set(hex, (c = rgba(hex, CHANGE_ALPHA)));
      return c;
    },
  );
}

/** Change arcs are more opaque: their colour, not overlaps, carries the reading. */
const CHANGE_ALPHA = 0.9;

function packEnds(arcs: readonly Arc[], width: (a: Arc) => number, color: (a: Arc) => RGBA): PackedArcs {
  // Reused tuples: packArcs reads each before asking again (no three arrays per arc).
  const source: [number, number] = [0, 0];
  const target: [number, number] = [0, 0];
  const ends: [string, string] = ['', ''];
  return packArcs(arcs, {
    source: (a) => ((source[0] = a.origin.lon), (source[1] = a.origin.lat), source),
    target: (a) => ((target[0] = a.destination.lon), (target[1] = a.destination.lat), target),
    width,
    color,
    ends: (a) => ((ends[0] = a.originKey), (ends[1] = a.destinationKey), ends),
  });
}
