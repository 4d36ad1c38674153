/**
 * The loader's column mapping: which of the user's columns fill which column of the data
 * contract (data/README.md), and how one row of the user's file becomes one row of flows.csv or
 * platforms.csv, ready for the shared validator (src/data/validate.ts). Nothing here decides
 * whether a value is valid: that is the validator's job. This module only
 *
 * - recognises headers (flows.csv and platforms.csv columns, the site's CSV export, and the simple
 *   form `origin, destination, value[, industry][, year][, name]` with Chinese aliases);
 * - turns place names into adcodes (./places.ts) and industry labels into ids;
 * - fills what the simple form leaves out with stated defaults (kind aggregate, basis period,
 *   status unknown, bound exact, industry other);
 * - refuses cells the validator has no limit for: names over 200 characters.
 */
import { COLUMNS } from '../data/validate.ts';
import { INDUSTRIES, STRATEGY_YEAR } from '../data/vocab.ts';
import { normalizeName, type PlaceIndex } from './places.ts';

import type { Measure } from './measures.ts';

export { MEASURES, type Measure } from './measures.ts';

/** The flows.csv column a simple-form `value` goes to. */
export const MEASURE_COLUMN: Record<Measure, string> = {
  projects: 'projects',
  investment: 'investment_cny_100m',
  firms: 'firms',
  merchants: 'merchants',
};

export type Form = 'simple' | 'flows' | 'export' | 'platforms';

/** One column of the user's header and what it is used for. */
export interface MappingEntry {
  /** The header cell as written. */
  column: string;
  /** Contract column(s) it fills, or null when it is not used. */
  target: string | null;
  /** Why it is not used, or how it is read. */
  note: 'unknown' | 'duplicate' | 'ignored-id' | 'ignored-source' | 'ignored-export' | 'names' | null;
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
  /** Year for rows without one (simple form); null: such rows are errors. */
  defaultYear: number | null;
  /** Shown in default descriptions. */
  file: string;
}

export interface Built {
  /** Cells in the contract's column order (COLUMNS[table]); placeholders where a cell could not be read. */
  cells: string[];
  /** Problems found before validation (unknown place names, overlong names, bad years): the row is not used. */
  errors: BuildError[];
}

export interface BuildError {
  column: string;
  reason: string;
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
}

export const FLOW_HEADER = COLUMNS.flows.map((c) => c.name);
export const PLATFORM_HEADER = COLUMNS.platforms.map((c) => c.name);

/** Longest name (entity, place or platform name), in characters. */
export const MAX_TEXT = 200;
/** Longest note (origin and period notes, coordinate notes, platform notes). */
export const MAX_NOTE = 1000;
/** Longest description. */
export const MAX_DESCRIPTION = 2000;

/** Header cell → lookup key: case, spaces and a trailing "(unit)" do not count. */
export function headerKey(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s*[(（][^)）]*[)）]$/u, '')
    .replace(/[\s-]+/g, '_');
}

const SIMPLE_ALIASES: Record<'origin' | 'destination' | 'value' | 'industry' | 'year' | 'name', readonly string[]> = {
  origin: ['origin', 'from', 'origin_adcode', 'origin_place', '起点', '迁出地', '转出地', '来源地', '出发地', '迁出'],
  destination: ['destination', 'dest', 'to', 'destination_adcode', 'destination_place', '终点', '承接地', '迁入地', '目的地', '转入地', '迁入'],
  value: ['value', 'amount', 'number', 'count', '数值', '数量', '值', '数目'],
  industry: ['industry', 'sector', '行业', '产业', '行业类别'],
  year: ['year', '年份', '年', '年度'],
  name: ['name', 'entity', 'label', 'project', 'firm', '名称', '项目', '企业', '项目名称', '企业名称', '单位'],
};

/** Columns of the site's CSV export (src/export/csv.ts) that are derived, not data. */
const EXPORT_ONLY = new Set(['origin_name', 'destination_name', 'destination_platform', 'industry_name', 'source_publisher', 'source_date', 'source_url']);

