/**
 * The coverage grid (issue 17): place × year, which figures exist, of which definition (series),
 * and where the holes are. Rows are the places of ./intake.ts (Xiong'an apart from Baoding;
 * county scopes on their prefecture's row, each still its own series). Pure.
 */
import type { Aggregate } from '../data/types.ts';
import { intakePlace, type IntakePlace } from './intake.ts';

export interface CoverageCell {
  /** Series with a row whose period ends this year, and those rows' ids. */
  series: Array<{ id: string; rowIds: string[] }>;
}

export interface CoverageRow {
  place: IntakePlace;
  /** One cell per year of `years`; an empty `series` is a hole. */
  cells: CoverageCell[];
}

export interface CoverageGrid {
  years: number[];
  rows: CoverageRow[];
}

/** The grid over `years` (default: 2014–2025), rows in adcode order (Xiong'an after Baoding). */
export function coverageGrid(aggregates: readonly Aggregate[], years: readonly number[] = range(2014, 2025)): CoverageGrid {
  const rows = new Map<string, CoverageRow>();
  const col = new Map(years.map((y, i) => [y, i]));
  for (const a of aggregates) {
    const place = intakePlace(a);
    let row = rows.get(place.key);
    if (!row) rows.set(place.key, (row = { place, cells: years.map(() => ({ series: [] })) }));
    const i = col.get(a.periodEnd);
    if (i === undefined) continue;
    const cell = row.cells[i]!;
    let s = cell.series.find((x) => x.id === a.series);
    if (!s) cell.series.push((s = { id: a.series, rowIds: [] }));
    s.rowIds.push(a.id);
  }
  const order = (r: CoverageRow) => r.place.adcode * 10 + (r.place.key === 'P02' ? 1 : 0);
  return { years: [...years], rows: [...rows.values()].sort((a, b) => order(a) - order(b)) };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
