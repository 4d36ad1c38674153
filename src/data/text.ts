/**
 * Text from files, for matching and for messages. Pure.
 *
 * - `matchKey`: what a name is compared by — NFKC (full-width letters and digits become ASCII),
 *   trimmed, lower case, without spaces, apostrophes, hyphens, dots and brackets: "Qian'an",
 *   "qianan" and "Ｑｉａｎ ａｎ" are one key. Invisible characters are kept, so a name with a
 *   zero-width space does not silently pass for the visible name.
 * - `visible`: control, format (bidirectional, zero-width) and other invisible characters written
 *   as `<U+200B>`, so an error message shows what is really in the cell and a right-to-left
 *   override cannot reverse the message around it.
 * - `quote`: a cell in an error message: visible, shortened, in quotes.
 */

/** Characters that do not show or that change the direction of the text around them. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0\ufffd]/gu;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const SEPARATORS = /[\s'’‘`´\-‐‑–—―.。·•・_()[\]{}（）【】〔〕「」『』《》〈〉"“”]/gu;

/** NFKC and trimmed: the form every cell is read in before it is matched. */
export function clean(s: string): string {
  return s.normalize('NFKC').trim();
}

/** The key a name is looked up by (see the module comment). */
export function matchKey(s: string): string {
  return clean(s).toLowerCase().replace(SEPARATORS, '');
}

/** Does the text contain a character that can reorder what is shown around it? */
export function hasBidiControl(s: string): boolean {
  return BIDI.test(s);
}

/** Does the text contain a character that does not show (control, format, zero-width)? Tabs and line breaks count. */
export function hasInvisible(s: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(s);
}

const hex = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** Invisible and direction-changing characters as `<U+XXXX>`. */
export function visible(s: string): string {
  return s.replace(INVISIBLE, hex);
}

/** A cell quoted for a message: at most `max` characters (code points), invisible ones shown. */
export function quote(s: string, max = 40): string {
  let out = s;
  if (s.length > max) {
    const points = Array.from(s.slice(0, max * 2));
    if (points.length > max) out = `${points.slice(0, max).join('')}…`;
  }
  return `"${visible(out).replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
