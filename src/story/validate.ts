/**
 * The guided story's steps (data/story.csv, columns in data/README.md): parsing and checking.
 * Pure (no Node APIs, no DOM) and total: errors are returned as `file:line: column: reason`
 * records, never thrown. Two levels:
 *
 *   - `parseStory(text, file)`: the file on its own (columns, step order, lengths, vocabularies,
 *     camera ranges). The browser uses it to read the steps.
 *   - `checkStory(steps, refs)`: against the other tables, as written in data/*.csv: every
 *     figure_refs id is a row of flows/aggregates/timeline/platforms, every source id is in
 *     sources.csv and is a source of a referenced row (or of the chart's rows), every number
 *     written in a title or caption appears in a referenced row, a chart names a series family
 *     with yearly figures. `storyErrors(story, inputs)` does both from the raw CSV texts (the
 *     data build and the unit test call it).
 */
import { parseTable, type Table } from '../data/csv.ts';
import type { RowError } from '../data/errors.ts';
import { INDUSTRIES, METRICS, TIERS } from '../data/vocab.ts';
import type { TableInput, TableInputs } from '../data/validate.ts';
import type { CameraView, Metric, TierId } from '../state/viewState.ts';

export const MIN_STEPS = 6;
export const MAX_STEPS = 10;
export const MAX_CAPTION = 220;
export const MAX_TITLE = 60;
/** The map's max bounds and zoom range (src/map/createMap.ts). */
const LON = [108.9, 126.1] as const;
const LAT = [33.8, 45.7] as const;
const ZOOM = [4.5, 12] as const;

export interface StoryStep {
  step: number;
  /** Physical line in story.csv (for error messages). */
  line: number;
  title: { zh: string; en: string };
  caption: { zh: string; en: string };
  /** Ids of rows in flows.csv, aggregates.csv, timeline.csv or platforms.csv. */
  figureRefs: string[];
  sourceIds: string[];
  /** Camera centre and zoom (as on a map about 800 × 560 px); null = the whole region. */
  view: CameraView | null;
  industry: string[];
  years: [number, number] | null;
  /** Adcode (as text) or platform id; null = nothing selected. */
  focus: string | null;
  metric: Metric;
  tier: TierId[];
  /** Aggregates series family drawn as a year-by-year chart in the card (e.g. `hebei-bt-projects`). */
  chart: string | null;
}

export const STORY_COLUMNS = [
  { name: 'step', required: true },
  { name: 'title_zh', required: true },
  { name: 'title_en', required: true },
  { name: 'caption_zh', required: true },
  { name: 'caption_en', required: true },
  { name: 'figure_refs', required: true },
  { name: 'source_ids', required: true },
  { name: 'lon', required: false },
  { name: 'lat', required: false },
  { name: 'zoom', required: false },
  { name: 'industry', required: false },
  { name: 'years', required: false },
  { name: 'focus', required: false },
  { name: 'metric', required: false },
  { name: 'tier', required: false },
  { name: 'chart', required: false },
] as const;
type Column = (typeof STORY_COLUMNS)[number]['name'];

const ROW_ID = /^[FATP]\d{2,3}$/;
const SOURCE_ID = /^S\d{3}$/;

const list = (v: string) => (v === '' ? [] : v.split(';'));

