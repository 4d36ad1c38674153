/**
 * What the preview says about a checked file, as plain data: the pure half of the dialog's
 * preview (./dialog.ts draws it). Every text is final (translated, numbers formatted); text from
 * the file stays a separate field so that the DOM can isolate it (<bdi>). Bounded whatever the
 * file: at most MAX_COLUMNS_SHOWN columns and MAX_LISTED values are described.
 */
import { INDUSTRIES } from '../data/vocab.ts';
import type { Adcode, Industry } from '../data/types.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { Lang } from '../state/viewState.ts';
import type { UnknownValue } from './plan.ts';
import type { Preview } from './pipeline.ts';
import { COLUMN_TARGETS, type ColumnTarget } from './userMapping.ts';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Columns listed in the mapping table at most (a file may have thousands). */
export const MAX_COLUMNS_SHOWN = 200;
/** Unknown values offered for mapping at most. */
export const MAX_UNKNOWN_SHOWN = 50;

export interface PreviewModel {
  /** A note on the encoding, or null. */
  encoding: string | null;
  /** Nothing can be drawn: why. */
  fatal: string | null;
  summary: string | null;
  form: string | null;
  many: string | null;
  /** The mapping table: the user's column (file text) and what it is used as. */
  columns: Array<{ column: string; used: string }>;
  /** Columns not listed. */
  columnsMore: string | null;
  defaults: string | null;
  /** Columns no rule recognised: the user may map each. */
  unknownColumns: string[];
  /** Values no rule recognised, with their counts. */
  unknownValues: Array<UnknownValue & { rows: string; candidatesText: string | null }>;
  unknownMore: string | null;
  /** Values read through a note ("崇文区 → merged into …"), one line each. */
  noted: Array<{ value: string; text: string }>;
  notedTitle: string | null;
}

export function previewModel(p: Preview, lang: Lang, tr: Translate, formatNumber: (v: number) => string, placeName: (a: Adcode) => string): PreviewModel {
  const n = formatNumber;
  const encoding = p.encoding === 'gb18030' ? tr('loader.encoding.gb18030') : p.encoding === 'utf-16le' || p.encoding === 'utf-16be' ? tr('loader.encoding.utf16') : null;
  let fatal: string | null = null;
  if (p.fatal) {
    const f = p.fatal;
    fatal =
      f.kind === 'missing' && p.missing.length === 1 && p.missing[0] === 'year'
        ? tr('loader.fatal.missingYear')
        : f.kind === 'missing'
          ? tr('loader.fatal.missing', { cols: p.missing.join(', ') })
          : f.kind === 'binary' || f.kind === 'unreadable' || f.kind === 'limit'
            ? tr(`loader.fatal.${f.kind}`, { detail: f.detail ?? '' })
            : tr(`loader.fatal.${f.kind}`);
  }
  let summary: string | null = null;
  let form: string | null = null;
  let many: string | null = null;
  if (!p.fatal) {
    const parts = [tr('loader.summary', { file: p.file, rows: n(p.rows), good: n(p.good), bad: n(p.bad) })];
    if (p.duplicates) parts.push(tr('loader.duplicates', { n: n(p.duplicates) }));
    parts.push(tr('loader.time', { s: (p.ms / 1000).toFixed(1) }));
    summary = parts.join(' ');
    if (p.form) form = tr('loader.form', { form: tr(`loader.form.${p.form}`) });
    // Measured: 490,000 flows keep the page busy for about 5 s while the map and panels are computed.
    if (p.good > MANY) many = tr('loader.many', { n: n(p.good) });
  }
  const shown = p.entries.slice(0, MAX_COLUMNS_SHOWN);
  const columns = shown.map((e) => ({
    column: e.column,
    used: e.target
      ? `${e.target.replace(/,/g, ', ')}${e.note === 'names' ? ` (${tr('loader.note.names')}${e.detail ? `: ${e.detail}` : ''})` : e.detail ? ` (${e.detail})` : ''}`
      : tr(`loader.note.${e.note ?? 'unknown'}` as MessageKey),
  }));
  const columnsMore = p.entries.length > shown.length ? tr('loader.more', { n: n(p.entries.length - shown.length) }) : null;
  const defaults = p.defaults.length
    ? `${tr('loader.defaults')} ${p.defaults.map((d) => `${d.target.replace(/,/g, ', ')} = ${d.value === '' ? tr('loader.default.empty') : d.value}`).join('; ')}`
    : null;
  const unknownColumns = p.fatal && p.fatal.kind !== 'missing' ? [] : p.entries.filter((e) => e.note === 'unknown').slice(0, MAX_COLUMNS_SHOWN).map((e) => e.column);
  const values = p.unknowns.slice(0, MAX_UNKNOWN_SHOWN);
  const unknownValues = values.map((u) => ({
    ...u,
    rows: tr('loader.unknown.rows', { n: n(u.count) }),
    candidatesText: u.candidates.length ? tr('loader.unknown.candidates', { list: u.candidates.map((a) => `${a} ${placeName(a)}`).join(', ') }) : null,
  }));
  const unknownMore = p.unknowns.length > values.length ? tr('loader.unknown.more', { n: n(p.unknowns.length - values.length) }) : null;
  const noted = p.noted.slice(0, MAX_UNKNOWN_SHOWN).map((v) => {
    const note = v.place ? v.place[lang] : v.industry ? tr('loader.noted.industry', { via: v.industry.via, industry: tr(`industry.${v.industry.id}` as MessageKey) }) : '';
    return { value: v.value, text: tr('loader.noted.rows', { value: v.value, note, n: n(v.count) }) };
  });
  return {
    encoding,
    fatal,
    summary,
    form,
    many,
    columns,
    columnsMore,
    defaults,
    unknownColumns,
    unknownValues,
    unknownMore,
    noted,
    notedTitle: noted.length ? tr('loader.noted', { n: n(p.noted.length) }) : null,
  };
}

