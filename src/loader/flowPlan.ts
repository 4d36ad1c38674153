/**
 * The plan for a flows file: which of the user's columns fill which flows.csv column, and how
 * one row becomes one contract row. Nothing here decides whether a value is valid (that is the
 * validator's job); this module
 *
 * - recognises headers (./headers.ts: flows.csv columns, the site's CSV export, the simple form
 *   `origin, destination, value[, industry][, year][, name]` in Chinese and English, measures
 *   named by their header such as 企业数 or 投资额（万元）, addresses split over columns);
 * - reads places (the shared resolver, src/data/placeNames.ts), industries (./industries.ts)
 *   and numbers as people type them (./numbers.ts), after the user's own mapping;
 * - counts the values it could not read, and those read through a note, for the preview;
 * - fills what the simple form leaves out with stated defaults (kind aggregate, basis period,
 *   status unknown, bound exact, industry other);
 * - refuses cells the validator has no limit for: names over 200 characters.
 */
import type { Level } from '../data/placeNames.ts';
import { clean, hasBidiControl, quote } from '../data/text.ts';
import { STRATEGY_YEAR } from '../data/vocab.ts';
import { readHeader, splitHeader, type HeaderRead, type Role } from './headers.ts';
import { industryReader } from './industries.ts';
import type { Measure } from './measures.ts';
import { readNumber, type NumberKind } from './numbers.ts';
import type { PlaceIndex } from './places.ts';
import {
  FLOW_HEADER,
  MAX_TEXT,
  TEXT_MAX,
  length,
  lookup,
  tally,
  unguard,
  type BuildError,
  type DefaultEntry,
  type Form,
  type MappingEntry,
  type NotedValue,
  type Plan,
  type PlanOptions,
  type UnknownValue,
} from './plan.ts';
import type { ColumnTarget } from './userMapping.ts';

/** The flows.csv column a simple-form `value` goes to. */
export const MEASURE_COLUMN: Record<Measure, string> = {
  projects: 'projects',
  investment: 'investment_cny_100m',
  firms: 'firms',
  merchants: 'merchants',
};

const FIGURE_KIND: Record<string, NumberKind> = {
  projects: 'count',
  firms: 'count',
  merchants: 'count',
  investment_cny_100m: 'money',
  investment_usd_m: 'money',
};

/** Columns of the site's CSV export (src/export/csv.ts) that are derived, not data. */
export const EXPORT_ONLY = new Set(['origin_name', 'destination_name', 'destination_platform', 'industry_name', 'source_publisher', 'source_date', 'source_url']);

const YEAR_RANGE = /^(\d{4})\s*(?:[-–—~～至到]\s*(\d{4}))?\s*年?$/u;

const LEVELS: readonly Level[] = ['province', 'prefecture', 'county'];

/** Text that could reorder what is shown around it (issue 21: `txt.png exe.live`). */
const bidiReason = (v: string) => `${quote(v)} contains a direction control character, which could make the text look like something else`;

/** A column the user mapped by hand, read as a header would be. */
function fromTarget(t: ColumnTarget, header: string): HeaderRead | null {
  if (t === 'ignore') return null;
  if (t === 'projects' || t === 'firms' || t === 'merchants' || t === 'investment') {
    const h = readHeader(header);
    return { kind: 'measure', measure: t, places: h.kind === 'measure' ? h.places : 0 };
  }
  return { kind: 'role', role: t, places: 0 };
}

