/**
 * The prefecture intake layer's values (issue 17): for one series of aggregates.csv and a year
 * (or its latest running total), the figure each place reports, one row each. A series is one
 * definition (scope, origin, unit, basis: data/README.md "Issue 17 additions"), so nothing here
 * adds figures: a cell is one row's value, with the row's own label and sources. Pure.
 *
 * Where a figure is drawn: Xiong'an rows share scope_adcode 130600 with Baoding and are told apart
 * by scope_platform_id P02 (their own row, key `P02`); Dingzhou and Xinji, the county-level cities
 * Hebei administers directly (省直管), are places of their own; any other county-level scope of
 * Hebei (Caofeidian 130209, Bohai 130983 …) is drawn on its prefecture (first four digits + 00)
 * but stays its own series.
 */
import type { Aggregate } from '../data/types.ts';

/** Xiong'an's platform id: its rows are told apart from Baoding's by it. */
export const XIONGAN = 'P02';

/** The place a scope belongs to on the map and in the coverage grid. */
export interface IntakePlace {
  /** `P02` for Xiong'an, else the adcode (as text) of the prefecture (Hebei) or district (Beijing, Tianjin). */
  key: string;
  /** The area drawn: the prefecture (Hebei), Baoding for Xiong'an, the district itself (Beijing, Tianjin), 130000 for Hebei. */
  adcode: number;
}

/** Dingzhou (130682) and Xinji (130181): administered by the province directly, their own place. */
export const OWN_PLACES: ReadonlySet<number> = new Set([130682, 130181]);

export function intakePlace(a: Pick<Aggregate, 'scopeAdcode' | 'scopePlatformId'>): IntakePlace {
  const code = a.scopeAdcode;
  const prefecture = code >= 130000 && code < 140000 && code % 100 !== 0 && !OWN_PLACES.has(code) ? Math.floor(code / 100) * 100 : code;
  if (a.scopePlatformId === XIONGAN) return { key: XIONGAN, adcode: prefecture };
  return { key: String(prefecture), adcode: prefecture };
}

/** One series: its definition and rows, oldest period end first. */
export interface IntakeSeries {
  id: string;
  place: IntakePlace;
  unit: Aggregate['unit'];
  basis: Aggregate['basis'];
  from: Aggregate['from'];
  /** The latest row's label (it quotes the source's words). */
  labelZh: string;
  labelEn: string;
  rows: Aggregate[];
  /** Years (period end) with a row. */
  years: number[];
}

/** Every series in the aggregates, by id, in order of first appearance. */
export function intakeSeries(aggregates: readonly Aggregate[]): Map<string, IntakeSeries> {
  const out = new Map<string, IntakeSeries>();
  for (const a of aggregates) {
    let s = out.get(a.series);
    if (!s) out.set(a.series, (s = { id: a.series, place: intakePlace(a), unit: a.unit, basis: a.basis, from: a.from, labelZh: a.labelZh, labelEn: a.labelEn, rows: [], years: [] }));
    s.rows.push(a);
  }
  for (const s of out.values()) {
    s.rows.sort((x, y) => x.periodEnd - y.periodEnd || x.periodStart - y.periodStart);
    const last = s.rows[s.rows.length - 1]!;
    s.labelZh = last.labelZh;
    s.labelEn = last.labelEn;
    s.years = [...new Set(s.rows.map((r) => r.periodEnd))];
  }
  return out;
}

/** One place's figure in the layer: one row, never a sum. */
export interface IntakeCell {
  place: IntakePlace;
  value: number;
  row: Aggregate;
  /** Other rows of the same series and year (a second report of the year): listed, not added. */
  also: Aggregate[];
}

export interface IntakeLayer {
  series: IntakeSeries;
  /** The year asked for; null = the series' latest row. */
  year: number | null;
  cells: IntakeCell[];
  /** True when the series has no row for `year` (a hole, drawn as none). */
  hole: boolean;
}

/**
 * The layer for `seriesId` in `year` (rows whose period ends that year), or with `year` null its
 * latest row. Null for an unknown series.
 */
export function intakeLayer(series: ReadonlyMap<string, IntakeSeries>, seriesId: string, year: number | null): IntakeLayer | null {
  const s = series.get(seriesId);
  if (!s) return null;
  const end = year ?? s.years[s.years.length - 1]!;
  const rows = s.rows.filter((r) => r.periodEnd === end);
  if (!rows.length) return { series: s, year, cells: [], hole: true };
  // The latest report of the year is drawn; earlier ones of the same year are listed with it.
  const row = rows[rows.length - 1]!;
  return { series: s, year, cells: [{ place: s.place, value: row.value, row, also: rows.slice(0, -1) }], hole: false };
}

/** The layer as the view model carries it: the cells, and the series' largest figure (symbols scale to it, so years compare). */
export interface IntakeView extends IntakeLayer {
  max: number;
}

/** `intakeLayer` plus the scale's maximum, over the series' own rows only. */
export function intakeView(series: ReadonlyMap<string, IntakeSeries>, seriesId: string | null, year: number | null): IntakeView | null {
  if (seriesId === null) return null;
  const layer = intakeLayer(series, seriesId, year);
  return layer && { ...layer, max: Math.max(...layer.series.rows.map((r) => r.value)) };
}