/** Longest text per column, where the validator sets none. */
const TEXT_MAX: Record<string, number> = {
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

/**
 * Reads an industry cell: an id, or a label given in `labels` (any case, width or spacing);
 * other text is passed on for the validator to report; empty is `other`.
 */
export function industryReader(labels: Readonly<Record<string, readonly string[]>> = {}): (cell: string) => string {
  const index = new Map<string, string>();
  for (const id of INDUSTRIES) {
    index.set(normalizeName(id), id);
    for (const label of labels[id] ?? []) index.set(normalizeName(label), id);
  }
  const cache = new Map<string, string>();
  return (cell) => {
    const v = cell.trim();
    if (v === '') return 'other';
    let id = cache.get(v);
    if (id === undefined) {
      id = index.get(normalizeName(v)) ?? v;
      if (cache.size < 10_000) cache.set(v, id);
    }
    return id;
  };
}

const YEAR_RANGE = /^(\d{4})\s*(?:[-–—~～至到]\s*(\d{4}))?\s*年?$/u;

const length = (s: string) => [...s].length;

/** Decides the form from the header; null when the header has none of the needed columns. */
export function makePlan(header: readonly string[], places: PlaceIndex, o: PlanOptions): Plan | { missing: string[] } {
  const keys = header.map(headerKey);
  const has = (k: string) => keys.includes(k);
  if (has('tier') || (has('name_zh') && has('lon') && has('lat'))) return platformPlan(header, keys, places, o);
  return flowPlan(header, keys, places, o);
}

function flowPlan(header: readonly string[], keys: readonly string[], places: PlaceIndex, o: PlanOptions): Plan | { missing: string[] } {
  const contract = new Set(FLOW_HEADER);
  const entries: MappingEntry[] = [];
  /** Contract column (or simple role) → index of the user's column. */
  const from = new Map<string, number>();
  const claim = (target: string, i: number, note: MappingEntry['note'] = null) => {
    if (from.has(target)) {
      entries.push({ column: header[i]!, target: null, note: 'duplicate' });
      return;
    }
    from.set(target, i);
    entries.push({ column: header[i]!, target, note });
  };
  keys.forEach((k, i) => {
    if (k === 'id') entries.push({ column: header[i]!, target: null, note: 'ignored-id' });
    else if (k === 'source_ids') entries.push({ column: header[i]!, target: null, note: 'ignored-source' });
    else if (EXPORT_ONLY.has(k)) entries.push({ column: header[i]!, target: null, note: 'ignored-export' });
    else if (SIMPLE_ALIASES.origin.includes(k)) claim('origin_adcode', i, 'names');
    else if (SIMPLE_ALIASES.destination.includes(k)) claim('destination_adcode', i, 'names');
    else if (contract.has(k)) claim(k, i);
    else if (SIMPLE_ALIASES.value.includes(k)) claim('value', i);
    else if (SIMPLE_ALIASES.industry.includes(k)) claim('industry', i);
    else if (SIMPLE_ALIASES.year.includes(k)) claim('year', i);
    else if (SIMPLE_ALIASES.name.includes(k)) claim('name', i);
    else entries.push({ column: header[i]!, target: null, note: 'unknown' });
  });
  // A simple `value` fills the chosen measure unless the file has that column itself.
  const measureColumn = MEASURE_COLUMN[o.measure];
  const valueAt = from.get('value');
  if (valueAt !== undefined) {
    const entry = entries.find((e) => e.target === 'value')!;
    if (from.has(measureColumn)) Object.assign(entry, { target: null, note: 'duplicate' });
    else entry.target = measureColumn;
  }
  const figures = ['projects', 'investment_cny_100m', 'investment_usd_m', 'firms', 'merchants'];
  const missing: string[] = [];
  if (!from.has('origin_adcode')) missing.push('origin');
  if (!from.has('destination_adcode')) missing.push('destination');
  if (valueAt === undefined && !figures.some((f) => from.has(f))) missing.push('value');
  if (!from.has('year') && !from.has('period_start') && !from.has('period_end') && o.defaultYear === null) missing.push('year');
  if (missing.length) return { missing };

  const full = from.has('kind') || from.has('basis') || from.has('entity_zh') || from.has('description_zh');
  const form: Form = keys.some((k) => EXPORT_ONLY.has(k)) ? 'export' : full ? 'flows' : 'simple';

  // Year: a `year` column fills both ends of the period unless the file has them.
  const yearAt = from.has('period_start') || from.has('period_end') ? undefined : from.get('year');
  if (yearAt !== undefined) entries.find((e) => e.target === 'year')!.target = 'period_start,period_end';
  else if (from.has('year')) Object.assign(entries.find((e) => e.target === 'year')!, { target: null, note: 'duplicate' });
  const nameAt = from.get('name');
  if (nameAt !== undefined) {
    const targets = ['entity_zh', 'entity_en'].filter((c) => !from.has(c));
    Object.assign(entries.find((e) => e.target === 'name')!, targets.length ? { target: targets.join(',') } : { target: null, note: 'duplicate' });
  }

  const defaults: DefaultEntry[] = [];
  const fixed: Record<string, string> = {
    kind: 'aggregate',
    basis: 'period',
    status: '',
    bound: 'exact',
    industry: 'other',
    confidence: 'medium',
  };
  for (const [k, v] of Object.entries(fixed)) if (!from.has(k)) defaults.push({ target: k, value: v });
  if (yearAt === undefined && !from.has('period_start') && o.defaultYear !== null) defaults.push({ target: 'period_start,period_end', value: String(o.defaultYear) });

  const userName = (target: string): string => {
    const i = from.get(target);
    if (i !== undefined) return header[i]!;
    if ((target === 'period_start' || target === 'period_end') && yearAt !== undefined) return header[yearAt]!;
    if ((target === 'entity_zh' || target === 'entity_en') && nameAt !== undefined) return header[nameAt]!;
    if (target === measureColumn && valueAt !== undefined) return header[valueAt]!;
    return target;
  };
  const figureNote = (col: string) => col === '(figures)' && valueAt !== undefined ? header[valueAt]! : col;

  const idIndex = FLOW_HEADER.indexOf('id');
  // One string per label, shared by every row that has it.
  const descriptions = { zh: `来自你的文件 ${o.file}`, en: `From your file ${o.file}` };
  const labels = new Map<string, string>();
  const routeLabel = (origin: string | null, destination: string | null, lang: 'zh' | 'en'): string => {
    const k = `${origin}|${destination}|${lang}`;
    let v = labels.get(k);
    if (v === undefined) {
      const o1 = origin ? places.name(Number(origin), lang) : undefined;
      const d1 = destination ? places.name(Number(destination), lang) : undefined;
      v = `${o1 ?? origin ?? '?'} → ${d1 ?? destination ?? '?'}`;
      if (labels.size < 100_000) labels.set(k, v);
    }
    return v;
  };

  // Precomputed for build(): contract column indexes, cells copied as they are, and the fixed cells.
  const index = new Map(FLOW_HEADER.map((n, i) => [n, i]));
  const at = (n: string): number => index.get(n)!;
  const COL = {
    id: at('id'),
    source_ids: at('source_ids'),
    origin_adcode: at('origin_adcode'),
    destination_adcode: at('destination_adcode'),
    industry: at('industry'),
    period_start: at('period_start'),
    period_end: at('period_end'),
    pre_strategy: at('pre_strategy'),
    entity_zh: at('entity_zh'),
    entity_en: at('entity_en'),
    description_zh: at('description_zh'),
    description_en: at('description_en'),
  };
  const copies: Array<[contract: number, user: number, max: number]> = [];
  for (const [name, u] of from) {
    const c = index.get(name);
    if (c === undefined || name === 'origin_adcode' || name === 'destination_adcode') continue;
    copies.push([c, u, TEXT_MAX[name] ?? 0]);
  }
  const base: string[] = FLOW_HEADER.map(() => '');
  base[COL.id] = 'F00';
  base[COL.source_ids] = 'S000';
  for (const d of defaults) for (const t of d.target.split(',')) base[at(t)] = d.value;
  if (!from.has('description_zh')) base[COL.description_zh] = descriptions.zh;
  if (!from.has('description_en')) base[COL.description_en] = descriptions.en;
  const industryAt = from.get('industry');
  const industryId = industryReader(o.industryLabels);
  const valueTo = valueAt !== undefined && !from.has(measureColumn) ? at(measureColumn) : null;
  const nameTo = nameAt === undefined ? [] : ['entity_zh', 'entity_en'].filter((c) => !from.has(c)).map(at);

  return {
    table: 'flows',
    form,
    entries,
    defaults,
    header: FLOW_HEADER,
    idIndex,
    columnName: (target) => figureNote(userName(target)),
    build(cells) {
      const errors: BuildError[] = [];
      const out = base.slice();
      for (const [c, u, max] of copies) {
        const v = unguard(cells[u] ?? '');
        if (max !== 0 && v.length > max && length(v) > max) errors.push({ column: header[u]!, reason: `${length(v)} characters, at most ${max} allowed` });
        out[c] = v;
      }
      const place = (c: number, u: number | undefined, standIn: string): string => {
        const v = u === undefined ? '' : unguard(cells[u] ?? '');
        if (v.trim() === '') return ''; // the validator reports the missing field
        const m = places.resolve(v);
        if (m.ok) return String(m.adcode);
        errors.push({ column: header[u!]!, reason: m.reason });
        // A stand-in lets the validator check the rest of the row (the row is not used).
        out[c] = standIn;
        return '';
      };
      const origin = place(COL.origin_adcode, from.get('origin_adcode'), '110000');
      const destination = place(COL.destination_adcode, from.get('destination_adcode'), '130000');
      if (origin) out[COL.origin_adcode] = origin;
      if (destination) out[COL.destination_adcode] = destination;
      if (industryAt !== undefined) out[COL.industry] = industryId(out[COL.industry]!);
      if (valueTo !== null) {
        const v = unguard(cells[valueAt!] ?? '');
        if (v.trim() === '') errors.push({ column: header[valueAt!]!, reason: 'missing value' });
        out[valueTo] = v;
      }
      if (yearAt !== undefined) {
        const v = (cells[yearAt] ?? '').trim();
        const m = YEAR_RANGE.exec(v);
        if (v === '' && o.defaultYear !== null) {
          out[COL.period_start] = out[COL.period_end] = String(o.defaultYear);
        } else if (!m) {
          errors.push({ column: header[yearAt]!, reason: v === '' ? 'missing year (or give one year for all rows in the options)' : `${JSON.stringify(v.slice(0, 40))} is not a year (YYYY or YYYY-YYYY)` });
          out[COL.period_start] = out[COL.period_end] = String(o.defaultYear ?? STRATEGY_YEAR);
        } else {
          out[COL.period_start] = m[1]!;
          out[COL.period_end] = m[2] ?? m[1]!;
        }
      }
      if (!from.has('pre_strategy')) {
        const start = Number(out[COL.period_start]);
        out[COL.pre_strategy] = Number.isInteger(start) && start < STRATEGY_YEAR ? 'yes' : 'no';
      }
      if (nameAt !== undefined) {
        const v = unguard(cells[nameAt] ?? '').trim();
        if (v.length > MAX_TEXT && length(v) > MAX_TEXT) errors.push({ column: header[nameAt]!, reason: `${length(v)} characters, at most ${MAX_TEXT} allowed` });
        if (v !== '') for (const c of nameTo) out[c] = v;
      }
      // Labels the simple form has no column for: "origin → destination".
      if (!from.has('entity_zh') && !out[COL.entity_zh]!.trim()) out[COL.entity_zh] = routeLabel(origin, destination, 'zh');
      if (!from.has('entity_en') && !out[COL.entity_en]!.trim()) out[COL.entity_en] = routeLabel(origin, destination, 'en');
      return { cells: out, errors };
    },
  };
}

function platformPlan(header: readonly string[], keys: readonly string[], places: PlaceIndex, _o: PlanOptions): Plan | { missing: string[] } {
  const contract = new Set(PLATFORM_HEADER);
  const entries: MappingEntry[] = [];
  const from = new Map<string, number>();
  keys.forEach((k, i) => {
    const column = header[i]!;
    if (k === 'source_ids') entries.push({ column, target: null, note: 'ignored-source' });
    else if (!contract.has(k)) entries.push({ column, target: null, note: 'unknown' });
    else if (from.has(k)) entries.push({ column, target: null, note: 'duplicate' });
    else {
      from.set(k, i);
      entries.push({ column, target: k, note: k === 'adcode' ? 'names' : null });
    }
  });
  const missing = ['id', 'tier', 'adcode', 'lon', 'lat'].filter((k) => !from.has(k));
  if (!from.has('name_zh') && !from.has('name_en')) missing.push('name_zh');
  if (missing.length) return { missing };
  const defaults: DefaultEntry[] = [];
  const fixed: Record<string, string> = { point_estimated: 'yes', confidence: 'medium' };
  for (const [k, v] of Object.entries(fixed)) if (!from.has(k)) defaults.push({ target: k, value: v });
  const userName = (target: string) => {
    const i = from.get(target);
    return i === undefined ? target : header[i]!;
  };
  return {
    table: 'platforms',
    form: 'platforms',
    entries,
    defaults,
    header: PLATFORM_HEADER,
    idIndex: PLATFORM_HEADER.indexOf('id'),
    columnName: userName,
    build(cells) {
      const errors: BuildError[] = [];
      const out = new Map<string, string>();
      for (const name of PLATFORM_HEADER) {
        const i = from.get(name);
        if (i === undefined) continue;
        const v = unguard(cells[i] ?? '');
        const max = TEXT_MAX[name];
        if (max !== undefined && v.length > max && length(v) > max) errors.push({ column: userName(name), reason: `${length(v)} characters, at most ${max} allowed` });
        out.set(name, v);
      }
      const adcode = out.get('adcode') ?? '';
      if (adcode.trim() !== '') {
        const m = places.resolve(adcode);
        if (m.ok) out.set('adcode', String(m.adcode));
        else {
          errors.push({ column: userName('adcode'), reason: m.reason });
          out.set('adcode', '');
        }
      }
      if (!from.has('name_zh')) out.set('name_zh', out.get('name_en') ?? '');
      if (!from.has('name_en')) out.set('name_en', out.get('name_zh') ?? '');
      for (const d of defaults) out.set(d.target, d.value);
      out.set('source_ids', 'S000');
      return { cells: PLATFORM_HEADER.map((n) => out.get(n) ?? ''), errors };
    },
  };
}
