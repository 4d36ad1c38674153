/**
 * Value → arc width and circle radius (d3-scale). Square-root scales: published figures run
 * from 1 relocation to thousands of projects, and a linear width would hide the small ones.
 * The legend reads the same scale back (`legendValues`).
 */
import { scaleSqrt, type ScalePower } from 'd3-scale';

export interface SizeScales {
  width: ScalePower<number, number>;
  radius: ScalePower<number, number>;
}

export const WIDTH_RANGE: [number, number] = [1.5, 18];
export const RADIUS_RANGE: [number, number] = [3, 24];

/** Scales over [0, max]; `max` from the filtered data, or from all data when the scale is locked. */
export function sizeScales(maxArc: number, maxPlace: number): SizeScales {
  return {
    width: scaleSqrt().domain([0, Math.max(maxArc, 1e-9)]).range([WIDTH_RANGE[0], WIDTH_RANGE[1]]).clamp(true),
    radius: scaleSqrt().domain([0, Math.max(maxPlace, 1e-9)]).range([RADIUS_RANGE[0], RADIUS_RANGE[1]]).clamp(true),
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
