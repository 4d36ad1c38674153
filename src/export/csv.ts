/**
 * CSV export of the filtered flows, with their sources. Pure: rows in, text out.
 *
 * - UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly;
 * - RFC 4180: CRLF line ends, a field holding a comma, quote, CR or LF is quoted, quotes doubled;
 * - formula injection guard: a text cell starting with = + - @ TAB or CR gets a leading
 *   apostrophe, so a spreadsheet shows it as text instead of running it (OWASP "CSV injection").
 *   Numbers are written as numbers (a negative number is a number, not a formula).
 */
import type { PlacedFlow } from '../data/dataset.ts';
import type { Source } from '../data/types.ts';

export type Cell = string | number | boolean | null | undefined;

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, guarded and quoted as needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the first is the header) → CSV text with BOM and CRLF line ends. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Names the export needs, resolved by the caller (in the language of the page). */
export interface CsvLookup {
  place(adcode: number): string;
  platform(id: string): string | undefined;
  industry(id: string): string;
  sources: ReadonlyMap<string, Source>;
}

export const FLOW_CSV_COLUMNS = [
  'id', 'kind', 'entity_zh', 'entity_en',
  'origin_adcode', 'origin_name', 'destination_adcode', 'destination_name', 'destination_platform_id', 'destination_platform',
  'industry', 'industry_name', 'period_start', 'period_end', 'period_note', 'period_note_zh', 'basis', 'status', 'pre_strategy',
  'projects', 'investment_cny_100m', 'investment_type', 'investment_usd_m', 'firms', 'merchants', 'bound', 'confidence',
  'source_ids', 'source_publisher', 'source_date', 'source_url',
] as const;

/** Several sources in one cell: `; `-separated, in the order of `source_ids` (aligned across the source columns). */
const SEP = '; ';

export function flowRow(f: PlacedFlow, names: CsvLookup): Cell[] {
  const sources = f.sourceIds.map((id) => names.sources.get(id));
  const list = (pick: (s: Source) => string | null) => sources.map((s) => (s ? pick(s) ?? '' : '')).join(SEP);
  return [
    f.id, f.kind, f.entityZh, f.entityEn,
    f.originAdcode, names.place(f.originAdcode), f.destinationAdcode, names.place(f.destinationAdcode),
    f.destinationPlatformId, f.destinationPlatformId ? names.platform(f.destinationPlatformId) ?? '' : null,
    f.industry, names.industry(f.industry), f.periodStart, f.periodEnd, f.periodNote, f.periodNoteZh, f.basis, f.status, f.preStrategy,
    f.projects, f.investmentCny100m, f.investmentType, f.investmentUsdM, f.firms, f.merchants, f.bound, f.confidence,
    f.sourceIds.join(';'), list((s) => s.publisher), list((s) => s.date), list((s) => s.url ?? s.archivedUrl),
  ];
}

/** Exactly `flows`, in their order, with a header row. */
export function flowsCsv(flows: readonly PlacedFlow[], names: CsvLookup): string {
  return toCsv([[...FLOW_CSV_COLUMNS], ...flows.map((f) => flowRow(f, names))]);
}
