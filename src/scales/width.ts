/**
 * Value → arc width and circle radius. Square-root scales: published figures run from 1
 * relocation to thousands of projects, and a linear width would hide the small ones. The legend
 * reads the same scale back (`legendValues`).
 *
 * The map needs only this clamped [0, max] → [r0, r1] square root, so it is written here rather
 * than taken from d3-scale, whose continuous scales bring d3-interpolate, d3-color and d3-format
 * (~9 KB gzipped) into the code every visitor waits for; d3-scale still draws the charts, which
 * load on demand. A unit test checks this scale against d3-scale's `scaleSqrt().clamp(true)`.
 */

/** A clamped square-root scale over [0, max], callable like a d3 scale. */
export interface SqrtScale {
  (value: number): number;
  domain(): [number, number];
  range(): [number, number];
}

export function sqrtScale(max: number, [r0, r1]: readonly [number, number]): SqrtScale {
  const scale = (v: number) => r0 + (r1 - r0) * Math.sqrt(Math.min(Math.max(v, 0), max) / max);
  return Object.assign(scale, { domain: (): [number, number] => [0, max], range: (): [number, number] => [r0, r1] });
}

export interface SizeScales {
  width: SqrtScale;
  radius: SqrtScale;
}

export const WIDTH_RANGE: [number, number] = [1.5, 18];
export const RADIUS_RANGE: [number, number] = [3, 24];

/** Scales over [0, max]; `max` from the filtered data, or from all data when the scale is locked. */
export function sizeScales(maxArc: number, maxPlace: number): SizeScales {
  return {
    width: sqrtScale(Math.max(maxArc, 1e-9), WIDTH_RANGE),
    radius: sqrtScale(Math.max(maxPlace, 1e-9), RADIUS_RANGE),
  };
}

/**
 * Two or three round reference values within [0, max] for the legend, largest first. With
 * `integer` (counts of projects, firms …) no fractional value is offered.
 */
export function legendValues(max: number, { integer = false }: { integer?: boolean } = {}): number[] {
  if (!(max > 0)) return [];
  const nice = (v: number) => {
    const p = 10 ** Math.floor(Math.log10(v));
    const m = v / p;
    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
  };
  const top = nice(max);
  const out = [top, nice(top / 5), nice(top / 50)].filter((v, i, a) => v > 0 && a.indexOf(v) === i && v <= max && (!integer || v >= 1));
  return out.length >= 2 ? out : [top];
}
