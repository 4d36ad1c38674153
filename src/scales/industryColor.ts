
import type { Industry } from '../data/types.ts';

/**
 * d3-scale-chromatic's `schemeTableau10`, copied: importing it pulls the whole package
 * (its module-level ramps are not tree-shaken; ~6 KB gzipped) for ten strings. A unit test
 * checks the copy against the package.
 */
export const TABLEAU10 = ['#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f', '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab'] as const;

/** Industries with a hue of their own, in the order they take Tableau10's nine hues (its tenth is grey). */
export const HUED: readonly Industry[] = [
  'automotive', 'pharma', 'wholesale', 'textiles', 'tech-innovation', 'hq-admin', 'data-centre', 'equipment', 'materials',
];
/** Multi-industry aggregates: dark grey, so they read as "everything" rather than one sector. */
export const MIXED = '#767676';
/** Industries without a hue of their own. */
export const NEUTRAL = '#a8a8a8';

const colours = new Map<Industry, string>([...HUED.map((id, i) => [id, TABLEAU10[i]!] as const), ['mixed', MIXED]]);

export function industryColor(id: Industry | string): string {
  return colours.get(id as Industry) ?? NEUTRAL;
}
