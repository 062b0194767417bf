/**
 * The features the learning model sees: hashed so the model's size does not grow with the
 * vocabulary and no sentence text is kept in the file shared through git.
 */
import type { Token } from './tokens.js';

/** Bump when the features change: weights learnt over the old ones mean nothing any more. */
export const FEATURE_VERSION = 1;

/** 2^20 buckets: collisions stay rare for the few thousand features a reviewer meets. */
export const FEATURE_BITS = 20;
const MASK = (1 << FEATURE_BITS) - 1;

/** FNV-1a over the UTF-16 units: fast, stable on every platform. */
export function hashFeature(feature: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    hash ^= feature.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & MASK;
}

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

/** Sorted, unique feature hashes of one sentence. */
export function sentenceFeatures(input: FeatureInput): number[] {
  const names: string[] = [];
  let previous = '<s>';
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
    const where = input.inside[i] ? 'q' : 'w';
    names.push(`${where}:${word}`, `b:${previous}_${word}`);
    previous = word;
  }
  names.push(`b:${previous}_</s>`);
  for (const rule of input.rules) names.push(`r:${rule}`);
  const first = input.tokens[0];
  const last = input.tokens.at(-1);
  if (first && (first.kind === 'open' || first.kind === 'straight')) names.push('s:opens-quoted');
  if (last && (last.kind === 'close' || last.kind === 'straight')) names.push('s:ends-quoted');
  if (input.index === 0) names.push('p:first');
  if (input.paragraphStart) names.push('p:paragraph-start');
  names.push(`p:${bucket(input.index / Math.max(1, input.count), [0.2, 0.4, 0.6, 0.8])}`);
  names.push(`n:${bucket(words, [5, 10, 20, 35, 60])}`);
  const hashes = [...new Set(names.map(hashFeature))];
  return hashes.sort((a, b) => a - b);
}
