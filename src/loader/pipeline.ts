/**
 * The loader's pipeline, shared by the Web Worker (./worker.ts) and the unit tests:
 *
 *   bytes ─(decode.ts: UTF-8 / GB18030 / UTF-16, binary refused)─► text
 *         ─(split.ts: pieces ending on a record boundary; pieces.ts: parseTable, src/data/csv.ts)
 *         ─(mapping.ts: columns, names → adcodes, defaults)─► contract rows
 *         ─(src/data/validate.ts, the build's validator, in batches)─► records + RowErrors
 *         ─(duplicates, figures > 10^12, placeFlow)─► placed flows / platforms
 *
 * Streaming and row by row: memory holds one piece of text at a time plus the kept records; the
 * error list keeps the first `maxErrors` errors and counts the rest. Total: any input gives a
 * result (a fatal message, or records and row errors), never an exception.
 */
import type { RowError } from '../data/errors.ts';
import type { Gazetteer } from '../data/gazetteer.ts';
import { placeFlow, type PlacedFlow } from '../data/dataset.ts';
import type { Flow, Platform } from '../data/types.ts';
import { validateFlows, validatePlatforms, type ValidationContext } from '../data/validate.ts';
import { NotText, WrongEncoding, sniff, textDecoder, type Encoding } from './decode.ts';
import { makePlan, type DefaultEntry, type Form, type MappingEntry, type NotedValue, type Plan, type PlanOptions, type UnknownValue } from './mapping.ts';
import type { PlaceIndex } from './places.ts';
import { USER_SOURCE_ID } from './source.ts';
import { createSplitter } from './split.ts';
import { LIMITS, limitMessage } from './limits.ts';
import { createErrorLog } from './errorLog.ts';
import { createDuplicates } from './duplicates.ts';
import { createPieceReader } from './pieces.ts';

export interface LoadOptions extends PlanOptions {
  gazetteer: Gazetteer;
  places: PlaceIndex;
  currentYear: number;
  /** Published platforms: flows may end at one (destination_platform_id). */
  platforms: readonly Platform[];
  /** Errors kept for the preview (the rest are counted). */
  maxErrors?: number;
  /** Good rows kept for the preview's sample. */
  sampleSize?: number;
  /** For an Excel workbook: the sheet to read (null: the first). */
  sheet?: string | null;
}

/** Figures above this are refused (no transfer figure comes near it; it catches pasted IDs and typos). */
export const MAX_FIGURE = 1e12;
const BATCH = 900;
/** Unknown and noted values listed in the preview, at most (the most frequent). */
export const MAX_LISTED = 300;

export interface SampleRow {
  line: number;
  flow?: PlacedFlow;
  platform?: Platform;
}

export interface Preview {
  file: string;
  bytes: number;
  /** The text's encoding; `xlsx` for an Excel workbook. */
  encoding: Encoding | 'xlsx' | null;
  /** An Excel workbook's sheets, and the one read. */
  sheets: string[];
  sheet: string | null;
  /** A problem with the whole file: nothing can be drawn. */
  fatal: Fatal | null;
  /** Needed columns the header lacks (with `fatal`). */
  missing: string[];
  table: 'flows' | 'platforms' | null;
  form: Form | null;
  entries: MappingEntry[];
  defaults: DefaultEntry[];
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows that will be drawn. */
  good: number;
  /** Rows with at least one error. */
  bad: number;
  duplicates: number;
  errors: RowError[];
  /** All errors, including those not kept in `errors`. */
  errorCount: number;
  sample: SampleRow[];
  /** Platform rows whose id is also a published platform's (left out when joining). */
  collisions: Array<{ line: number; id: string }>;
  /** Values no rule recognised (places, industries), most frequent first: the user may map them. */
  unknowns: UnknownValue[];
  /** Values read through a note (historic names, zones, platforms, GB/T 4754 codes). */
  noted: NotedValue[];
  ms: number;
}

export type FatalKind = 'empty' | 'no-header' | 'missing' | 'no-rows' | 'binary' | 'unreadable' | 'limit';

export interface Fatal {
  kind: FatalKind;
  /** For `binary`, `unreadable` and `limit`: what the file is, or what went wrong (English). */
  detail?: string;
}

export interface Loaded {
  preview: Preview;
  flows: PlacedFlow[];
  platforms: Platform[];
}

const FIGURES = [
  ['projects', 'projects'],
  ['investmentCny100m', 'investment_cny_100m'],
  ['investmentUsdM', 'investment_usd_m'],
  ['firms', 'firms'],
  ['merchants', 'merchants'],
] as const;

function longestCell(cells: readonly string[]): number {
  let max = 0;
  for (const c of cells) if (c.length > max) max = c.length;
  return max;
}


