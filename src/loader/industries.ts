/**
 * Industry cells → the site's industries (src/data/vocab.ts). A cell is read as (first rule that
 * applies): an id (`pharma`); a label of the page's dictionaries (医药, Pharmaceuticals); a
 * synonym of data/names/industry-names.csv (钢铁 → materials, 总部 → hq-admin, big data → data-centre);
 * a code or name of the national classification GB/T 4754-2017 (`C27`, `27`, `2710`,
 * `C27 医药制造业`, `F51 批发业`, `医药制造业`) by the longest code in data/names/industry-gbt4754.csv;
 * the same without a trailing 产业/行业/业 (钢铁产业 → 钢铁). Anything else is unknown (null),
 * never guessed. Empty is `other`. Pure: the tables come in as text.
 */
import { csvParseRows } from 'd3-dsv';
import { INDUSTRIES, isOneOf } from '../data/vocab.ts';
import { clean, matchKey } from '../data/text.ts';
import type { Industry } from '../data/types.ts';

export interface IndustryTables {
  /** Industry id → labels from the page's dictionaries. */
  labels?: Readonly<Record<string, readonly string[]>>;
  /** data/names/industry-names.csv. */
  names?: string;
  /** data/names/industry-gbt4754.csv. */
  codes?: string;
}

export interface IndustryMatch {
  id: Industry;
  /** The GB/T 4754 entry used, e.g. "C27 医药制造业". */
  via: string | null;
}

export interface IndustryReader {
  /** null: unknown. */
  read(cell: string): IndustryMatch | null;
}

function table(text: string | undefined, header: string): string[][] {
  if (!text) return [];
  const [head, ...rows] = csvParseRows(text.replace(/^\uFEFF/, '').trim());
  if (!head || head.join() !== header) throw new Error(`industry table: header must be ${header}`);
  return rows;
}

const GBT = /^([a-t])?\s*(\d{2,4})?\s*(.*)$/iu;
const SECTION_OF: ReadonlyArray<[string, number, number]> = [
  ['A', 1, 5], ['B', 6, 12], ['C', 13, 43], ['D', 44, 46], ['E', 47, 50], ['F', 51, 52], ['G', 53, 60], ['H', 61, 62], ['I', 63, 65], ['J', 66, 69],
  ['K', 70, 70], ['L', 71, 72], ['M', 73, 75], ['N', 76, 79], ['O', 80, 82], ['P', 83, 83], ['Q', 84, 85], ['R', 86, 90], ['S', 91, 96], ['T', 97, 97],
];

/** The section letter of a 2-digit division (27 → C). */
export function sectionOf(division: number): string | undefined {
  return SECTION_OF.find(([, a, b]) => division >= a && division <= b)?.[0];
}

export function industryReader(t: IndustryTables = {}): IndustryReader {
  const byName = new Map<string, Industry>();
  for (const id of INDUSTRIES) {
    byName.set(matchKey(id), id);
    for (const label of t.labels?.[id] ?? []) byName.set(matchKey(label), id);
  }
  for (const [name = '', id = ''] of table(t.names, 'name,industry')) {
    if (!isOneOf(INDUSTRIES, id)) throw new Error(`industry-names: unknown industry ${id}`);
    byName.set(matchKey(name), id);
  }
  const byCode = new Map<string, { id: Industry; label: string }>();
  const byGbName = new Map<string, { id: Industry; label: string }>();
  for (const [code = '', name = '', id = ''] of table(t.codes, 'code,name_zh,industry')) {
    if (!isOneOf(INDUSTRIES, id)) throw new Error(`industry-gbt4754: unknown industry ${id}`);
    const section = /^[A-T]$/.test(code) ? code : sectionOf(Number(code.slice(0, 2)));
    const entry = { id, label: `${/^[A-T]$/.test(code) ? code : `${section ?? ''}${code}`} ${name}` };
    byCode.set(code, entry);
    byGbName.set(matchKey(name), entry);
  }

  const gbt = (cell: string): IndustryMatch | null => {
    const m = GBT.exec(cell);
    if (!m) return null;
    const [, letter, digits, rest = ''] = m;
    if (digits) {
      // The section letter, when given, must be the division's.
      if (letter && sectionOf(Number(digits.slice(0, 2)))?.toUpperCase() !== letter.toUpperCase()) return null;
      for (let n = digits.length; n >= 2; n--) {
        const e = byCode.get(digits.slice(0, n));
        if (e) return { id: e.id, via: e.label };
      }
      return null;
    }
    if (letter && rest.trim() === '') {
      const e = byCode.get(letter.toUpperCase());
      return e ? { id: e.id, via: e.label } : null;
    }
    if (letter && byGbName.has(matchKey(rest))) {
      const e = byGbName.get(matchKey(rest))!;
      return { id: e.id, via: e.label };
    }
    return null;
  };

  const cache = new Map<string, IndustryMatch | null>();
  const readUncached = (raw: string): IndustryMatch | null => {
    const cell = clean(raw);
    if (cell === '') return { id: 'other', via: null };
    const key = matchKey(cell);
    const named = byName.get(key);
    if (named) return { id: named, via: null };
    const coded = gbt(cell);
    if (coded) return coded;
    const gbName = byGbName.get(key);
    if (gbName) return { id: gbName.id, via: gbName.label };
    const stripped = key.replace(/(?:产业链|产业|行业|业)$/u, '');
    if (stripped !== key && Array.from(stripped).length >= 2) {
      const s = byName.get(stripped);
      if (s) return { id: s, via: null };
    }
    return null;
  };
  return {
    read(cell) {
      let m = cache.get(cell);
      if (m === undefined) {
        m = cell.length > 200 ? null : readUncached(cell);
        if (cache.size < 10_000) cache.set(cell, m);
      }
      return m;
    },
  };
}
