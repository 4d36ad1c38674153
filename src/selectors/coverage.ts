/**
 * The coverage grid (issue 17): place × year, which figures exist, of which definition (series),
 * and where the holes are. Rows are the places of ./intake.ts (Xiong'an apart from Baoding;
 * county scopes on their prefecture's row, each still its own series). Hebei's 11 prefectures
 * and Xiong'an always have a row (a prefecture without any figure is a row of holes); Tianjin's
 * and Beijing's districts where they have rows; the region-wide figures (Hebei, Tianjin, Beijing)
 * last, in their own group. Pure.
 */
import type { IntakePlace, IntakeSeries } from './intake.ts';

/** Xiong'an's key (./intake.ts XIONGAN; not imported, which would split the first load's shared files). */
const XIONGAN = 'P02';

export interface CoverageCell {
  /** Series with a row whose period ends this year, and those rows' ids. */
  series: Array<{ id: string; rowIds: string[] }>;
}

/** `hebei`: a prefecture or Xiong'an; `tianjin`/`beijing`: a district; `region`: a province-level total. */
export type CoverageGroup = 'hebei' | 'tianjin' | 'beijing' | 'region';

export interface CoverageRow {
  place: IntakePlace;
  group: CoverageGroup;
  /** One cell per year of `years`; an empty `series` is a hole. */
  cells: CoverageCell[];
}

export interface CoverageGrid {
  years: number[];
  rows: CoverageRow[];
}

/** Hebei's 11 prefectures (adcodes). */
export const HEBEI_PREFECTURES = [130100, 130200, 130300, 130400, 130500, 130600, 130700, 130800, 130900, 131000, 131100] as const;

export const COVERAGE_YEARS: readonly number[] = Array.from({ length: 12 }, (_, i) => 2014 + i);

function groupOf(p: IntakePlace): CoverageGroup {
  if (p.adcode % 10000 === 0) return 'region';
  return p.adcode < 120000 ? 'beijing' : p.adcode < 130000 ? 'tianjin' : 'hebei';
}

const GROUP_ORDER: Record<CoverageGroup, number> = { hebei: 0, tianjin: 1, beijing: 2, region: 3 };
/** Hebei before Tianjin before Beijing among the region-wide rows. */
const REGION_ORDER: Record<number, number> = { 130000: 0, 120000: 1, 110000: 2 };

/** The grid of `series` (./intake.ts `intakeSeries`) over `years` (default: 2014–2025); rows by group, then adcode (Xiong'an after Baoding). */
export function coverageGrid(series: Iterable<IntakeSeries>, years: readonly number[] = COVERAGE_YEARS): CoverageGrid {
  const rows = new Map<string, CoverageRow>();
  const col = new Map(years.map((y, i) => [y, i]));
  const rowOf = (place: IntakePlace) => {
    let row = rows.get(place.key);
    if (!row) rows.set(place.key, (row = { place, group: groupOf(place), cells: years.map(() => ({ series: [] })) }));
    return row;
  };
  for (const adcode of HEBEI_PREFECTURES) rowOf({ key: String(adcode), adcode });
  rowOf({ key: XIONGAN, adcode: 130600 });
  for (const { place, rows: list } of series) {
    const row = rowOf(place);
    for (const a of list) {
      const i = col.get(a.periodEnd);
      if (i === undefined) continue;
      const cell = row.cells[i]!;
      let s = cell.series.find((x) => x.id === a.series);
      if (!s) cell.series.push((s = { id: a.series, rowIds: [] }));
      s.rowIds.push(a.id);
    }
  }
  const order = (r: CoverageRow) => GROUP_ORDER[r.group] * 1e7 + (r.group === 'region' ? (REGION_ORDER[r.place.adcode] ?? 9) : r.place.adcode * 10 + (r.place.key === XIONGAN ? 1 : 0));
  return { years: [...years], rows: [...rows.values()].sort((a, b) => order(a) - order(b)) };
}