export interface Session {
  /** Decoded text, in any pieces. */
  push(text: string): void;
  /** True once the file cannot be used at all (reading can stop). */
  readonly stopped: boolean;
  /** Data rows read so far. */
  rows(): number;
  finish(bytes: number, encoding: Encoding | 'xlsx' | null): Loaded;
}

export function createSession(o: LoadOptions): Session {
  const started = performance.now();
  const maxErrors = o.maxErrors ?? 1000;
  const sampleSize = o.sampleSize ?? 20;
  const file = o.file;
  const splitter = createSplitter();
  const vctx: ValidationContext = {
    gazetteer: o.gazetteer,
    // A planner's own file: moves may start anywhere in the region (Hebei → Beijing, Hebei → Hebei).
    origins: 'region',
    places: o.places,
    currentYear: o.currentYear,
    platforms: new Map(o.platforms.map((p) => [p.id, p])),
  };
  const platformById = new Map(o.platforms.map((p) => [p.id, p]));
  const published = new Set(o.platforms.map((p) => p.id));

  let plan: Plan | null = null;
  let fatal: Fatal | null = null;
  let missing: string[] = [];
  let header: readonly string[] = [];
  const pieces = createPieceReader(file);

  const log = createErrorLog(maxErrors);
  const { report, publish } = log;
  let good = 0;
  let duplicates = 0;
  const flows: PlacedFlow[] = [];
  const platforms: Platform[] = [];
  const sample: SampleRow[] = [];
  const collisions: Array<{ line: number; id: string }> = [];
  const ids = new Map<string, number>();
  let batch: Array<{ line: number; cells: string[]; raw: readonly string[]; pre: ReadonlyArray<{ column: string; reason: string }> }> = [];


  // Shared objects: every loaded flow points to the same source list, and flows with the same
  // end points share their Place objects (fewer objects for the worker's heap and for the copy
  // sent to the page: structured clone keeps the sharing).
  const sourceIds = [USER_SOURCE_ID];
  const placesSeen = new Map<number | string, PlacedFlow['origin']>();
  const sharedPlace = (p: PlacedFlow['origin']) => {
    const k = p.pointSource === 'label' ? p.adcode : `${p.adcode},${p.lon},${p.lat}`;
    const known = placesSeen.get(k);
    if (known) return known;
    placesSeen.set(k, p);
    return p;
  };
  const flowCopies = createDuplicates<PlacedFlow | Platform>(flows);
  const platformCopies = createDuplicates<PlacedFlow | Platform>(platforms);

  const keep = (line: number, key: string, record: Flow | Platform, kind: 'flow' | 'platform'): void => {
    let item: PlacedFlow | Platform;
    if (kind === 'flow') {
      // The validator's record is ours: set the loader's id and source, then place it (one copy).
      const flow = record as Flow;
      flow.id = `U${line}`;
      flow.sourceIds = sourceIds;
      const placed = placeFlow(flow, platformById, o.gazetteer);
      if ('reason' in placed) {
        report({ file, line, column: plan!.columnName(placed.column), reason: placed.reason });
        return;
      }
      placed.origin = sharedPlace(placed.origin);
      placed.destination = sharedPlace(placed.destination);
      item = placed;
    } else item = { ...(record as Platform), sourceIds };
    const list: Array<PlacedFlow | Platform> = kind === 'flow' ? flows : platforms;
    const copies = kind === 'flow' ? flowCopies : platformCopies;
    const first = copies.find(key, item);
    if (first !== undefined) {
      duplicates++;
      const firstLine = kind === 'flow' ? Number((list[first] as PlacedFlow).id.slice(1)) : (ids.get((list[first] as Platform).id) ?? 0);
      report({ file, line, column: '(row)', reason: `duplicate row: the same as line ${firstLine}` });
      return;
    }
    copies.add(key, list.length);
    if (kind === 'flow') flows.push(item as PlacedFlow);
    else {
      platforms.push(item as Platform);
      if (published.has(item.id)) collisions.push({ line, id: item.id });
    }
    if (sample.length < sampleSize) sample.push(kind === 'flow' ? { line, flow: item as PlacedFlow } : { line, platform: item as Platform });
    good++;
  };

  const flush = () => {
    if (!plan || batch.length === 0) return publish();
    const p = plan;
    const rows = batch;
    batch = [];
    const isFlows = p.table === 'flows';
    if (isFlows) rows.forEach((r, i) => (r.cells[p.idIndex] = `F${100 + i}`));
    const table = { file, header: p.header, rows, errors: [] };
    const v = isFlows ? validateFlows(table, vctx) : validatePlatforms(table, vctx);
    const lineOf = v.lines;
    const bad = new Set<number>();
    const found = new Map<number, RowError[]>();
    for (const e of v.errors) {
      const list = found.get(e.line) ?? [];
      list.push({ ...e, column: e.column.split(',').map((c) => p.columnName(c)).join(',') });
      found.set(e.line, list);
    }
    // Each row's problems together: the loader's own first, then the validator's.
    for (const r of rows) {
      const later = found.get(r.line);
      if (r.pre.length === 0 && !later) continue;
      bad.add(r.line);
      const said = new Set<string>();
      for (const e of [...r.pre.map((x) => ({ file, line: r.line, ...x })), ...(later ?? [])]) {
        // A year column fills period_start and period_end: say its problem once.
        const k = `${e.column}\u0000${e.reason}`;
        if (!said.has(k)) report(e);
        said.add(k);
      }
    }
    if (!isFlows) {
      // Ids must be unique across batches too (the validator sees one batch at a time).
      for (const [id, line] of v.lines) {
        const first = ids.get(id);
        if (first !== undefined && first !== line) {
          bad.add(line);
          report({ file, line, column: p.columnName('id'), reason: `duplicate id ${id} (first on line ${first})` });
        } else ids.set(id, line);
      }
    }
    let at = 0; // records come in row order
    for (const record of v.records) {
      const line = lineOf.get(record.id)!;
      if (bad.has(line)) continue;
      if (isFlows) {
        const f = record as Flow;
        const big = FIGURES.find(([k]) => (f[k] ?? 0) > MAX_FIGURE);
        if (big) {
          report({ file, line, column: p.columnName(big[1]), reason: `${f[big[0]]} is too large (more than 10^12): check the number` });
          continue;
        }
      }
      while (rows[at]!.line !== line) at++;
      // Duplicates: rows with the same cells as written (confirmed on the records).
      keep(line, rows[at]!.raw.join('\u0001'), record, isFlows ? 'flow' : 'platform');
    }
    publish();
  };

  const piece = (text: string) => {
    if (fatal || text === '') return;
    const read = pieces.read(text);
    if (read.kind === 'fatal') {
      fatal = read.fatal;
      return;
    }
    if (read.kind === 'header') {
      header = read.header;
      const made = makePlan(header, o.places, o);
      if ('missing' in made) {
        fatal = { kind: 'missing' };
        missing = made.missing;
        return;
      }
      plan = made;
    }
    rowsOf(read.rows, read.errors);
  };


  let rowCount = 0;
  const parseError = (e: RowError) => {
    // A record with the wrong number of fields is a row that cannot be used.
    if (/^row has \d+ fields/.test(e.reason)) rowCount++;
    report(e);
  };
  const rowsOf = (rows: ReadonlyArray<{ line: number; cells: readonly string[] }>, parseErrors: readonly RowError[]) => {
    const p = plan!;
    let k = 0;
    for (const r of rows) {
      // Parse errors (quotes, field counts) in line order with the rows' own errors.
      while (k < parseErrors.length && parseErrors[k]!.line <= r.line) parseError(parseErrors[k++]!);
      rowCount++;
      const long = longestCell(r.cells);
      if (long > LIMITS.cellChars) {
        report({ file, line: r.line, column: '(row)', reason: limitMessage.cell(long) });
        continue;
      }
      const built = p.build(r.cells);
      batch.push({ line: r.line, cells: built.cells, raw: r.cells, pre: built.errors });
      if (batch.length >= BATCH) flush();
    }
    while (k < parseErrors.length) parseError(parseErrors[k++]!);
    flush();
  };

  let firstDone = false;
  /** A record longer than the limit: stop, and let go of what was buffered. */
  const tooLong = (buffered: number): boolean => {
    if (buffered <= LIMITS.lineChars) return false;
    fatal = { kind: 'limit', detail: limitMessage.line(pieces.nextLine()) };
    splitter.end();
    return true;
  };
  return {
    push(text) {
      if (fatal) return;
      const complete = splitter.push(text);
      if (complete) {
        piece(complete);
        firstDone = true;
      }
      if (!fatal) tooLong(splitter.buffered());
      if (!fatal && good > LIMITS.rows) fatal = { kind: 'limit', detail: limitMessage.rows() };
    },
    get stopped() {
      return fatal !== null;
    },
    rows: () => rowCount,
    finish(bytes, encoding) {
      const rest = fatal ? '' : splitter.end();
      if (!fatal && !tooLong(rest.length) && (rest !== '' || !firstDone)) {
        piece(rest);
        firstDone = true;
      }
      if (!fatal && good > LIMITS.rows) fatal = { kind: 'limit', detail: limitMessage.rows() };
      if (fatal) {
        // Nothing of a refused file is kept.
        flows.length = 0;
        platforms.length = 0;
        sample.length = 0;
        good = 0;
      }
      if (!fatal && !plan) fatal = { kind: 'empty' };
      if (!fatal && rowCount === 0) fatal = { kind: 'no-rows' };
      return {
        preview: {
          file,
          bytes,
          encoding,
          sheets: [],
          sheet: null,
          fatal,
          missing,
          table: plan?.table ?? null,
          form: plan?.form ?? null,
          entries: plan?.entries ?? header.map((column) => ({ column, target: null, note: 'unknown' as const })),
          defaults: plan?.defaults ?? [],
          rows: rowCount,
          good,
          bad: rowCount - good,
          duplicates,
          errors: log.errors,
          errorCount: log.count(),
          sample,
          collisions,
          unknowns: plan?.unknowns().slice(0, MAX_LISTED) ?? [],
          noted: plan?.noted().slice(0, MAX_LISTED) ?? [],
          ms: Math.round(performance.now() - started),
        },
        flows,
        platforms,
      };
    },
  };
}

