/**
 * Reading files out of a ZIP archive (an .xlsx workbook is one), with the platform's own
 * DecompressionStream('deflate-raw') — no library, no bytes added to the page. Stored and
 * deflated entries; no ZIP64, no encryption (refused with a reason). Sizes are checked before
 * and while inflating, so a small file that inflates to gigabytes (a "zip bomb") is refused.
 */

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

/** The central directory: every entry's name, method, sizes and offset. */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a ZIP archive (no central directory)');
  const count = u16(zip, end + 10);
  let at = u32(zip, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError('a ZIP64 archive (over 4 GB or 65,535 files) is not supported');
  const out: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || u32(zip, at) !== 0x02014b50) throw new ZipError('a damaged ZIP archive (central directory)');
    const flags = u16(zip, at + 8);
    const nameLength = u16(zip, at + 28);
    const entry: ZipEntry = {
      name: names.decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: u16(zip, at + 10),
      compressedSize: u32(zip, at + 20),
      size: u32(zip, at + 24),
      offset: u32(zip, at + 42),
    };
    if (flags & 1) throw new ZipError(`${entry.name} is encrypted`);
    out.push(entry);
    at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
  }
  return out;
}

/** One entry's bytes, inflated; refused above `maxBytes`. */
export async function zipRead(zip: Uint8Array, e: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  if (e.size > maxBytes) throw new ZipError(`${e.name} is ${e.size} bytes unpacked, at most ${maxBytes} are read`);
  const local = e.offset;
  if (local + 30 > zip.length || u32(zip, local) !== 0x04034b50) throw new ZipError(`a damaged ZIP archive (${e.name})`);
  const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
  const data = zip.subarray(start, start + e.compressedSize);
  if (e.method === 0) return data;
  if (e.method !== 8) throw new ZipError(`${e.name} uses compression method ${e.method} (only stored and deflated are read)`);
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel();
        throw new ZipError(`${e.name} unpacks to more than ${maxBytes} bytes`);
      }
      parts.push(value);
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`a damaged ZIP archive (${e.name} does not inflate)`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
