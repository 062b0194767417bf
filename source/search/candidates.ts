import Fuse from 'fuse.js';
import { editDistance } from './distance.js';
import { prefixRange, type SentenceIndex } from './sentence-index.js';

export type MatchKind = 'exact' | 'prefix' | 'variant' | 'fuzzy';

/** A word of the vocabulary that a query word stands for, and how well. */
export interface Candidate {
  word: number;
  score: number;
  kind: MatchKind;
}

/** Scores: every exact match outranks every prefix match, which outranks every fuzzy one. */
export const EXACT = 1;

/** 0.7..0.9: the more of the word was typed, the better. */
export function prefixScore(typed: number, length: number): number {
  return 0.7 + (0.2 * typed) / length;
}

/** At most 0.6, lower with every edit. */
export function fuzzyScore(distance: number, typed: number): number {
  return 0.6 * (1 - distance / (typed + 1));
}

/** Below 2 letters a prefix is most of the vocabulary; below 5 a single edit is another word ("witk" is one from "with"). */
export const MIN_PREFIX = 2;
const MIN_FUZZY = 5;

/** How many edits a word of this length may carry and still be the same name. */
export function allowedEdits(length: number): number {
  if (length < MIN_FUZZY) return 0;
  return length < 6 ? 1 : 2;
}

/** A romanisation variant ("Kiev" for "Kyiv") ranks with the best fuzzy matches, below every prefix. */
export const VARIANT = 0.6;

const MIN_VARIANT = 4;
const variantMarks = /y|kh|ie|ii|ff$/;
const romanisationLetters = /y|kh|ff$/;

/**
 * One key for the common romanisations of a name: "kh" and "h" (Kharkiv, Harkiv); "y", "i",
 * "ie", "iy" and "ii" as one "i" (Kyiv, Kiev; Zelensky, Zelenskyy, Zelenskiy; Yury, Yuri);
 * a final "ff" and "v" (Witkoff, Witkov). English "-ying" keeps its "y" ("flying" is not "fling").
 * Null for words too short to be told apart this way.
 */
export function variantKey(word: string): string | null {
  if (word.length < MIN_VARIANT) return null;
  return word
    .replace(/ying$/, '\u0000')
    .replace(/kh/g, 'h')
    .replace(/y/g, 'i')
    .replace(/ie/g, 'i')
    .replace(/i+/g, 'i')
    .replace(/ff$/, 'v')
    .replace('\u0000', 'ying');
}

/**
 * Whether two words are romanisations of one name: the same key, and at least one of them
 * spelled with a "y", a "kh" or a final "ff" — so English pairs like "died"/"did" stay apart.
 */
export function isVariant(query: string, word: string): boolean {
  if (query === word) return false;
  if (!romanisationLetters.test(query) && !romanisationLetters.test(word)) return false;
  const key = variantKey(query);
  return key !== null && key === variantKey(word);
}

const CACHE_LIMIT = 5000;

/**
 * Finds the vocabulary words a query word stands for: itself, the words it starts (while typing),
 * and near spellings ("witkov" → "witkoff"). fuse.js proposes near spellings from buckets of words
 * with the same first letter and a similar length, so a lookup scans a few hundred words, not the
 * whole vocabulary; an edit distance then decides and scores them. Lookups are cached, since
 * typing repeats the same words keystroke after keystroke.
 */
export class CandidateFinder {
  private readonly buckets = new Map<string, number[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, Candidate[]>();
  /** Variant key → the words with that key, for the words a key changes (most keep their own). */
  private readonly variants = new Map<string, number[]>();

  constructor(private readonly index: SentenceIndex) {
    index.vocabulary.forEach((word, id) => {
      const key = bucketKey(word[0]!, word.length);
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(id);
      else this.buckets.set(key, [id]);
      if (word.length >= MIN_VARIANT && variantMarks.test(word)) {
        const variant = variantKey(word)!;
        if (variant === word) return;
        const same = this.variants.get(variant);
        if (same) same.push(id);
        else this.variants.set(variant, [id]);
      }
    });
  }

  find(word: string, withPrefixes = true): Candidate[] {
    const key = `${withPrefixes ? '+' : '='}${word}`;
    let found = this.cache.get(key);
    if (!found) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      found = this.lookUp(word, withPrefixes);
      this.cache.set(key, found);
    }
    return found;
  }

  private lookUp(word: string, withPrefixes: boolean): Candidate[] {
    const { vocabulary, wordIds } = this.index;
    const best = new Map<number, Candidate>();
    const offer = (candidate: Candidate) => {
      const known = best.get(candidate.word);
      if (!known || known.score < candidate.score) best.set(candidate.word, candidate);
    };
    const exact = wordIds.get(word);
    if (exact !== undefined) offer({ word: exact, score: EXACT, kind: 'exact' });
    if (withPrefixes && word.length >= MIN_PREFIX) {
      const [from, to] = prefixRange(this.index, word);
      for (let id = from; id < to; id++) {
        if (id === exact) continue;
        offer({
          word: id,
          score: prefixScore(word.length, vocabulary[id]!.length),
          kind: 'prefix',
        });
      }
    }
    const key = variantKey(word);
    if (key !== null) {
      const keyWord = wordIds.get(key);
      const same = keyWord === undefined ? [] : [keyWord];
      for (const id of [...same, ...(this.variants.get(key) ?? [])]) {
        if (id !== exact && isVariant(word, vocabulary[id]!))
          offer({ word: id, score: VARIANT, kind: 'variant' });
      }
    }
    const edits = allowedEdits(word.length);
    for (let length = word.length - edits; edits > 0 && length <= word.length + edits; length++) {
      const fuse = this.fuse(word[0]!, length);
      if (!fuse) continue;
      for (const result of fuse.search(word)) {
        const id = this.buckets.get(bucketKey(word[0]!, length))![result.refIndex]!;
        if (id === exact) continue;
        const distance = editDistance(word, vocabulary[id]!, edits);
        if (distance > edits) continue;
        offer({ word: id, score: fuzzyScore(distance, word.length), kind: 'fuzzy' });
      }
    }
    return [...best.values()];
  }

  private fuse(first: string, length: number): Fuse<string> | undefined {
    const key = bucketKey(first, length);
    let fuse = this.fuses.get(key);
    if (!fuse) {
      const ids = this.buckets.get(key);
      if (!ids) return undefined;
      const words = ids.map((id) => this.index.vocabulary[id]!);
      fuse = new Fuse(words, {
        // The vocabulary is folded already, and a word's position inside a word means nothing.
        isCaseSensitive: true,
        ignoreLocation: true,
        threshold: 0.4,
        shouldSort: false,
        includeScore: false,
      });
      this.fuses.set(key, fuse);
    }
    return fuse;
  }
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}