/** Where the bytes come from: a Blob in the browser, an array in tests. */
export interface ByteSource {
  size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (s, e) => bytes.subarray(s, e) };
}

export interface LoadHooks {
  /** After each chunk: bytes read so far (of `total`) and rows so far. */
  progress?(bytes: number, total: number, rows: number): void;
  chunkSize?: number;
}

/**
 * Reads, decodes and checks a whole file, chunk by chunk. A file that turns out not to be UTF-8
 * is read again from the start as GB18030. Never throws for bad input.
 */
export async function loadBytes(src: ByteSource, o: LoadOptions, hooks: LoadHooks = {}): Promise<Loaded> {
  const chunk = hooks.chunkSize ?? 1 << 20;
  const failed = (fatal: Fatal, encoding: Encoding | 'xlsx' | null): Loaded => {
    const s = createSession(o);
    const loaded = s.finish(src.size, encoding);
    return { ...loaded, preview: { ...loaded.preview, fatal, missing: [], entries: [], rows: 0, good: 0, bad: 0, errors: [], errorCount: 0 } };
  };
  if (src.size === 0) return failed({ kind: 'empty' }, null);
  let encoding: Encoding;
  try {
    const first = await src.read(0, Math.min(src.size, 16));
    if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04) return await loadWorkbook(src, o, hooks, failed);
    encoding = sniff(first);
  } catch (e) {
    return failed(e instanceof NotText ? { kind: 'binary', detail: e.reason } : { kind: 'unreadable', detail: String(e) }, null);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    const session = createSession(o);
    const decoder = textDecoder(encoding);
    try {
      for (let offset = 0; offset < src.size && !session.stopped; offset += chunk) {
        const end = Math.min(src.size, offset + chunk);
        const bytes = await src.read(offset, end);
        session.push(decoder.decode(bytes, offset, end >= src.size));
        hooks.progress?.(end, src.size, session.rows());
      }
      return session.finish(src.size, encoding);
    } catch (e) {
      if (e instanceof WrongEncoding && attempt === 0) {
        encoding = e.next;
        continue;
      }
      if (e instanceof NotText) return failed({ kind: 'binary', detail: e.reason }, encoding);
      return failed({ kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) }, encoding);
    }
  }
  return failed({ kind: 'unreadable' }, encoding);
}

