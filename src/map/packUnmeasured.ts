/**
 * The view's unmeasured arcs (records with no figure in the measure, selectors/unmeasured.ts)
 * → the arrays both renderers draw, through the same geometry as the measured arcs
 * (./arcPack.ts, src/geo/arcs.ts): they continue the measured arcs' fan between the same two
 * places, so a dotted arc never lies on a drawn one. A fixed hairline width, the industry's colour.
 */
import { fanCurvatures } from '../geo/arcs.ts';
import type { ViewModel } from '../selectors/view.ts';
import { industryColor } from '../scales/industryColor.ts';
import { packArcs, rgba, type PackedArcs, type RGBA } from './arcPack.ts';

/** Width of a dotted arc, CSS px. */
export const UNMEASURED_WIDTH = 1.25;
/** Its opacity. */
export const UNMEASURED_ALPHA = 0.9;
/** Dots: one every this many device px … */
export const DOT_PERIOD = 6;
/** … lit over this share of it. */
export const DOT_ON = 0.45;
/** Arcs wider than this many device px stretch their dots (a comparison's one-period arcs, up to ~20 CSS px wide). */
export const DOT_STRETCH_FROM = 5;

/**
 * How much a dotted arc `width` device px wide stretches its pattern (device px, as DOT_PERIOD):
 * 1 for hairlines, in proportion to the width above DOT_STRETCH_FROM, so a wide arc reads as
 * dashed rather than as a ladder of short bars across it, and its dashes keep the same length
 * against its width at any pixel ratio. The same rule in every renderer (WebGL shader, canvas,
 * SVG at a ratio of 1).
 */
export const dotStretch = (deviceWidth: number): number => Math.max(1, deviceWidth / DOT_STRETCH_FROM);

export function packUnmeasured(view: Pick<ViewModel, 'arcs' | 'unmeasuredArcs'>): PackedArcs {
  const dotted = view.unmeasuredArcs;
  const m = view.arcs.length;
  // Fan over measured + unmeasured in that order: the measured keep their curvatures, the dotted take the next.
  const all = fanCurvatures<number>(
    Array.from({ length: m + dotted.length }, (_, i) => i),
    (i) => (i < m ? [view.arcs[i]!.originKey, view.arcs[i]!.destinationKey] : [dotted[i - m]!.originKey, dotted[i - m]!.destinationKey]),
  );
  const colors = new Map<string, RGBA>();
  const packed = packArcs(dotted, {
    source: (a) => [a.origin.lon, a.origin.lat],
    target: (a) => [a.destination.lon, a.destination.lat],
    width: () => UNMEASURED_WIDTH,
    color: (a) => {
      let c = colors.get(a.industry);
      if (!c) colors.set(a.industry, (c = rgba(industryColor(a.industry), UNMEASURED_ALPHA)));
      return c;
    },
    ends: (a) => [a.originKey, a.destinationKey],
  });
  packed.curvature.set(all.subarray(m));
  return packed;
}
