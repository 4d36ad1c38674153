/**
 * Industry → colour. Tableau10 (d3-scale-chromatic) was designed to stay distinguishable for
 * the common colour-vision deficiencies; with more industries than hues, the rarer ones share a
 * neutral grey, and every mark also names its industry (legend, tooltip, table), so colour is
 * never the only cue.
 */
import { schemeTableau10 } from 'd3-scale-chromatic';
import { INDUSTRIES } from '../data/vocab.ts';
import type { Industry } from '../data/types.ts';

/** Industries with a hue of their own, in the order they take Tableau10's colours. */
export const HUED: readonly Industry[] = [
  'automotive', 'pharma', 'wholesale', 'textiles', 'tech-innovation', 'hq-admin', 'electronics-it', 'equipment', 'materials', 'data-centre',
];
export const NEUTRAL = '#8c8c8c';

const colours = new Map<Industry, string>(HUED.map((id, i) => [id, schemeTableau10[i]!]));

export function industryColor(id: Industry | string): string {
  return colours.get(id as Industry) ?? NEUTRAL;
}

export const ALL_INDUSTRIES: readonly Industry[] = INDUSTRIES;