/** Parses story.csv on its own. Steps with an error are left out of `steps`. */
export function parseStory(text: string, file = 'data/story.csv'): { steps: StoryStep[]; errors: RowError[] } {
  const table = parseTable(text, file);
  const errors: RowError[] = [...table.errors];
  const err = (line: number, column: string, reason: string) => errors.push({ file, line, column, reason });
  const col = new Map(table.header.map((h, i) => [h, i]));
  for (const c of STORY_COLUMNS) if (!col.has(c.name)) err(1, c.name, 'missing column');
  for (const h of table.header) if (!STORY_COLUMNS.some((c) => c.name === h)) err(1, h, 'unknown column');
  if (STORY_COLUMNS.some((c) => !col.has(c.name))) return { steps: [], errors };

  const steps: StoryStep[] = [];
  table.rows.forEach((row, i) => {
    const before = errors.length;
    const cell = (c: Column) => (row.cells[col.get(c)!] ?? '').trim();
    const bad = (c: Column, reason: string) => err(row.line, c, reason);
    for (const c of STORY_COLUMNS) if (c.required && cell(c.name) === '') bad(c.name, 'required');

    const step = Number(cell('step'));
    if (cell('step') !== '' && cell('step') !== String(i + 1)) bad('step', `expected ${i + 1} (steps are numbered 1, 2, 3 … in file order), found "${cell('step')}"`);
    for (const c of ['caption_zh', 'caption_en'] as const) if (cell(c).length > MAX_CAPTION) bad(c, `${cell(c).length} characters, at most ${MAX_CAPTION}`);
    for (const c of ['title_zh', 'title_en'] as const) if (cell(c).length > MAX_TITLE) bad(c, `${cell(c).length} characters, at most ${MAX_TITLE}`);
    for (const c of ['title_zh', 'title_en', 'caption_zh', 'caption_en'] as const) {
      if (/[<>]/.test(cell(c))) bad(c, 'no markup: captions are shown as plain text');
    }

    const ids = (c: Column, re: RegExp, what: string) => {
      const items = list(cell(c));
      for (const id of items) if (!re.test(id)) bad(c, `"${id}" is not ${what} (lists are separated by ";" without spaces)`);
      if (new Set(items).size !== items.length) bad(c, 'an id is listed twice');
      return items;
    };
    const figureRefs = ids('figure_refs', ROW_ID, 'a row id (F…, A…, T…, P…)');
    const sourceIds = ids('source_ids', SOURCE_ID, 'a source id (S + 3 digits)');

    let view: CameraView | null = null;
    const cam = (['lon', 'lat', 'zoom'] as const).map((c) => cell(c));
    if (cam.some((v) => v !== '')) {
      if (cam.some((v) => v === '')) bad('lon', 'lon, lat and zoom are given together (or all left empty for the whole region)');
      else {
        const [lon, lat, zoom] = cam.map(Number) as [number, number, number];
        const range = (c: 'lon' | 'lat' | 'zoom', v: number, [lo, hi]: readonly [number, number]) => {
          if (!/^-?\d+(\.\d+)?$/.test(cell(c)) || v < lo || v > hi) bad(c, `"${cell(c)}" is not a number from ${lo} to ${hi}`);
        };
        range('lon', lon, LON);
        range('lat', lat, LAT);
        range('zoom', zoom, ZOOM);
        view = { lon, lat, zoom };
      }
    }

    const industry = list(cell('industry'));
    for (const v of industry) if (!(INDUSTRIES as readonly string[]).includes(v)) bad('industry', `unknown industry "${v}"`);

    let years: [number, number] | null = null;
    if (cell('years') !== '') {
      const m = /^(\d{4})(?:-(\d{4}))?$/.exec(cell('years'));
      const a = Number(m?.[1]);
      const b = Number(m?.[2] ?? m?.[1]);
      if (!m || a > b || a < 2000) bad('years', `"${cell('years')}" is not a year or a range like 2014-2017`);
      else years = [a, b];
    }

    const focus = cell('focus') || null;
    if (focus !== null && !/^(\d{6}|P\d{2,3})$/.test(focus)) bad('focus', `"${focus}" is not an adcode (6 digits) or a platform id`);

    const metric = (cell('metric') || 'projects') as Metric;
    if (!(METRICS as readonly string[]).includes(metric)) bad('metric', `unknown metric "${metric}" (${METRICS.join(', ')})`);

    const tier = list(cell('tier')) as TierId[];
    for (const v of tier) if (!(TIERS as readonly string[]).includes(v)) bad('tier', `unknown tier "${v}"`);

    const chart = cell('chart') || null;
    if (chart !== null && !/^[a-z0-9-]+$/.test(chart)) bad('chart', `"${chart}" is not a series id`);

    if (errors.length > before) return;
    steps.push({
      step,
      line: row.line,
      title: { zh: cell('title_zh'), en: cell('title_en') },
      caption: { zh: cell('caption_zh'), en: cell('caption_en') },
      figureRefs,
      sourceIds,
      view,
      industry,
      years,
      focus,
      metric,
      tier,
      chart,
    });
  });
  const n = table.rows.length;
  if (n < MIN_STEPS || n > MAX_STEPS) err(1, '(file)', `${n} steps; a story has ${MIN_STEPS} to ${MAX_STEPS}`);
  return { steps, errors };
}

// ---------------------------------------------------------------------------------------------
// Numbers in captions

/** "15,560", "1.63", "2014", "02": thousands separators removed, leading zeros dropped. */
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

export function numbersIn(text: string): string[] {
  return [...text.matchAll(NUMBER)].map((m) => String(Number(m[0].replace(/,/g, ''))));
}

/** Cells whose digits are identifiers or coordinates, not figures a caption could quote. */
const NOT_FIGURES = /^(id|source_ids|adcode|area_adcodes|\w+_adcode|lon|lat|\w*platform_id|coord_note|confidence|point_estimated)$/;

/** A referenced row as written in its CSV: `cells` by column name. */
export interface RefRow {
  table: 'flows' | 'aggregates' | 'timeline' | 'platforms';
  cells: Readonly<Record<string, string>>;
}

export interface StoryRefs {
  rows: ReadonlyMap<string, RefRow>;
  sourceIds: ReadonlySet<string>;
  /** Place codes a focus may name (origins, destinations and their prefectures). */
  adcodes: ReadonlySet<string>;
}

/** The numbers a caption may quote from a row: every number in its figure and text cells. */
export function rowNumbers(row: RefRow): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(row.cells)) if (!NOT_FIGURES.test(k)) for (const n of numbersIn(v)) out.add(n);
  return out;
}

const familyOf = (series: string) => series.replace(/-(cum|period)$/, '');

/** The aggregates rows drawn by a chart: the family's yearly series and its running/period totals. */
export function chartRows(chart: string, refs: StoryRefs): Array<[string, RefRow]> {
  return [...refs.rows].filter(([, r]) => r.table === 'aggregates' && familyOf(r.cells.series ?? '') === chart);
}

