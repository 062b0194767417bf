/**
 * MinHash (Broder 1997): for each of K hash functions, the smallest hash over a sentence's
 * words. Two sentences agree on one of them with probability equal to the Jaccard similarity
 * of their word sets, so a few dozen small integers stand for a sentence.
 */
import { ID_MASK, NAME_BIT } from './tokens.js';

/** murmur3's finaliser: a cheap, well-mixed 32-bit hash. */
export function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const seeds: number[] = [];
export function seed(index: number): number {
  while (seeds.length <= index) seeds.push(mix(0x9e3779b9 + seeds.length * 0x632be5ab));
  return seeds[index]!;
}

/** Words lighter than this are no shingle; those of `TWICE_WEIGHT` or more are two. */
export const SHINGLE_WEIGHT = 0.6;
export const TWICE_WEIGHT = 1.5;

/**
 * Word ids as MinHash sees them, an integer approximation of weighted Jaccard: the commonest
 * words (weight below 0.6) are left out, rare ones (1.5 and above) count twice.
 */
export function shingles(
  words: ArrayLike<number>,
  weight: (word: number) => number,
  into: number[] = [],
): number[] {
  into.length = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const id = word & ID_MASK;
    const w = weight(word);
    if (w < SHINGLE_WEIGHT) continue;
    into.push(id);
    if (w >= TWICE_WEIGHT) into.push((id | NAME_BIT) >>> 0);
  }
  return into;
}

/** K minimum hashes of `items` (K = `out.length`). */
export function signature(items: readonly number[], out: Uint32Array): Uint32Array {
  out.fill(0xffff_ffff);
  for (const item of items) {
    const base = mix(item);
    for (let k = 0; k < out.length; k++) {
      const h = mix(base ^ seed(k));
      if (h < out[k]!) out[k] = h;
    }
  }
  return out;
}

/** The share of positions where two signatures agree: an estimate of Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
}
