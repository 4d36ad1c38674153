/**
 * The prefecture intake layer's symbols (issue 17), the same for both renderers: one circle per
 * cell of the view model's `intake`, at the place's label point (Xiong'an: its platform's point),
 * its area in proportion to the figure on a scale over the series' own rows (one definition), so
 * the years of a series compare and no two definitions share a scale.
 */
import type { Boundaries } from '../geo/boundaries.ts';
import type { IntakeCell } from '../selectors/intake.ts';
import type { ViewModel } from '../selectors/view.ts';

/** Radius of the series' largest figure, CSS px. */
export const INTAKE_MAX_RADIUS = 28;
/** Smallest radius drawn, CSS px. */
export const INTAKE_MIN_RADIUS = 4;

export interface IntakeSymbol {
  lon: number;
  lat: number;
  /** CSS px. */
  r: number;
  cell: IntakeCell;
}

export function intakeSymbols(view: Pick<ViewModel, 'intake' | 'platforms'>, labels: Boundaries['labels']): IntakeSymbol[] {
  const layer = view.intake;
  if (!layer?.cells.length) return [];
  const out: IntakeSymbol[] = [];
  for (const cell of layer.cells) {
    const p = view.platforms.get(cell.place.key);
    const label = p ? null : labels.features.find((f) => f.properties.adcode === cell.place.adcode);
    const at = p ? [p.lon, p.lat] : label?.geometry.coordinates;
    if (!at) continue;
    const r = Math.max(INTAKE_MIN_RADIUS, INTAKE_MAX_RADIUS * Math.sqrt(Math.max(0, cell.value) / (layer.max || 1)));
    out.push({ lon: at[0]!, lat: at[1]!, r, cell });
  }
  // Small on top of large.
  return out.sort((a, b) => b.r - a.r);
}
