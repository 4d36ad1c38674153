/**
 * The order "largest value first, ties by rank": what
 * `sort((a, b) => value[b] - value[a] || rank[a] - rank[b])` gives, without a comparator. An LSD
 * radix sort (11-bit digits) on the rank, then on the value's IEEE 754 bits turned so that
 * unsigned order is descending value order; a digit all items share is skipped. At 20,000
 * items it takes a fraction of the native comparator sort's time.
 *
 * `values`: no NaN (-0 counts as 0). `rank`: distinct non-negative integers.
 */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const BITS = 11;
const MASK = (1 << BITS) - 1;

export function valueOrder(values: Float64Array, rank: Int32Array): Int32Array {
  const n = values.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) copy[i] = values[i]! + 0;
  const bits = new Uint32Array(copy.buffer);
  for (let i = 0; i < n; i++) {
    let h = bits[2 * i + (LITTLE_ENDIAN ? 1 : 0)]!;
    let l = bits[2 * i + (LITTLE_ENDIAN ? 0 : 1)]!;
    // Ascending unsigned order: flip every bit of a negative number, only the sign of a positive one…
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    // …then every bit, for descending.
    hi[i] = ~h >>> 0;
    lo[i] = ~l >>> 0;
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const count = new Int32Array(1 << BITS);
  const words = [new Uint32Array(rank.buffer, rank.byteOffset, n), lo, hi];
  for (const word of words) {
    for (let shift = 0; shift < 32; shift += BITS) {
      count.fill(0);
      for (let i = 0; i < n; i++) count[(word[i]! >>> shift) & MASK]!++;
      if (n === 0 || count[(word[0]! >>> shift) & MASK] === n) continue;
      for (let d = 0, at = 0; d <= MASK; d++) {
        const c = count[d]!;
        count[d] = at;
        at += c;
      }
      for (let j = 0; j < n; j++) {
        const i = order[j]!;
        next[count[(word[i]! >>> shift) & MASK]!++] = i;
      }
      [order, next] = [next, order];
    }
  }
  return order;
}
