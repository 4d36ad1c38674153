/**
 * The view's drawn arcs → the arrays the WebGL arc layer draws: Mercator ends, fanned-out
 * curvature, width from the view's scale, the industry's colour. One function for the map
 * (./flowLayers.ts) and for the filter-change benchmark (bench/pipeline.ts).
 */
import type { Arc } from '../selectors/arcs.ts';
import type { ViewModel } from '../selectors/view.ts';
import { industryColor } from '../scales/industryColor.ts';
import { packArcs, rgba, type PackedArcs, type RGBA } from './arcPack.ts';

/** Arcs are drawn slightly transparent, so overlaps read as density. */
export const ARC_ALPHA = 0.78;

export function packView(view: Pick<ViewModel, 'arcs' | 'scales'>): PackedArcs {
  const width = view.scales.width;
  // One colour per industry, parsed once per update rather than once per arc.
  const colors = new Map<string, RGBA>();
  const color = (a: Arc): RGBA => {
    let c = colors.get(a.industry);
    if (!c) colors.set(a.industry, (c = rgba(industryColor(a.industry), ARC_ALPHA)));
    return c;
  };
  // Reused tuples: packArcs reads each before asking again (no three arrays per arc).
  const source: [number, number] = [0, 0];
  const target: [number, number] = [0, 0];
  const ends: [string, string] = ['', ''];
  return packArcs(view.arcs, {
    source: (a) => ((source[0] = a.origin.lon), (source[1] = a.origin.lat), source),
    target: (a) => ((target[0] = a.destination.lon), (target[1] = a.destination.lat), target),
    width: (a) => width(a.value),
    color,
    ends: (a) => ((ends[0] = a.originKey), (ends[1] = a.destinationKey), ends),
  });
}
