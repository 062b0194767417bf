/**
 * How two words relate (`similarity.ts`: the same word in another form, a synonym, a broader
 * word, or nothing), remembered for the word pairs met last. The relation of two ids never
 * changes (their strings, weights and WordNet synsets are fixed when they are numbered), and
 * the pairs a build's comparison tries repeat: the same story's words meet again in bucket after
 * bucket. Working one out merges two synset lists (some 24 entries together) and, for rarer
 * words, two lists of broader synsets: at 10,000 planted articles some 11 million such tries,
 * a third of the comparing threads' time.
 *
 * Direct-mapped: a pair has one slot and a newer pair takes it. Per thread (a plain array, not
 * shared), 2^15 slots in 288 KB, to stay in a core's cache.
 */
const BITS = 15;
const SLOTS = 1 << BITS;
/** No relation remembered in a slot. */
export const UNKNOWN = -1;

export class PairMemo {
  /** Per slot, the pair's lower id then its higher (as unsigned 32-bit numbers). */
  private readonly keys = new Uint32Array(2 * SLOTS);
  private readonly values = new Int8Array(SLOTS).fill(UNKNOWN);

  /** The relation remembered for words `x` and `y` (either order), or `UNKNOWN`. */
  get(x: number, y: number): number {
    const lo = (x >>> 0 < y >>> 0 ? x : y) >>> 0;
    const hi = (x >>> 0 < y >>> 0 ? y : x) >>> 0;
    const slot = slotOf(lo, hi);
    const keys = this.keys;
    return keys[2 * slot] === lo && keys[2 * slot + 1] === hi ? this.values[slot]! : UNKNOWN;
  }

  /** Remembers `relation` (0..127) for words `x` and `y`, in place of the slot's last pair. */
  set(x: number, y: number, relation: number): void {
    const lo = (x >>> 0 < y >>> 0 ? x : y) >>> 0;
    const hi = (x >>> 0 < y >>> 0 ? y : x) >>> 0;
    const slot = slotOf(lo, hi);
    this.keys[2 * slot] = lo;
    this.keys[2 * slot + 1] = hi;
    this.values[slot] = relation;
  }
}

function slotOf(lo: number, hi: number): number {
  return (Math.imul(lo, 0x9e37_79b1) ^ Math.imul(hi ^ (hi >>> 15), 0x85eb_ca6b)) >>> (32 - BITS);
}
