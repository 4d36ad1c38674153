/**
 * The view's drawn arcs → the arrays the WebGL arc layer draws: Mercator ends, fanned-out
 * curvature, width from the view's scale, the industry's colour. One function for the map
 * (./flowLayers.ts) and for the filter-change benchmark (bench/pipeline.ts).
 */
import type { Arc } from '../selectors/arcs.ts';
import type { ViewModel } from '../selectors/view.ts';
import { industryColor } from '../scales/industryColor.ts';
import type { PackedArcs } from './arcLayer.ts';
import { packArcs, rgba, type RGBA } from './arcPack.ts';

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
  return packArcs(view.arcs, {
    source: (a) => [a.origin.lon, a.origin.lat],
    target: (a) => [a.destination.lon, a.destination.lat],
    width: (a) => width(a.value),
    color,
    ends: (a) => [a.originKey, a.destinationKey],
  });
}