/** Above this many rows, the preview warns that drawing them takes a while. */
export const MANY = 100_000;

/** The choices for an unknown column, in order, with their labels. */
export function columnChoices(tr: Translate): Array<{ value: ColumnTarget | ''; label: string }> {
  return [{ value: '', label: tr('loader.unknown.none') }, ...COLUMN_TARGETS.map((c) => ({ value: c, label: tr(`loader.target.${c}` as MessageKey) }))];
}

/** The choices for an unknown industry. */
export function industryChoices(tr: Translate): Array<{ value: Industry | ''; label: string }> {
  return [{ value: '', label: tr('loader.unknown.none') }, ...INDUSTRIES.map((id) => ({ value: id, label: `${tr(`industry.${id}` as MessageKey)} (${id})` }))];
}

/** A unit a place may be mapped to. */
export interface PlaceOption {
  adcode: Adcode;
  nameZh: string;
  nameEn: string;
}

/** The text of a place option in the searchable list: "130600 保定市 Baoding". */
export const placeOptionText = (u: PlaceOption) => `${u.adcode} ${u.nameZh} ${u.nameEn}`;

/**
 * A typed place choice → an adcode: a known 6-digit adcode at the start ("130600 保定市 Baoding",
 * as the list offers it, or "130600"), or a unit's exact Chinese or English name; else null.
 */
export function placeChoice(text: string, units: readonly PlaceOption[]): Adcode | null {
  const v = text.normalize('NFKC').trim();
  const m = /^(\d{6})(?:\s|$)/.exec(v);
  if (m) return units.find((u) => u.adcode === Number(m[1]))?.adcode ?? null;
  if (v === '') return null;
  const lower = v.toLowerCase();
  const found = units.filter((u) => u.nameZh === v || u.nameEn.toLowerCase() === lower);
  return found.length === 1 ? found[0]!.adcode : null;
}
