/**
 * The features the learning model sees: hashed so the model's size does not grow with the
 * vocabulary and no sentence text is kept in the file shared through git.
 */
import type { Token } from './tokens.js';

/** Bump when the features change: weights learnt over the old ones mean nothing any more. */
export const FEATURE_VERSION = 2;

/** 2^20 buckets: collisions stay rare for the few thousand features a reviewer meets. */
export const FEATURE_BITS = 20;
const MASK = (1 << FEATURE_BITS) - 1;

const FNV_START = 0x811c9dc5;

/** Continues an FNV-1a hash over `text`'s UTF-16 units: a prefix is hashed once, not per word. */
function mix(hash: number, text: string): number {
  let value = hash;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return value;
}

/** FNV-1a over the UTF-16 units: fast, stable on every platform. */
export function hashFeature(feature: string): number {
  return (mix(FNV_START, feature) >>> 0) & MASK;
}

/** murmur3's finaliser: spreads a combination of two hashes over all bits. */
function spread(hash: number): number {
  let value = hash;
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value;
}

// Each word is hashed once; its unigram (outside or inside quotation marks) and the bigram with
// the word before are combinations of word hashes under these salts.
const WORD = 0x1b873593;
const QUOTED = 0x2c1b3c6d;
const BIGRAM = 0x297a2d39;
const END = mix(FNV_START, '</s>');

export interface FeatureInput {
  tokens: Token[];
  inside: boolean[];
  rules: string[];
  /** Position in the article and paragraph. */
  index: number;
  count: number;
  paragraphStart: boolean;
}

const bucket = (value: number, edges: number[]): number =>
  edges.filter((edge) => value >= edge).length;

/**
 * Sorted, unique feature hashes of one sentence: words (apart inside and outside quotation
 * marks), bigrams, shape, position and length. Each word is hashed once, straight from its
 * token; the rules that fired are hashed apart (`ruleFeatures`).
 */
export function sentenceFeatures(input: FeatureInput): number[] {
  const hashes: number[] = [];
  let previous = mix(FNV_START, '<s>');
  let words = 0;
  for (let i = 0; i < input.tokens.length; i++) {
    const token = input.tokens[i]!;
    const word =
      token.kind === 'number'
        ? '0'
        : token.kind === 'word'
          ? token.lower
          : token.text === '?'
            ? '?'
            : '';
    if (!word) continue;
    words++;
    const hash = mix(FNV_START, word);
    hashes.push(
      (spread(hash ^ (input.inside[i] ? QUOTED : WORD)) >>> 0) & MASK,
      (spread(Math.imul(previous ^ BIGRAM, 0x01000193) ^ hash) >>> 0) & MASK,
    );
    previous = hash;
  }
  hashes.push((spread(Math.imul(previous ^ BIGRAM, 0x01000193) ^ END) >>> 0) & MASK);
  const names: string[] = [];
  const first = input.tokens[0];
  const last = input.tokens.at(-1);
  if (first && (first.kind === 'open' || first.kind === 'straight')) names.push('s:opens-quoted');
  if (last && (last.kind === 'close' || last.kind === 'straight')) names.push('s:ends-quoted');
  if (input.index === 0) names.push('p:first');
  if (input.paragraphStart) names.push('p:paragraph-start');
  names.push(`p:${bucket(input.index / Math.max(1, input.count), [0.2, 0.4, 0.6, 0.8])}`);
  names.push(`n:${bucket(words, [5, 10, 20, 35, 60])}`);
  for (const name of names) hashes.push(cueHash('', name));
  return sortedUnique(hashes);
}

/**
 * Hashes of cue names by the mark before them ('' for the sentence's own, `<` and `>` for its
 * neighbours'): a few hundred names recur in every sentence, so each is hashed once a process.
 */
const cueHashes = new Map<string, Map<string, number>>();
/** Past this many names a mark's table stops growing (names are a closed set; this is a guard). */
const CACHED_NAMES = 20_000;

function cueHash(mark: string, name: string): number {
  let table = cueHashes.get(mark);
  if (!table) {
    table = new Map();
    cueHashes.set(mark, table);
  }
  let hash = table.get(name);
  if (hash === undefined) {
    hash = hashFeature(mark + name);
    if (table.size < CACHED_NAMES) table.set(name, hash);
  }
  return hash;
}

function sortedUnique(hashes: number[]): number[] {
  const sorted = Uint32Array.from(hashes).sort();
  const unique: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) unique.push(sorted[i]!);
  }
  return unique;
}

/** Hashes of a sentence's cues and the rules that fired (`sentenceCues`), weighed in full. */
export function cueFeatures(cues: readonly string[]): number[] {
  return sortedUnique(cues.map((name) => cueHash('', name)));
}

/** Hashes of the cues of the sentences before (`<name`) and after (`>name`) a sentence. */
export function aroundFeatures(before: readonly string[], after: readonly string[]): number[] {
  const hashes: number[] = [];
  for (const name of before) hashes.push(cueHash('<', name));
  for (const name of after) hashes.push(cueHash('>', name));
  return sortedUnique(hashes);
}
