/**
 * A seeded random source for the fuzz tests: the same seed gives the same sequence on every
 * machine, so a failure is replayed by its seed (printed with it). mulberry32: small, fast and
 * good enough to pick keys and bytes; nothing here needs cryptographic quality.
 */
export class Random {
  #state: number;

  constructor(readonly seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 1) out[i] = Math.floor(this.next() * 256);
    return out;
  }
}

/**
 * The seed of a fuzz run: fixed, so the suite is deterministic, unless MARGIN_FUZZ_SEED names
 * another (to explore, or to replay a failure printed by a run that used one).
 */
export function fuzzSeed(fixed: number): number {
  const given = Number(process.env.MARGIN_FUZZ_SEED);
  return Number.isInteger(given) ? given : fixed;
}
