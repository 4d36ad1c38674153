/**
 * How platforms (by tier), place-total circles and the intake layer's symbols look, shared by
 * every renderer, the legend, the platform filter and the picture exports.
 */
import type { Platform } from '../data/types.ts';

export const TIER_STYLE: Record<Platform['tier'], { radius: number; fill: string; stroke: string }> = {
  'capital-2': { radius: 7.5, fill: '#9e1b32', stroke: '#ffffff' },
  'strategic-4': { radius: 6.5, fill: '#d9622b', stroke: '#ffffff' },
  'specialised-46': { radius: 5.5, fill: '#1f5fa8', stroke: '#ffffff' },
  other: { radius: 4.5, fill: '#ffffff', stroke: '#4a6fa5' },
};

/** Place-total circles: destinations filled, origins as rings. */
export const PLACE_COLOR = { destination: '#2a6f62', origin: '#6a3d8f' };
/** The prefecture intake layer's symbols (issue 17): fill (at 35 %) and ring, distinct from the flows' place circles. */
export const INTAKE_COLOR = '#b5462a';
/** INTAKE_COLOR at 35 % over white: the symbols' fill as a picture's legend swatch. */
export const INTAKE_TINT = '#e5beb4';
