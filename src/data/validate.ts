/**
 * Validation of the data tables (data/README.md). One module, two callers: the build script
 * (scripts/build-data.ts) and, in the browser, a Web Worker checking an uploaded CSV. Pure: no
 * Node APIs, no clock, no globals; every function is total (returns errors, never throws).
 *
 *   const table = parseTable(text, 'data/flows.csv');
 *   const { records, errors } = validateFlows(table, { gazetteer, origins: 'beijing-tianjin', currentYear: 2025, sourceIds, platforms });
 *   errors.map(formatError); // ["data/flows.csv:12: industry: unknown industry \"cars\" (…)", …]
 */
import { parseTable } from './csv.ts';
import type { Row, Table } from './csv.ts';
import { formatError, sortErrors } from './errors.ts';
import type { RowError } from './errors.ts';
import type { Gazetteer } from './gazetteer.ts';
import { unknownAdcode, type PlaceResolver } from './placeNames.ts';
import type { Adcode, Aggregate, Flow, Platform, Source, TableName, Tables, TimelineEvent } from './types.ts';
import {
  AGGREGATE_BASES,
  BOUNDS,
  CATEGORIES,
  CONFIDENCES,
  EARLIEST_YEAR,
  FLOW_BASES,
  FLOW_KINDS,
  INDUSTRIES,
  INVESTMENT_TYPES,
  ORIGINS,
  PROVINCES,
  STATUSES,
  STRATEGY_YEAR,
  TIERS,
  UNITS,
  YES_NO,
  isOneOf,
} from './vocab.ts';

export { parseTable, formatError, sortErrors };
export type { Table, RowError };

/** What a platform reference is checked against. */
export interface PlatformRef {
  adcode: Adcode;
  areaAdcodes: readonly Adcode[];
}

/**
 * Where a flow may start. `beijing-tianjin`: the published data (data/flows.csv records moves out
 * of Beijing and Tianjin, so a Hebei origin there is an error). `region`: a planner's own file
 * read by the loader (a firm registry's moves run every way): any unit of Beijing, Tianjin or
 * Hebei. An adcode the gazetteer does not know (Shanghai's, say) is refused either way.
 */
export type OriginScope = 'beijing-tianjin' | 'region';

export interface ValidationContext {
  gazetteer: Gazetteer;
  /** Which origins a flow may have (see OriginScope). */
  origins: OriginScope;
  /** Latest year allowed in periods and dates (pass it in: validation never reads the clock). */
  currentYear: number;
  /** Known source ids; when omitted, source references are not checked. */
  sourceIds?: ReadonlySet<string>;
  /**
   * Known platforms by id; `null` for a platform whose row is itself invalid (the reference is
   * accepted, its adcode not compared). When omitted, platform references are not checked.
   */
  platforms?: ReadonlyMap<string, PlatformRef | null>;
  /**
   * The place resolver (./placeNames.ts), when known: an adcode retired since 2009 is then
   * reported with today's unit ("unknown adcode 130230 (唐海县: became Caofeidian District in
   * 2012): use 130209").
   */
  places?: Pick<PlaceResolver, 'resolve'>;
}

