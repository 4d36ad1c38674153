/**
 * Finds rows already kept: a 53-bit hash of the row as written picks the candidates, and a
 * comparison of the records confirms (a hash collision never drops a row). Pure.
 */

/** cyrb53: a fast 53-bit string hash. */
export function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Records equal but for their ids. */
export const sameRecord = (a: object, b: object) => JSON.stringify({ ...a, id: '' }) === JSON.stringify({ ...b, id: '' });

export interface Duplicates<T> {
  /** The index in `list` of an earlier record equal to `item` (same `key`), or undefined. */
  find(key: string, item: T): number | undefined;
  /** Notes that `item` (with `key`) was added to `list` at `index`. */
  add(key: string, index: number): void;
}

export function createDuplicates<T extends object>(list: readonly T[], same: (a: T, b: T) => boolean = sameRecord): Duplicates<T> {
  /** Hash of a row → index of the first kept record with it (an array after a hash collision). */
  const seen = new Map<number, number | number[]>();
  return {
    find(key, item) {
      const at = seen.get(hash53(key));
      if (at === undefined) return undefined;
      return (typeof at === 'number' ? [at] : at).find((i) => same(list[i]!, item));
    },
    add(key, index) {
      const h = hash53(key);
      const at = seen.get(h);
      seen.set(h, at === undefined ? index : [...(typeof at === 'number' ? [at] : at), index]);
    },
  };
}
