/**
 * The planner's own mapping: what the loader did not recognise, mapped once by hand in the
 * preview ("迁出地区 → origin", "XX园区 → 保定市", "新材料 → materials"), applied to every row,
 * and saved as a small JSON file to load with the next file. Pure: parse (total, never throws)
 * and serialise.
 *
 *   { "version": 1, "columns": { "迁出地区": "origin" }, "places": { "XX园区": 130600 },
 *     "industries": { "新材料": "materials" } }
 *
 * Keys are the header or cell as written (NFKC, trimmed); places are adcodes.
 */
import { clean } from '../data/text.ts';
import { INDUSTRIES, isOneOf } from '../data/vocab.ts';
import type { Adcode, Industry } from '../data/types.ts';

export const COLUMN_TARGETS = ['origin', 'destination', 'value', 'industry', 'year', 'name', 'projects', 'investment', 'firms', 'merchants', 'ignore'] as const;
export type ColumnTarget = (typeof COLUMN_TARGETS)[number];

export interface UserMapping {
  columns: Record<string, ColumnTarget>;
  places: Record<string, Adcode>;
  industries: Record<string, Industry>;
}

export const emptyMapping = (): UserMapping => ({ columns: {}, places: {}, industries: {} });

/** Entries per section at most (a mapping file is small; a huge one is refused). */
export const MAX_ENTRIES = 5000;
/** Longest key. */
const MAX_KEY = 200;

export type MappingParse = { ok: true; mapping: UserMapping; skipped: number } | { ok: false; reason: string };

const own = (o: unknown): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o);

/**
 * JSON text → a mapping. Entries that are not valid (unknown target, not an adcode, unknown
 * industry, overlong key) are skipped and counted; `knownAdcode` decides which adcodes exist.
 */
export function parseMapping(text: string, knownAdcode: (a: Adcode) => boolean): MappingParse {
  if (text.length > 2_000_000) return { ok: false, reason: 'the mapping file is larger than 2 MB' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not a JSON file' };
  }
  if (!own(raw) || raw.version !== 1) return { ok: false, reason: 'not a mapping file (expected {"version": 1, …})' };
  const out = emptyMapping();
  let skipped = 0;
  const section = <T>(value: unknown, into: Record<string, T>, read: (v: unknown) => T | null) => {
    if (value === undefined) return;
    if (!own(value)) {
      skipped++;
      return;
    }
    let n = 0;
    for (const [k, v] of Object.entries(value)) {
      const key = clean(k);
      const read1 = read(v);
      if (key === '' || key.length > MAX_KEY || read1 === null || ++n > MAX_ENTRIES || key === '__proto__') {
        skipped++;
        continue;
      }
      Object.defineProperty(into, key, { value: read1, enumerable: true, writable: true, configurable: true });
    }
  };
  section(raw.columns, out.columns, (v) => (typeof v === 'string' && isOneOf(COLUMN_TARGETS, v) ? v : null));
  section(raw.places, out.places, (v) => {
    const a = typeof v === 'number' ? v : typeof v === 'string' && /^\d{6}$/.test(v) ? Number(v) : NaN;
    return Number.isInteger(a) && knownAdcode(a) ? a : null;
  });
  section(raw.industries, out.industries, (v) => (typeof v === 'string' && isOneOf(INDUSTRIES, v) ? v : null));
  return { ok: true, mapping: out, skipped };
}

export function serializeMapping(m: UserMapping): string {
  return `${JSON.stringify({ version: 1, columns: m.columns, places: m.places, industries: m.industries }, null, 2)}\n`;
}

/** Is anything mapped? */
export const isEmptyMapping = (m: UserMapping) => !Object.keys(m.columns).length && !Object.keys(m.places).length && !Object.keys(m.industries).length;
