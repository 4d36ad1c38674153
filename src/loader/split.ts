/**
 * Cuts a stream of CSV text into pieces that end on a record boundary, so each piece can be
 * parsed on its own (src/data/csv.ts) while the file is still being read. The tokenizer follows
 * d3-dsv exactly: a quote opens a quoted field only at the start of a field, `""` inside is a
 * quote, and the character after a closing quote ends the field whatever it is. Pieces are cut
 * only after a line feed, so CR LF pairs stay together (a file with bare CR line ends comes out
 * as one piece at the end).
 */

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const RETURN = 13;

const enum S {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just read a quote inside a quoted field: `"` again is an escaped quote. */
  QuoteInQuoted,
}

export interface Splitter {
  /** Adds text; returns the longest prefix of what is buffered that ends on a record boundary ('' if none). */
  push(text: string): string;
  /** The rest (an unterminated last record, or an unclosed quoted field). */
  end(): string;
  /** Characters buffered after the last record boundary (the record being read). */
  buffered(): number;
}

export function createSplitter(): Splitter {
  let buffer = '';
  let scanned = 0;
  let state = S.FieldStart;
  /** Index just after the last line feed that ended a record, in `buffer`. */
  let cut = 0;
  return {
    push(text) {
      buffer += text;
      for (let i = scanned; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        switch (state) {
          case S.FieldStart:
            if (c === QUOTE) state = S.Quoted;
            else if (c === NEWLINE) cut = i + 1;
            else if (c !== COMMA && c !== RETURN) state = S.Unquoted;
            break;
          case S.Unquoted:
            if (c === COMMA || c === RETURN) state = S.FieldStart;
            else if (c === NEWLINE) {
              state = S.FieldStart;
              cut = i + 1;
            }
            break;
          case S.Quoted:
            if (c === QUOTE) state = S.QuoteInQuoted;
            break;
          case S.QuoteInQuoted:
            if (c === QUOTE) state = S.Quoted;
            else {
              // d3-dsv takes the character after a closing quote as the field's end.
              state = S.FieldStart;
              if (c === NEWLINE) cut = i + 1;
            }
            break;
        }
      }
      scanned = buffer.length;
      if (cut === 0) return '';
      const out = buffer.slice(0, cut);
      buffer = buffer.slice(cut);
      scanned -= cut;
      cut = 0;
      return out;
    },
    buffered: () => buffer.length,
    end() {
      const out = buffer;
      buffer = '';
      scanned = 0;
      cut = 0;
      state = S.FieldStart;
      return out;
    },
  };
}