/** Checks the steps against the other tables (see the module comment). */
export function checkStory(steps: readonly StoryStep[], refs: StoryRefs, file = 'data/story.csv'): RowError[] {
  const errors: RowError[] = [];
  const tiers = new Map<string, string[]>();
  for (const [id, r] of refs.rows) if (r.table === 'platforms') tiers.set(r.cells.tier ?? '', [...(tiers.get(r.cells.tier ?? '') ?? []), id]);

  for (const s of steps) {
    const bad = (column: string, reason: string) => errors.push({ file, line: s.line, column, reason });
    const rows = s.figureRefs.map((id) => [id, refs.rows.get(id)] as const);
    for (const [id, r] of rows) if (!r) bad('figure_refs', `${id} is not a row of flows.csv, aggregates.csv, timeline.csv or platforms.csv`);
    const found = rows.flatMap(([, r]) => (r ? [r] : []));

    // Every number in the text is in a referenced row, or is the count of referenced platforms.
    const allowed = new Set<string>();
    for (const r of found) for (const n of rowNumbers(r)) allowed.add(n);
    const platforms = rows.filter(([, r]) => r?.table === 'platforms');
    if (platforms.length) allowed.add(String(platforms.length));
    for (const c of ['title_zh', 'title_en', 'caption_zh', 'caption_en'] as const) {
      const text = c.startsWith('title') ? s.title[c.slice(6) as 'zh' | 'en'] : s.caption[c.slice(8) as 'zh' | 'en'];
      const missing = [...new Set(numbersIn(text))].filter((n) => !allowed.has(n));
      if (missing.length) bad(c, `${missing.join(', ')} not found in the rows of figure_refs (${s.figureRefs.join(';')})`);
    }
    // Counting platforms of a tier means naming all of that tier.
    for (const [id, r] of platforms) {
      const tier = r!.cells.tier ?? '';
      const all = tiers.get(tier) ?? [];
      const absent = all.filter((p) => !s.figureRefs.includes(p));
      if (absent.length) bad('figure_refs', `${id} is of tier ${tier}: list every platform of that tier (missing ${absent.join(';')}) so that their count is complete`);
    }

    // Chart: a family of aggregates series with at least one yearly figure.
    const chart = s.chart ? chartRows(s.chart, refs) : [];
    if (s.chart && !chart.some(([, r]) => r.cells.basis === 'annual' || r.cells.basis === 'partial')) {
      bad('chart', `no yearly rows in aggregates.csv for series family "${s.chart}"`);
    }

    // Sources: known, and each a source of a referenced row or of the chart's rows.
    const cited = new Set([...found, ...chart.map(([, r]) => r)].flatMap((r) => (r.cells.source_ids ?? '').split(';')));
    for (const id of s.sourceIds) {
      if (!refs.sourceIds.has(id)) bad('source_ids', `${id} is not in sources.csv`);
      else if (!cited.has(id)) bad('source_ids', `${id} is not a source of the rows in figure_refs${s.chart ? ' or of the chart' : ''}`);
    }

    if (s.focus !== null) {
      const ok = /^P/.test(s.focus) ? refs.rows.get(s.focus)?.table === 'platforms' : refs.adcodes.has(s.focus);
      if (!ok) bad('focus', `${s.focus} is not a platform or a place of the flows`);
    }
  }
  return errors;
}

/** Rows of the other tables, as written, from their CSV texts. */
export function storyRefs(inputs: TableInputs): StoryRefs {
  const rows = new Map<string, RefRow>();
  const adcodes = new Set<string>();
  const sourceIds = new Set<string>();
  const read = (input: TableInput | undefined): Table | null => (input ? parseTable(input.text, input.file) : null);
  const each = (t: Table | null, fn: (cells: Record<string, string>) => void) => {
    if (!t) return;
    for (const r of t.rows) fn(Object.fromEntries(t.header.map((h, i) => [h, r.cells[i] ?? ''])));
  };
  each(read(inputs.sources), (c) => c.id && sourceIds.add(c.id));
  for (const table of ['flows', 'aggregates', 'timeline', 'platforms'] as const) {
    each(read(inputs[table]), (cells) => {
      if (cells.id) rows.set(cells.id, { table, cells });
      if (table === 'flows') {
        for (const code of [cells.origin_adcode, cells.destination_adcode]) {
          if (!code || !/^\d{6}$/.test(code)) continue;
          adcodes.add(code);
          // The prefecture (GB/T 2260: first four digits); Beijing and Tianjin are their own.
          adcodes.add(/^1[12]/.test(code) ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`);
        }
      }
    });
  }
  return { rows, sourceIds, adcodes };
}

/** Parse and check story.csv against the other tables (for the data build and tests). */
export function storyErrors(story: TableInput, inputs: TableInputs): RowError[] {
  const { steps, errors } = parseStory(story.text, story.file);
  return [...errors, ...checkStory(steps, storyRefs(inputs), story.file)];
}
