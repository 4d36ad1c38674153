/**
 * Bytes → text for the loader, chunk by chunk. UTF-8 (with or without a byte-order mark) is
 * tried first; a file that is not valid UTF-8 is read again as GB18030 (a superset of GBK, what
 * Chinese Excel saves as "CSV"); UTF-16 with a byte-order mark is read as such. Binary files
 * (NUL bytes, or the signature of a ZIP/Excel/PDF/image file) are refused with a message naming
 * the problem. Pure: no DOM, works in a worker and in Node.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Why a file cannot be read as text at all. */
export class NotText extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A UTF-8 decoder found an invalid byte sequence: read the file again as `next`. */
export class WrongEncoding extends Error {
  constructor(readonly next: Encoding) {
    super(`not ${next}`);
  }
}

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an Excel .xlsx or OpenDocument .ods workbook?): save the sheet as "CSV UTF-8" and load that' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office file (Excel .xls?): save the sheet as "CSV UTF-8" and load that' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not a CSV table' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image, not a CSV table' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image, not a CSV table' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image, not a CSV table' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file: unpack it first' },
];

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** The encoding to start with, from the first bytes of the file; throws NotText for known binary formats. */
export function sniff(first: Uint8Array): Encoding {
  if (startsWith(first, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  if (startsWith(first, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(first, [0xfe, 0xff])) return 'utf-16be';
  for (const s of SIGNATURES) if (startsWith(first, s.bytes)) throw new NotText(`this is ${s.what}`);
  return 'utf-8';
}

const LABEL: Record<Encoding, string> = { 'utf-8': 'utf-8', 'utf-8-bom': 'utf-8', gb18030: 'gb18030', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be' };

/**
 * A streaming decoder for one encoding. `decode(chunk, offset)` throws WrongEncoding (invalid
 * UTF-8: try GB18030) or NotText (NUL bytes; invalid GB18030 too).
 */
export function textDecoder(encoding: Encoding): { decode(chunk: Uint8Array, offset: number, last: boolean): string } {
  const fatal = encoding !== 'utf-16le' && encoding !== 'utf-16be';
  // ignoreBOM: false (the default) drops a leading byte-order mark.
  const d = new TextDecoder(LABEL[encoding], { fatal });
  const sixteen = !fatal;
  return {
    decode(chunk, offset, last) {
      if (!sixteen) {
        const nul = chunk.indexOf(0);
        if (nul >= 0) {
          throw new NotText(`it contains NUL bytes (the first at byte ${offset + nul}): this is a binary file (or UTF-16 without a byte-order mark), not CSV text`);
        }
      }
      try {
        const text = d.decode(chunk, { stream: !last });
        if (sixteen && text.includes('\u0000')) throw new NotText('it contains NUL characters: this is a binary file, not CSV text');
        return text;
      } catch (e) {
        if (e instanceof NotText) throw e;
        if (encoding === 'utf-8') throw new WrongEncoding('gb18030');
        if (encoding === 'utf-8-bom') throw new NotText(`it starts with a UTF-8 byte-order mark but is not valid UTF-8 (near byte ${offset})`);
        throw new NotText(`it is neither UTF-8 nor GBK/GB18030 text (an invalid byte sequence near byte ${offset}): save it as "CSV UTF-8"`);
      }
    },
  };
}