/**
 * An Excel workbook: its reader is loaded now (a chunk of its own, only for such files), the
 * chosen sheet becomes CSV text, and that goes through the same pipeline as a CSV file.
 */
async function loadWorkbook(src: ByteSource, o: LoadOptions, hooks: LoadHooks, failed: (f: Fatal, e: 'xlsx') => Loaded): Promise<Loaded> {
  let book: import('./xlsx.ts').Workbook;
  try {
    const { readWorkbook } = await import('./xlsx.ts');
    book = await readWorkbook(await src.read(0, src.size), o.sheet ?? null);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return failed({ kind: 'binary', detail: `this is a ZIP archive (an Excel .xlsx or OpenDocument .ods workbook?) that cannot be read as an Excel workbook: ${reason}` }, 'xlsx');
  }
  const session = createSession(o);
  const chunk = hooks.chunkSize ?? 1 << 20;
  for (let i = 0; i < book.csv.length && !session.stopped; i += chunk) {
    session.push(book.csv.slice(i, i + chunk));
    hooks.progress?.(Math.round((src.size * Math.min(book.csv.length, i + chunk)) / book.csv.length), src.size, session.rows());
  }
  const loaded = session.finish(src.size, 'xlsx');
  return { ...loaded, preview: { ...loaded.preview, sheets: book.sheets, sheet: book.sheet } };
}
