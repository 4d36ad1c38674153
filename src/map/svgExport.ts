/**
 * "Download SVG" in the page: the pure writer (./svg.ts) with text widths measured on a canvas
 * (the fonts the SVG names). Both renderers load this module with a dynamic import on first use,
 * so it stays out of the first load.
 */
import { canvasMeasure } from './2d/canvas.ts';
import { estimateWidth, type Measure } from './2d/labels.ts';
import { mapSvg, type SvgOptions } from './svg.ts';

let measure: Measure | null = null;

export function exportSvg(o: Omit<SvgOptions, 'measure'>): string {
  if (!measure) {
    const ctx = document.createElement('canvas').getContext('2d');
    measure = ctx ? canvasMeasure(ctx) : estimateWidth;
  }
  return mapSvg({ ...o, measure }).svg;
}
