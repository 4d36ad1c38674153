/**
 * What a plan is: how one row of the user's file becomes one row of flows.csv or platforms.csv
 * (the data contract, data/README.md), ready for the shared validator (src/data/validate.ts).
 * Types and constants shared by ./flowPlan.ts and ./platformPlan.ts.
 */
import { COLUMNS } from '../data/validate.ts';
import type { Adcode, Industry } from '../data/types.ts';
import type { PlaceNote } from '../data/placeNames.ts';
import type { Measure } from './measures.ts';
import type { UserMapping } from './userMapping.ts';

export type Form = 'simple' | 'flows' | 'export' | 'platforms';

/** One column of the user's header and what it is used for. */
export interface MappingEntry {
  /** The header cell as written. */
  column: string;
  /** Contract column(s) it fills, or null when it is not used. */
  target: string | null;
  /** Why it is not used, or how it is read. */
  note: 'unknown' | 'duplicate' | 'ignored-id' | 'ignored-source' | 'ignored-export' | 'ignored-user' | 'names' | null;
  /** How the cells are converted, e.g. `×10^-4` for 万元 → 亿元; the level of an address part. */
  detail?: string;
  /** Mapped by the user (./userMapping.ts). */
  mapped?: boolean;
}

/** A value the loader filled in because the file has no column for it. */
export interface DefaultEntry {
  target: string;
  value: string;
}

export interface PlanOptions {
  measure: Measure;
  /**
   * Labels that also name an industry ("医药", "Pharmaceuticals" for `pharma`), from the page's
   * dictionaries (passed in, so that the worker does not carry them).
   */
  industryLabels?: Readonly<Record<string, readonly string[]>>;
  /** data/names/industry-names.csv and data/names/industry-gbt4754.csv as text. */
  industryTables?: { names?: string; codes?: string };
  /** Year for rows without one (simple form); null: such rows are errors. */
  defaultYear: number | null;
  /** Shown in default descriptions. */
  file: string;
  /** The user's own mapping of columns and values. */
  mapping?: UserMapping;
}

export interface BuildError {
  column: string;
  reason: string;
}

export interface Built {
  /** Cells in the contract's column order (COLUMNS[table]); placeholders where a cell could not be read. */
  cells: string[];
  /** Problems found before validation (unknown place names, overlong names, bad years): the row is not used. */
  errors: BuildError[];
}

/** A value no rule recognised, with how many rows have it: the user may map it. */
export interface UnknownValue {
  kind: 'place' | 'industry';
  /** The user's column (or columns, joined with " + "). */
  column: string;
  value: string;
  count: number;
  /** For an ambiguous place: the places it may be. */
  candidates: Adcode[];
}

/** A value read through a note: a historic name, a zone, a platform, a GB/T 4754 code. */
export interface NotedValue {
  column: string;
  value: string;
  count: number;
  place?: PlaceNote;
  industry?: { id: Industry; via: string };
}

export interface Plan {
  table: 'flows' | 'platforms';
  form: Form;
  entries: MappingEntry[];
  defaults: DefaultEntry[];
  /** Contract header (COLUMNS[table] names). */
  header: readonly string[];
  /** Index of the id column in `header`. */
  idIndex: number;
  /** Contract column → the user's column name (for error messages). */
  columnName(target: string): string;
  /** The user's row → contract cells, and the problems found on the way (the row is then not used). */
  build(cells: readonly string[]): Built;
  /** Values not recognised so far, most frequent first. */
  unknowns(): UnknownValue[];
  /** Values read through a note so far, most frequent first. */
  noted(): NotedValue[];
}

export const FLOW_HEADER = COLUMNS.flows.map((c) => c.name);
export const PLATFORM_HEADER = COLUMNS.platforms.map((c) => c.name);

/** Longest name (entity, place or platform name), in characters. */
export const MAX_TEXT = 200;
/** Longest note (origin and period notes, coordinate notes, platform notes). */
export const MAX_NOTE = 1000;
/** Longest description. */
export const MAX_DESCRIPTION = 2000;

/** Longest text per column, where the validator sets none. */
export const TEXT_MAX: Record<string, number> = {
  entity_zh: MAX_TEXT,
  entity_en: MAX_TEXT,
  name_zh: MAX_TEXT,
  name_en: MAX_TEXT,
  origin_note_zh: MAX_NOTE,
  origin_note_en: MAX_NOTE,
  period_note: MAX_NOTE,
  period_note_zh: MAX_NOTE,
  coord_note: MAX_NOTE,
  note_zh: MAX_NOTE,
  note_en: MAX_NOTE,
  description_zh: MAX_DESCRIPTION,
  description_en: MAX_DESCRIPTION,
};

/** A text cell written by the site's export starts with an apostrophe when it would start a formula; read it back without. */
export function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export const length = (s: string) => Array.from(s).length;

/** Own entries only: a mapping's key is never "constructor" of Object.prototype. */
export function lookup<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Counts values per key, up to `max` distinct keys (the rest counted in the first ones only). */
export function tally<T extends { count: number }>(max = 10_000) {
  const map = new Map<string, T>();
  return {
    add(key: string, make: () => T) {
      const known = map.get(key);
      if (known) known.count++;
      else if (map.size < max) map.set(key, make());
    },
    list: (): T[] => [...map.values()].sort((a, b) => b.count - a.count),
  };
}