export interface Validated<T> {
  /** Rows without any error, in file order (none when the header lacks a required column). */
  records: T[];
  /** Every problem found: file, header and each bad cell of each bad row. */
  errors: RowError[];
  /** Line of every row with a readable id, valid or not. */
  lines: ReadonlyMap<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Cell checks

class Invalid {
  constructor(readonly reason: string) {}
}

type Check<T> = (cell: string, ctx: ValidationContext) => T | Invalid;

/** A column of a table; `T` (phantom) is the type of the record property it fills. */
interface Column<T> {
  readonly name: string;
  readonly required: boolean;
  readonly check: Check<unknown>;
  /** Value of an empty optional cell. */
  readonly empty: () => unknown;
  readonly type?: T;
}

type Schema<R> = { readonly [K in keyof R]-?: Column<R[K]> };

const required = <T>(name: string, check: Check<T>): Column<T> => ({ name, required: true, check, empty: () => null });
const optional = <T>(name: string, check: Check<T>): Column<T | null> => ({ name, required: false, check, empty: () => null });
/** An optional list: an empty cell means "none", `[]`. */
const optionalList = <T>(name: string, check: Check<T[]>): Column<T[]> => ({ name, required: false, check, empty: () => [] });

/** A cell value quoted for a message, shortened and with control characters escaped. */
function show(value: string): string {
  const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(s);
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;

const text: Check<string> = (cell) => {
  if (CONTROL.test(cell)) return new Invalid('contains a control or replacement character (binary data or wrong encoding?)');
  return cell.trim();
};

/** Longest timeline summary, in characters (code points). */
const SUMMARY_MAX = 200;

function shortText(max: number): Check<string> {
  return (cell, ctx) => {
    const v = text(cell, ctx);
    if (v instanceof Invalid) return v;
    const length = [...v].length;
    return length <= max ? v : new Invalid(`${length} characters, at most ${max} allowed`);
  };
}

const trimmed = (cell: string): Invalid | undefined =>
  cell !== cell.trim() ? new Invalid(`${show(cell)} has leading or trailing spaces`) : undefined;

function code(pattern: RegExp, example: string): Check<string> {
  return (cell) => trimmed(cell) ?? (pattern.test(cell) ? cell : new Invalid(`${show(cell)} is not an id like ${example}`));
}

function oneOf<T extends string>(vocab: readonly T[], what: string): Check<T> {
  return (cell) => {
    const bad = trimmed(cell);
    if (bad) return bad;
    return isOneOf(vocab, cell) ? cell : new Invalid(`unknown ${what} ${show(cell)} (expected one of: ${vocab.join(', ')})`);
  };
}

const yesNo: Check<boolean> = (cell) => {
  const bad = trimmed(cell);
  if (bad) return bad;
  return isOneOf(YES_NO, cell) ? cell === 'yes' : new Invalid(`${show(cell)} is not yes or no`);
};

const NUMBER = /^\d+(\.\d+)?$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** A figure: a plain non-negative decimal (or whole) number as published. */
function figure(options: { integer: boolean }): Check<number> {
  return (cell) => {
    const bad = trimmed(cell);
    if (bad) return bad;
    if (NOT_FINITE.test(cell)) return new Invalid(`${show(cell)} is not a finite number`);
    if (/^-\s*[\d.]/.test(cell)) return new Invalid(`negative value ${show(cell)} (figures are ≥ 0)`);
    if (!NUMBER.test(cell)) return new Invalid(`${show(cell)} is not a plain number (digits and one ".", no units, signs or separators)`);
    const value = Number(cell);
    if (!Number.isFinite(value)) return new Invalid(`${show(cell)} is not a finite number`);
    if (options.integer && !Number.isInteger(value)) return new Invalid(`${show(cell)} is not a whole number`);
    return value;
  };
}

const count = figure({ integer: true });
const amount = figure({ integer: false });

function coordinate(min: number, max: number): Check<number> {
  return (cell) => {
    const bad = trimmed(cell);
    if (bad) return bad;
    if (NOT_FINITE.test(cell)) return new Invalid(`${show(cell)} is not a finite number`);
    const m = /^-?\d+(?:\.(\d+))?$/.exec(cell);
    if (!m) return new Invalid(`${show(cell)} is not a decimal coordinate`);
    if ((m[1]?.length ?? 0) > 4) return new Invalid(`${show(cell)} has more than 4 decimals`);
    const value = Number(cell);
    if (value < min || value > max) return new Invalid(`${show(cell)} is outside ${min}..${max}`);
    return value;
  };
}

const lon = coordinate(-180, 180);
const lat = coordinate(-90, 90);

const year: Check<number> = (cell) =>
  trimmed(cell) ?? (/^\d{4}$/.test(cell) ? Number(cell) : new Invalid(`${show(cell)} is not a year (YYYY)`));

const adcode: Check<Adcode> = (cell, ctx) => {
  const bad = trimmed(cell);
  if (bad) return bad;
  if (!/^\d{6}$/.test(cell)) return new Invalid(`${show(cell)} is not a 6-digit adcode`);
  const value = Number(cell);
  if (ctx.gazetteer.has(value)) return value;
  const today = ctx.places?.resolve(cell);
  return new Invalid(today?.ok && today.note ? `unknown adcode ${cell} (${today.note.en}): use ${today.adcode}` : unknownAdcode(cell));
};

/** A `;`-separated list without spaces, each item checked. */
function list<T>(item: Check<T>): Check<T[]> {
  return (cell, ctx) => {
    if (/\s/.test(cell)) return new Invalid(`${show(cell)}: separate list items with ";" and no spaces`);
    const items = cell.split(';');
    if (items.some((s) => s === '')) return new Invalid(`${show(cell)} has an empty list item`);
    const out: T[] = [];
    const reasons: string[] = [];
    for (const s of items) {
      const v = item(s, ctx);
      if (v instanceof Invalid) reasons.push(v.reason);
      else out.push(v);
    }
    if (reasons.length > 0) return new Invalid(reasons.join('; '));
    const seen = new Set(items);
    if (seen.size !== items.length) return new Invalid(`${show(cell)} lists an item twice`);
    return out;
  };
}

const SOURCE_ID = /^S\d{3}$/;
const PLATFORM_ID = /^P\d{2}$/;

const sourceId: Check<string> = (cell, ctx) => {
  const v = code(SOURCE_ID, 'S001')(cell, ctx);
  if (v instanceof Invalid) return v;
  return !ctx.sourceIds || ctx.sourceIds.has(v) ? v : new Invalid(`unknown source id ${v}`);
};

const platformId: Check<string> = (cell, ctx) => {
  const v = code(PLATFORM_ID, 'P01')(cell, ctx);
  if (v instanceof Invalid) return v;
  return !ctx.platforms || ctx.platforms.has(v) ? v : new Invalid(`unknown platform id ${v}`);
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, a real calendar date, not after the current year. */
const date: Check<string> = (cell, ctx) => {
  const bad = trimmed(cell);
  if (bad) return bad;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(cell);
  if (!m) return new Invalid(`${show(cell)} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 && !leap ? 28 : (DAYS_IN_MONTH[mo - 1] ?? 0);
  if (mo < 1 || mo > 12 || d < 1 || d > days) return new Invalid(`${show(cell)} is not a calendar date`);
  if (y > ctx.currentYear) return new Invalid(`date ${cell} is after the current year (${ctx.currentYear})`);
  return cell;
};

/** A date, or a range `start/end` of two dates in order (timeline events that span days). */
const dateOrRange: Check<string> = (cell, ctx) => {
  const [start, end, ...rest] = cell.split('/');
  if (start === undefined || end === undefined || rest.length > 0) return date(cell, ctx);
  for (const part of [start, end]) {
    const v = date(part, ctx);
    if (v instanceof Invalid) return v;
  }
  return start <= end ? cell : new Invalid(`${show(cell)}: the range ends before it starts`);
};

const url: Check<string> = (cell) =>
  trimmed(cell) ?? (/^https?:\/\/\S+$/.test(cell) ? cell : new Invalid(`${show(cell)} is not an http(s) URL`));

// ---------------------------------------------------------------------------------------------
// Schemas: key order here is the key order of the records (and of dataset.json).

const SOURCES: Schema<Source> = {
  id: required('id', code(SOURCE_ID, 'S001')),
  publisher: required('publisher', text),
  title: required('title', text),
  date: required('date', date),
  url: optional('url', url),
  archivedUrl: optional('archived_url', url),
  note: optional('note', text),
};

const PLATFORMS: Schema<Platform> = {
  id: required('id', code(PLATFORM_ID, 'P01')),
  nameZh: required('name_zh', text),
  nameEn: required('name_en', text),
  tier: required('tier', oneOf(TIERS, 'tier')),
  category: optional('category', oneOf(CATEGORIES, 'category')),
  adcode: required('adcode', adcode),
  areaAdcodes: optionalList('area_adcodes', list(adcode)),
  lon: required('lon', lon),
  lat: required('lat', lat),
  pointEstimated: required('point_estimated', yesNo),
  coordNote: optional('coord_note', text),
  sourceIds: required('source_ids', list(sourceId)),
  confidence: required('confidence', oneOf(CONFIDENCES, 'confidence')),
  noteZh: optional('note_zh', text),
  noteEn: optional('note_en', text),
};

const FLOWS: Schema<Flow> = {
  id: required('id', code(/^F\d{2,3}$/, 'F01')),
  kind: required('kind', oneOf(FLOW_KINDS, 'kind')),
  originAdcode: required('origin_adcode', adcode),
  originNoteZh: optional('origin_note_zh', text),
  originNoteEn: optional('origin_note_en', text),
  destinationAdcode: required('destination_adcode', adcode),
  destinationPlatformId: optional('destination_platform_id', platformId),
  industry: required('industry', oneOf(INDUSTRIES, 'industry')),
  entityZh: required('entity_zh', text),
  entityEn: required('entity_en', text),
  periodStart: required('period_start', year),
  periodEnd: required('period_end', year),
  periodNote: optional('period_note', text),
  periodNoteZh: optional('period_note_zh', text),
  basis: required('basis', oneOf(FLOW_BASES, 'basis')),
  status: optional('status', oneOf(STATUSES, 'status')),
  preStrategy: required('pre_strategy', yesNo),
  projects: optional('projects', count),
  investmentCny100m: optional('investment_cny_100m', amount),
  investmentType: optional('investment_type', oneOf(INVESTMENT_TYPES, 'investment_type')),
  investmentUsdM: optional('investment_usd_m', amount),
  firms: optional('firms', count),
  merchants: optional('merchants', count),
  bound: required('bound', oneOf(BOUNDS, 'bound')),
  descriptionZh: required('description_zh', text),
  descriptionEn: required('description_en', text),
  sourceIds: required('source_ids', list(sourceId)),
  confidence: required('confidence', oneOf(CONFIDENCES, 'confidence')),
};

const AGGREGATES: Schema<Aggregate> = {
  id: required('id', code(/^A\d{2,3}$/, 'A01')),
  series: required('series', code(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'hebei-bt-projects')),
  scopeAdcode: required('scope_adcode', adcode),
  scopePlatformId: optional('scope_platform_id', platformId),
  from: required('from', oneOf(ORIGINS, 'from')),
  periodStart: required('period_start', year),
  periodEnd: required('period_end', year),
  periodNote: optional('period_note', text),
  periodNoteZh: optional('period_note_zh', text),
  basis: required('basis', oneOf(AGGREGATE_BASES, 'basis')),
  value: required('value', amount),
  unit: required('unit', oneOf(UNITS, 'unit')),
  bound: required('bound', oneOf(BOUNDS, 'bound')),
  labelZh: required('label_zh', text),
  labelEn: required('label_en', text),
  sourceIds: required('source_ids', list(sourceId)),
  confidence: required('confidence', oneOf(CONFIDENCES, 'confidence')),
};

const TIMELINE: Schema<TimelineEvent> = {
  id: required('id', code(/^T\d{2}$/, 'T01')),
  date: required('date', dateOrRange),
  adcode: required('adcode', adcode),
  lon: required('lon', lon),
  lat: required('lat', lat),
  pointEstimated: required('point_estimated', yesNo),
  coordNote: optional('coord_note', text),
  titleZh: required('title_zh', text),
  titleEn: required('title_en', text),
  summaryZh: required('summary_zh', shortText(SUMMARY_MAX)),
  summaryEn: required('summary_en', shortText(SUMMARY_MAX)),
  sourceIds: required('source_ids', list(sourceId)),
  confidence: required('confidence', oneOf(CONFIDENCES, 'confidence')),
};

// ---------------------------------------------------------------------------------------------
// Row rules that span several cells

type Report = (column: string, reason: string) => void;
type Rules<R> = (row: Partial<R>, ctx: ValidationContext, report: Report) => void;

interface ReadRow<R> {
  line: number;
  /** The cells that passed their checks. */
  value: Partial<R>;
  ok: boolean;
}

/** Rules that compare rows with each other; `report` marks the row at `line` as bad. */
type TableRules<R> = (rows: readonly ReadRow<R>[], report: (line: number, column: string, reason: string) => void) => void;

/** Is `inner` the same unit as `outer`, or inside it? */
function within(g: Gazetteer, inner: Adcode, outer: Adcode): boolean {
  return inner === outer || g.prefectureOf(inner) === outer || g.provinceOf(inner) === outer;
}

function describePoint(g: Gazetteer, code: Adcode, lonValue: number, latValue: number): string {
  const name = g.name(code);
  return `point (${lonValue}, ${latValue}) is outside ${code}${name ? ` ${name}` : ''}`;
}

function checkPoint(
  row: { adcode?: Adcode | null; lon?: number | null; lat?: number | null },
  ctx: ValidationContext,
  report: Report,
): void {
  const { adcode: code, lon: x, lat: y } = row;
  if (code == null || x == null || y == null) return;
  if (!ctx.gazetteer.contains(code, [x, y])) report('lon,lat', describePoint(ctx.gazetteer, code, x, y));
}

/** Platform `ref` lies in `code` or `code` lies in it (or in one of its area units). */
function platformMatches(g: Gazetteer, ref: PlatformRef, code: Adcode): boolean {
  return [ref.adcode, ...ref.areaAdcodes].some((a) => within(g, a, code) || within(g, code, a));
}

function checkPlatformPlace(
  id: string | null | undefined,
  code: Adcode | undefined,
  column: string,
  ctx: ValidationContext,
  report: Report,
): void {
  if (id == null || code === undefined) return;
  const ref = ctx.platforms?.get(id);
  if (!ref || platformMatches(ctx.gazetteer, ref, code)) return;
  const area = ref.areaAdcodes.length > 0 ? `, area ${ref.areaAdcodes.join(';')}` : '';
  report(column, `${column} ${code} does not contain platform ${id} (adcode ${ref.adcode}${area})`);
}

function checkPeriod(
  row: { periodStart?: number; periodEnd?: number; basis?: string },
  preStrategy: boolean | undefined,
  ctx: ValidationContext,
  report: Report,
): void {
  const check = (column: string, y: number | undefined): void => {
    if (y === undefined) return;
    if (y > ctx.currentYear) report(column, `year ${y} is after the current year (${ctx.currentYear})`);
    else if (preStrategy === true && y < EARLIEST_YEAR) report(column, `year ${y} is before ${EARLIEST_YEAR}`);
    else if (preStrategy !== true && y < STRATEGY_YEAR) {
      const hint = preStrategy === false ? ' (earlier events need pre_strategy=yes)' : '';
      report(column, `year ${y} is before ${STRATEGY_YEAR}${hint}`);
    }
  };
  check('period_start', row.periodStart);
  check('period_end', row.periodEnd);
  const { periodStart: start, periodEnd: end } = row;
  if (start === undefined || end === undefined) return;
  if (start > end) report('period_start', `period_start ${start} is after period_end ${end}`);
  else if ((row.basis === 'annual' || row.basis === 'partial') && start !== end) {
    report('period_end', `basis=${row.basis} is one calendar year, but the period is ${start}–${end}`);
  }
}

const platformRules: Rules<Platform> = (row, ctx, report) => {
  checkPoint(row, ctx, report);
  if (row.category != null && row.tier !== undefined && row.tier !== 'specialised-46') {
    report('category', `category is only for tier specialised-46 (this platform is ${row.tier})`);
  }
};

const FIGURES = ['projects', 'investmentCny100m', 'investmentUsdM', 'firms', 'merchants'] as const;

const flowRules: Rules<Flow> = (row, ctx, report) => {
  checkPeriod(row, row.preStrategy, ctx, report);
  if (row.preStrategy === true && row.periodStart !== undefined && row.periodStart > STRATEGY_YEAR) {
    report('pre_strategy', `pre_strategy=yes but the period starts in ${row.periodStart}, after the Feb ${STRATEGY_YEAR} strategy`);
  }
  if (FIGURES.every((k) => row[k] === null)) {
    report('(figures)', 'no figure: fill projects, investment_cny_100m, investment_usd_m, firms or merchants (a single relocation has firms=1)');
  }
  if (row.investmentType != null && row.investmentCny100m === null && row.investmentUsdM === null) {
    report('investment_type', 'investment_type is set but there is no investment figure');
  }
  const origin = row.originAdcode;
  if (origin !== undefined) {
    const province = ctx.gazetteer.provinceOf(origin);
    const name = ctx.gazetteer.name(origin);
    const named = `origin ${origin}${name ? ` ${name}` : ''}`;
    if (ctx.origins === 'beijing-tianjin' && province !== PROVINCES.beijing && province !== PROVINCES.tianjin) {
      report('origin_adcode', `${named} is not in Beijing or Tianjin (the published flows are moves out of Beijing and Tianjin)`);
    } else if (province !== PROVINCES.beijing && province !== PROVINCES.tianjin && province !== PROVINCES.hebei) {
      report('origin_adcode', `${named} is not in Beijing, Tianjin or Hebei`);
    }
  }
  checkPlatformPlace(row.destinationPlatformId, row.destinationAdcode, 'destination_adcode', ctx, report);
};

const aggregateRules: Rules<Aggregate> = (row, ctx, report) => {
  checkPeriod(row, undefined, ctx, report);
  checkPlatformPlace(row.scopePlatformId, row.scopeAdcode, 'scope_adcode', ctx, report);
};

/** What every row of one aggregates series must share ("rows of different series are never combined"). */
const SERIES_DEFINITION = [
  ['unit', 'unit'],
  ['scopeAdcode', 'scope_adcode'],
  ['scopePlatformId', 'scope_platform_id'],
  ['from', 'from'],
] as const;

/** Yearly and part-year figures may share a series; running and multi-year totals have their own. */
const basisKind = (basis: Aggregate['basis']): string => (basis === 'partial' ? 'annual' : basis);

const aggregateTableRules: TableRules<Aggregate> = (rows, report) => {
  const first = new Map<string, ReadRow<Aggregate>>();
  for (const row of rows) {
    const { series } = row.value;
    if (series === undefined) continue;
    const f = first.get(series);
    if (!f) {
      first.set(series, row);
      continue;
    }
    for (const [key, column] of SERIES_DEFINITION) {
      const [a, b] = [f.value[key], row.value[key]];
      if (a !== undefined && b !== undefined && a !== b) {
        report(row.line, column, `series ${series} has ${column} ${a ?? '(empty)'} on line ${f.line} but ${b ?? '(empty)'} here: one series, one definition`);
      }
    }
    const [a, b] = [f.value.basis, row.value.basis];
    if (a !== undefined && b !== undefined && basisKind(a) !== basisKind(b)) {
      report(row.line, 'basis', `series ${series} has basis ${a} on line ${f.line} but ${b} here: running totals, multi-year totals and yearly figures are separate series`);
    }
  }
};

const timelineRules: Rules<TimelineEvent> = (row, ctx, report) => {
  checkPoint(row, ctx, report);
  const y = row.date === undefined ? undefined : Number(row.date.slice(0, 4));
  if (y !== undefined && y < EARLIEST_YEAR) report('date', `date ${row.date} is before ${EARLIEST_YEAR}`);
};

// ---------------------------------------------------------------------------------------------
// Tables

function validateTable<R extends { id: string }>(
  table: Table,
  schema: Schema<R>,
  rules: Rules<R> | undefined,
  ctx: ValidationContext,
  tableRules?: TableRules<R>,
): Validated<R> {
  const { file } = table;
  const errors: RowError[] = [...table.errors];
  const lines = new Map<string, number>();
  const records: R[] = [];
  const keys = Object.keys(schema) as (keyof R & string)[];
  const columns = keys.map((key) => ({ key, column: schema[key] as Column<unknown> }));
  const known = new Set(columns.map((c) => c.column.name));

  // Header
  const index = new Map<string, number>();
  if (table.header.length > 0) {
    table.header.forEach((name, i) => {
      const report = (reason: string): void => {
        errors.push({ file, line: 1, column: /^[\w-]+$/.test(name) ? name : `column ${i + 1} ${show(name)}`, reason });
      };
      if (name === '') report('empty column name');
      else if (index.has(name)) report('duplicate column');
      else if (!known.has(name)) report(`unknown column (expected: ${[...known].join(', ')})`);
      else index.set(name, i);
    });
    for (const { column } of columns) {
      if (column.required && !index.has(column.name)) errors.push({ file, line: 1, column: column.name, reason: 'missing required column' });
    }
  }
  const complete = columns.every(({ column }) => !column.required || index.has(column.name));

  // Rows
  const read: ReadRow<R>[] = table.rows.map((row) => {
    const before = errors.length;
    const report: Report = (column, reason) => errors.push({ file, line: row.line, column, reason });
    const value = readRow(columns, index, row, ctx, report);
    if (value.id !== undefined) {
      const first = lines.get(value.id);
      if (first !== undefined) report('id', `duplicate id ${value.id} (first on line ${first})`);
      else lines.set(value.id, row.line);
    }
    rules?.(value, ctx, report);
    return { line: row.line, value, ok: errors.length === before };
  });

  // Rules across rows
  if (tableRules) {
    const byLine = new Map(read.map((r) => [r.line, r]));
    tableRules(read, (line, column, reason) => {
      errors.push({ file, line, column, reason });
      const r = byLine.get(line);
      if (r) r.ok = false;
    });
    errors.sort((a, b) => a.line - b.line);
  }
  if (complete) for (const r of read) if (r.ok) records.push(r.value as R);
  return { records, errors, lines };
}

function readRow<R>(
  columns: readonly { key: keyof R & string; column: Column<unknown> }[],
  index: ReadonlyMap<string, number>,
  row: Row,
  ctx: ValidationContext,
  report: Report,
): Partial<R> {
  const out: Record<string, unknown> = {};
  for (const { key, column } of columns) {
    const at = index.get(column.name);
    const cell = at === undefined ? '' : (row.cells[at] ?? '');
    if (cell.trim() === '') {
      if (column.required) {
        if (at !== undefined) report(column.name, 'missing required field');
      } else out[key] = column.empty();
      continue;
    }
    let value: unknown;
    try {
      value = column.check(cell, ctx);
    } catch (e) {
      value = new Invalid(`could not be checked (${e instanceof Error ? e.message : String(e)})`);
    }
    if (value instanceof Invalid) report(column.name, value.reason);
    else out[key] = value;
  }
  return out as Partial<R>;
}

export function validateSources(table: Table, ctx: ValidationContext): Validated<Source> {
  return validateTable(table, SOURCES, undefined, ctx);
}

export function validatePlatforms(table: Table, ctx: ValidationContext): Validated<Platform> {
  return validateTable(table, PLATFORMS, platformRules, ctx);
}

export function validateFlows(table: Table, ctx: ValidationContext): Validated<Flow> {
  return validateTable(table, FLOWS, flowRules, ctx);
}

export function validateAggregates(table: Table, ctx: ValidationContext): Validated<Aggregate> {
  return validateTable(table, AGGREGATES, aggregateRules, ctx, aggregateTableRules);
}

export function validateTimeline(table: Table, ctx: ValidationContext): Validated<TimelineEvent> {
  return validateTable(table, TIMELINE, timelineRules, ctx);
}

/** The CSV columns of each table, in contract order (for templates and the upload UI). */
export const COLUMNS: { readonly [K in TableName]: readonly { name: string; required: boolean }[] } = {
  sources: columnsOf(SOURCES),
  platforms: columnsOf(PLATFORMS),
  flows: columnsOf(FLOWS),
  aggregates: columnsOf(AGGREGATES),
  timeline: columnsOf(TIMELINE),
};

function columnsOf<R>(schema: Schema<R>): { name: string; required: boolean }[] {
  return Object.values<Column<unknown>>(schema).map(({ name, required: isRequired }) => ({ name, required: isRequired }));
}

// ---------------------------------------------------------------------------------------------
// All tables together

export interface TableInput {
  /** Name used in error messages, e.g. `data/flows.csv`. */
  file: string;
  text: string;
}

export interface TableInputs {
  sources: TableInput;
  platforms: TableInput;
  flows: TableInput;
  aggregates: TableInput;
  /** Optional: no timeline file means no timeline events. */
  timeline?: TableInput;
}

export interface Validation {
  tables: Tables;
  /** Sorted by file (in table order) and line. */
  errors: RowError[];
  lines: { readonly [K in TableName]: ReadonlyMap<string, number> };
}

/**
 * Parses and validates every table, resolving references between them: a row that points at
 * an id declared by an invalid row is not reported again (the invalid row is).
 */
export function validateTables(
  inputs: TableInputs,
  context: Pick<ValidationContext, 'gazetteer' | 'currentYear' | 'places'>,
): Validation {
  // The tables are the published data: flows start in Beijing or Tianjin.
  const ctx: ValidationContext = { gazetteer: context.gazetteer, origins: 'beijing-tianjin', currentYear: context.currentYear, ...(context.places ? { places: context.places } : {}) };
  const sources = validateSources(parseTable(inputs.sources.text, inputs.sources.file), ctx);
  ctx.sourceIds = new Set(sources.lines.keys());
  const platforms = validatePlatforms(parseTable(inputs.platforms.text, inputs.platforms.file), ctx);
  const byId = new Map(platforms.records.map((p) => [p.id, p]));
  ctx.platforms = new Map([...platforms.lines.keys()].map((id) => [id, byId.get(id) ?? null]));
  const flows = validateFlows(parseTable(inputs.flows.text, inputs.flows.file), ctx);
  const aggregates = validateAggregates(parseTable(inputs.aggregates.text, inputs.aggregates.file), ctx);
  const timeline = inputs.timeline
    ? validateTimeline(parseTable(inputs.timeline.text, inputs.timeline.file), ctx)
    : { records: [], errors: [], lines: new Map<string, number>() };
  const files = [inputs.sources, inputs.platforms, inputs.flows, inputs.aggregates, inputs.timeline].flatMap((t) => (t ? [t.file] : []));
  return {
    tables: {
      sources: sources.records,
      platforms: platforms.records,
      flows: flows.records,
      aggregates: aggregates.records,
      timeline: timeline.records,
    },
    errors: sortErrors([...sources.errors, ...platforms.errors, ...flows.errors, ...aggregates.errors, ...timeline.errors], files),
    lines: {
      sources: sources.lines,
      platforms: platforms.lines,
      flows: flows.lines,
      aggregates: aggregates.lines,
      timeline: timeline.lines,
    },
  };
}
