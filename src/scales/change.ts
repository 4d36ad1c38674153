/**
 * The diverging scale of a comparison (issue 18, `compare=`): hue says the sign of the change
 * (blue: fewer in `years` than in `compare`, orange: more; ColorBrewer RdBu's and RdYlBu's blues,
 * PuOr's oranges, a pair told apart under the common colour-vision deficiencies), three steps of
 * lightness and the width say its size. No change: neutral grey. Classes, not a continuous ramp,
 * so the legend can name each swatch; the width is the same square root as the flows' (./width.ts).
 * Hand-written rather than d3-scale's scaleDiverging, which would bring d3-interpolate and
 * d3-color into the first load.
 */
import { sqrtScale, WIDTH_RANGE, RADIUS_RANGE, type SqrtScale } from './width.ts';

/** Decrease, largest first; then increase, smallest first. */
export const CHANGE_DOWN = ['#2166ac', '#4393c3', '#74add1'] as const;
export const CHANGE_UP = ['#f5a54a', '#e08214', '#b35806'] as const;
export const CHANGE_NONE = '#8c8c8c';

/** Arc widths of a change, CSS px: a little wider at the thin end than the flows' (./width.ts), so a dashed arc of one project still shows. */
const CHANGE_WIDTH: [number, number] = [2.5, WIDTH_RANGE[1]];

export interface ChangeScale {
  /** The colour of a change (A − B). */
  color(diff: number): string;
  /** Arc width of |change|, CSS px. */
  width: SqrtScale;
  /** Circle radius of |change|. */
  radius: SqrtScale;
  /** Upper bounds of the three steps of |change| (the last is the largest change). */
  steps: [number, number, number];
  /** The colours (for the legend). */
  palette: { down: typeof CHANGE_DOWN; none: string; up: typeof CHANGE_UP };
}

export function changeScale(maxChange: number, maxPlace: number): ChangeScale {
  const max = Math.max(maxChange, 1e-9);
  const steps: [number, number, number] = [max / 3, (2 * max) / 3, max];
  const step = (v: number) => (v <= steps[0] ? 0 : v <= steps[1] ? 1 : 2);
  return {
    color: (d) => (d === 0 ? CHANGE_NONE : d < 0 ? CHANGE_DOWN[2 - step(-d)]! : CHANGE_UP[step(d)]!),
    width: sqrtScale(max, CHANGE_WIDTH),
    radius: sqrtScale(Math.max(maxPlace, 1e-9), RADIUS_RANGE),
    steps,
    palette: { down: CHANGE_DOWN, none: CHANGE_NONE, up: CHANGE_UP },
  };
}
