/**
 * Numbers as people type them → the plain decimals the validator reads: `1,200`, full-width
 * digits (１２), a count with its word (`3家`, `12个`, `5项`), an amount with its unit (`1.2亿元`,
 * `500万元`), converted to the column's unit by moving the decimal point (never through a
 * float, so 500万元 is exactly 0.05 亿元). A cell that is none of these is passed on unchanged
 * for the validator to refuse with its reason (an unreadable number is a row error, never 0).
 * Pure.
 */
import { clean } from '../data/text.ts';

/** Powers of ten of money units, relative to 亿元 (100 million yuan). */
export const MONEY_UNITS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:亿元|亿|亿人民币|cny100m|100myuan|100mcny)$/u, 0],
  [/^(?:千万元|千万)$/u, -1],
  [/^(?:百万元|百万|cnym|myuan|millionyuan)$/u, -2],
  [/^(?:万元|万|10kyuan|10kcny)$/u, -4],
  [/^(?:元|yuan|cny|rmb)$/u, -8],
];

const COUNT_WORDS = /^(?:家|个|项|户|家企业|个项目|家商户|firms?|projects?|merchants?)$/u;

export type NumberKind = 'count' | 'money';

export interface NumberRead {
  /** The cell for the validator: a plain decimal when the cell could be read, else the cell as written. */
  text: string;
  /** A reason to refuse the cell before validation (a unit that does not fit the column). */
  error: string | null;
}

/** The power of ten of a money unit written in a header or a cell (null: not a money unit). */
export function moneyUnit(unit: string): number | null {
  const u = clean(unit).toLowerCase().replace(/[\s()（）]/gu, '');
  for (const [re, p] of MONEY_UNITS) if (re.test(u)) return p;
  return null;
}

/** Moves the decimal point of a plain decimal by `places` (negative: to the left). */
export function shiftDecimal(plain: string, places: number): string {
  if (places === 0) return plain;
  const [int = '0', frac = ''] = plain.split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const i = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const f = digits.slice(point).replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

/**
 * Reads one figure cell. `kind` is what the column holds; `places` the power of ten from the
 * header's unit to the column's (投资额（万元） → -4), used when the cell names no unit itself.
 */
export function readNumber(cell: string, kind: NumberKind, places = 0): NumberRead {
  const v = clean(cell);
  if (v === '') return { text: '', error: null };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(.*)$/u.exec(v);
  if (!m) return { text: cell, error: null };
  const plain = m[1]!.replace(/,/g, '') + (m[2] ?? '');
  const unit = m[3]!.trim();
  if (unit === '') return { text: shiftDecimal(plain, places), error: null };
  const money = moneyUnit(unit);
  if (money !== null) {
    if (kind === 'count') return { text: cell, error: `${JSON.stringify(v)} is an amount of money; this column counts` };
    return { text: shiftDecimal(plain, money), error: null };
  }
  if (COUNT_WORDS.test(unit.toLowerCase())) {
    if (kind === 'money') return { text: cell, error: `${JSON.stringify(v)} is a count; this column is an amount of money` };
    return { text: shiftDecimal(plain, places), error: null };
  }
  return { text: cell, error: null };
}
