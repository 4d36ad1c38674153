
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
/**
 * Four more industries, since each now has 6 or more records (they were grey alike and could
 * not be told apart): the darker or more distinct hues of Tableau 20, chosen away from the nine
 * above (dark teal, olive, rose, light green).
 */
export const HUED_MORE: ReadonlyArray<readonly [Industry, string]> = [
  ['electronics-it', '#499894'],
  ['logistics', '#b6992d'],
  ['food', '#d37295'],
  ['agriculture', '#8cd17d'],
];
/** Multi-industry aggregates: dark grey, so they read as "everything" rather than one sector. */
export const MIXED = '#767676';
/** Industries without a hue of their own (`other`). */
export const NEUTRAL = '#a8a8a8';

const colours = new Map<Industry, string>([...HUED.map((id, i) => [id, TABLEAU10[i]!] as const), ...HUED_MORE, ['mixed', MIXED]]);

export function industryColor(id: Industry | string): string {
  return colours.get(id as Industry) ?? NEUTRAL;
}