export function flowPlan(header: readonly string[], places: PlaceIndex, o: PlanOptions): Plan | { missing: string[] } {
  const contract = new Set(FLOW_HEADER);
  const entries: MappingEntry[] = [];
  /** Contract column (or simple role) → index of the user's column. */
  const from = new Map<string, number>();
  /** Contract figure column → power of ten from the header's unit (投资额（万元） → -4). */
  const figurePlaces = new Map<string, number>();
  const parts: Record<'origin' | 'destination', Partial<Record<Level, number>>> = { origin: {}, destination: {} };
  const claim = (target: string, i: number, note: MappingEntry['note'] = null, extra: Partial<MappingEntry> = {}): boolean => {
    if (from.has(target)) {
      entries.push({ column: header[i]!, target: null, note: 'duplicate' });
      return false;
    }
    from.set(target, i);
    entries.push({ column: header[i]!, target, note, ...extra });
    return true;
  };
  const ROLE_TARGET: Record<Role, string> = { origin: 'origin_adcode', destination: 'destination_adcode', value: 'value', industry: 'industry', year: 'year', name: 'name' };
  const keys = header.map((h) => splitHeader(h).key);
  header.forEach((column, i) => {
    const k = keys[i]!;
    const mapped = lookup(o.mapping?.columns, clean(column));
    if (mapped !== undefined) {
      const h = fromTarget(mapped, column);
      if (!h) entries.push({ column, target: null, note: 'ignored-user', mapped: true });
      else if (h.kind === 'measure') {
        const target = MEASURE_COLUMN[h.measure];
        if (claim(target, i, null, { mapped: true, ...(h.places ? { detail: `×10^${h.places}` } : {}) })) figurePlaces.set(target, h.places);
      } else if (h.kind === 'role') claim(ROLE_TARGET[h.role], i, h.role === 'origin' || h.role === 'destination' ? 'names' : null, { mapped: true });
      return;
    }
    if (k === 'id') return entries.push({ column, target: null, note: 'ignored-id' });
    if (k === 'source_ids') return entries.push({ column, target: null, note: 'ignored-source' });
    if (EXPORT_ONLY.has(k)) return entries.push({ column, target: null, note: 'ignored-export' });
    const h = readHeader(column);
    if (h.kind === 'role' && (h.role === 'origin' || h.role === 'destination')) return void claim(ROLE_TARGET[h.role], i, 'names');
    if (contract.has(k)) {
      if (claim(k, i) && FIGURE_KIND[k]) figurePlaces.set(k, 0);
      return;
    }
    if (h.kind === 'measure') {
      const target = MEASURE_COLUMN[h.measure];
      if (claim(target, i, null, h.places ? { detail: `×10^${h.places}` } : {})) figurePlaces.set(target, h.places);
      return;
    }
    if (h.kind === 'role') {
      if (claim(ROLE_TARGET[h.role], i, null, h.places ? { detail: `×10^${h.places}` } : {}) && h.role === 'value') figurePlaces.set('value', h.places);
      return;
    }
    if (h.kind === 'part') {
      if (parts[h.role][h.level] !== undefined) return entries.push({ column, target: null, note: 'duplicate' });
      parts[h.role][h.level] = i;
      return entries.push({ column, target: h.role === 'origin' ? 'origin_adcode' : 'destination_adcode', note: 'names', detail: h.level });
    }
    entries.push({ column, target: null, note: 'unknown' });
  });
  // An address split over columns (迁出省, 迁出市, 迁出区县) is read as one, large to small,
  // unless the file also has a whole-address column.
  const partColumns = (role: 'origin' | 'destination'): number[] => LEVELS.map((l) => parts[role][l]).filter((i): i is number => i !== undefined);
  for (const role of ['origin', 'destination'] as const) {
    const cols = partColumns(role);
    if (cols.length && from.has(ROLE_TARGET[role])) for (const i of cols) Object.assign(entries.find((e) => e.column === header[i] && e.detail)!, { target: null, note: 'duplicate', detail: undefined });
  }
  const placeColumns = (role: 'origin' | 'destination'): number[] => {
    const at = from.get(ROLE_TARGET[role]);
    return at !== undefined ? [at] : partColumns(role);
  };
  const originCols = placeColumns('origin');
  const destinationCols = placeColumns('destination');

  // A simple `value` fills the chosen measure unless the file has that column itself.
  const measureColumn = MEASURE_COLUMN[o.measure];
  const valueAt = from.get('value');
  if (valueAt !== undefined) {
    const entry = entries.find((e) => e.target === 'value')!;
    if (from.has(measureColumn)) Object.assign(entry, { target: null, note: 'duplicate', detail: undefined });
    else entry.target = measureColumn;
  }
  const figures = ['projects', 'investment_cny_100m', 'investment_usd_m', 'firms', 'merchants'];
  const missing: string[] = [];
  if (originCols.length === 0) missing.push('origin');
  if (destinationCols.length === 0) missing.push('destination');
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

  const columnsLabel = (cols: readonly number[]) => cols.map((i) => header[i]!).join(' + ');
  const userName = (target: string): string => {
    if (target === 'origin_adcode') return columnsLabel(originCols);
    if (target === 'destination_adcode') return columnsLabel(destinationCols);
    const i = from.get(target);
    if (i !== undefined) return header[i]!;
    if ((target === 'period_start' || target === 'period_end') && yearAt !== undefined) return header[yearAt]!;
    if ((target === 'entity_zh' || target === 'entity_en') && nameAt !== undefined) return header[nameAt]!;
    if (target === measureColumn && valueAt !== undefined) return header[valueAt]!;
    return target;
  };
  const figureNote = (col: string) => (col === '(figures)' && valueAt !== undefined ? header[valueAt]! : col);

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
    destination_platform_id: at('destination_platform_id'),
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
  const numbers: Array<[contract: number, user: number, kind: NumberKind, places: number]> = [];
  for (const [name, u] of from) {
    const c = index.get(name);
    if (c === undefined || name === 'origin_adcode' || name === 'destination_adcode') continue;
    const kind = FIGURE_KIND[name];
    if (kind) numbers.push([c, u, kind, figurePlaces.get(name) ?? 0]);
    else copies.push([c, u, TEXT_MAX[name] ?? 0]);
  }
  const base: string[] = FLOW_HEADER.map(() => '');
  base[COL.id] = 'F00';
  base[COL.source_ids] = 'S000';
  for (const d of defaults) for (const t of d.target.split(',')) base[at(t)] = d.value;
  if (!from.has('description_zh')) base[COL.description_zh] = descriptions.zh;
  if (!from.has('description_en')) base[COL.description_en] = descriptions.en;
  const industryAt = from.get('industry');
  const industries = industryReader({ labels: o.industryLabels ?? {}, ...(o.industryTables ?? {}) });
  const valueTo = valueAt !== undefined && !from.has(measureColumn) ? at(measureColumn) : null;
  const valueKind: NumberKind = FIGURE_KIND[measureColumn] ?? 'count';
  const valuePlaces = figurePlaces.get('value') ?? 0;
  const nameTo = nameAt === undefined ? [] : ['entity_zh', 'entity_en'].filter((c) => !from.has(c)).map(at);
  const platformFromFile = from.has('destination_platform_id');

  const unknown = tally<UnknownValue>();
  const noted = tally<NotedValue>();
  const originLabel = columnsLabel(originCols);
  const destinationLabel = columnsLabel(destinationCols);

  return {
    table: 'flows',
    form,
    entries,
    defaults,
    header: FLOW_HEADER,
    idIndex: at('id'),
    columnName: (target) => figureNote(userName(target)),
    unknowns: unknown.list,
    noted: noted.list,
    build(cells) {
      const errors: BuildError[] = [];
      const out = base.slice();
      for (const [c, u, max] of copies) {
        const v = unguard(cells[u] ?? '');
        if (max !== 0 && v.length > max && length(v) > max) errors.push({ column: header[u]!, reason: `${length(v)} characters, at most ${max} allowed` });
        else if (max !== 0 && hasBidiControl(v)) errors.push({ column: header[u]!, reason: bidiReason(v) });
        out[c] = v;
      }
      for (const [c, u, kind, shift] of numbers) {
        const r = readNumber(unguard(cells[u] ?? ''), kind, shift);
        if (r.error) errors.push({ column: header[u]!, reason: r.error });
        // A stand-in for a refused cell lets the validator check the rest (the row is not used).
        out[c] = r.error ? '0' : r.text;
      }
      const place = (c: number, cols: readonly number[], label: string, standIn: string, destination: boolean): string => {
        let v = '';
        for (const u of cols) {
          const cell = unguard(cells[u] ?? '').trim();
          if (cell) v = v ? `${v} ${cell}` : cell;
        }
        if (v === '') return ''; // the validator reports the missing field
        const key = clean(v);
        const mapped = lookup(o.mapping?.places, key);
        if (mapped !== undefined) return String(mapped);
        const m = places.resolve(v);
        if (m.ok) {
          if (m.note) noted.add(`${label}\u0000${key}`, () => ({ column: label, value: key, count: 1, place: m.note! }));
          if (destination && m.platformId && !platformFromFile && out[COL.destination_platform_id] === '') out[COL.destination_platform_id] = m.platformId;
          return String(m.adcode);
        }
        errors.push({ column: label, reason: m.reason });
        if (m.kind !== 'invalid') unknown.add(`p\u0000${label}\u0000${key}`, () => ({ kind: 'place', column: label, value: key, count: 1, candidates: m.candidates }));
        // A stand-in lets the validator check the rest of the row (the row is not used).
        out[c] = standIn;
        return '';
      };
      const origin = place(COL.origin_adcode, originCols, originLabel, '110000', false);
      const destination = place(COL.destination_adcode, destinationCols, destinationLabel, '130000', true);
      if (origin) out[COL.origin_adcode] = origin;
      if (destination) out[COL.destination_adcode] = destination;
      if (industryAt !== undefined) {
        const v = out[COL.industry]!;
        const key = clean(v);
        const mapped = lookup(o.mapping?.industries, key);
        const m = mapped !== undefined ? { id: mapped, via: null } : industries.read(v);
        if (m) {
          out[COL.industry] = m.id;
          if (m.via) noted.add(`i\u0000${key}`, () => ({ column: header[industryAt]!, value: key, count: 1, industry: { id: m.id, via: m.via! } }));
        } else {
          errors.push({ column: header[industryAt]!, reason: `unknown industry ${quote(key)} (map it in the preview, or use an industry of the map or a GB/T 4754 code)` });
          unknown.add(`i\u0000${key}`, () => ({ kind: 'industry', column: header[industryAt]!, value: key, count: 1, candidates: [] }));
          out[COL.industry] = 'other';
        }
      }
      if (valueTo !== null) {
        const raw = unguard(cells[valueAt!] ?? '');
        if (raw.trim() === '') errors.push({ column: header[valueAt!]!, reason: 'missing value' });
        const r = readNumber(raw, valueKind, valuePlaces);
        if (r.error) errors.push({ column: header[valueAt!]!, reason: r.error });
        out[valueTo] = r.error ? '0' : r.text;
      }
      if (yearAt !== undefined) {
        const v = clean(cells[yearAt] ?? '');
        const m = YEAR_RANGE.exec(v);
        if (v === '' && o.defaultYear !== null) {
          out[COL.period_start] = out[COL.period_end] = String(o.defaultYear);
        } else if (!m) {
          errors.push({ column: header[yearAt]!, reason: v === '' ? 'missing year (or give one year for all rows in the options)' : `${quote(v)} is not a year (YYYY or YYYY-YYYY)` });
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
        else if (hasBidiControl(v)) errors.push({ column: header[nameAt]!, reason: bidiReason(v) });
        if (v !== '') for (const c of nameTo) out[c] = v;
      }
      // Labels the simple form has no column for: "origin → destination".
      if (!from.has('entity_zh') && !out[COL.entity_zh]!.trim()) out[COL.entity_zh] = routeLabel(origin, destination, 'zh');
      if (!from.has('entity_en') && !out[COL.entity_en]!.trim()) out[COL.entity_en] = routeLabel(origin, destination, 'en');
      return { cells: out, errors };
    },
  };
}
