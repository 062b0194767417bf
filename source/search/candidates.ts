import Fuse from 'fuse.js';
import type { WordIndex } from '../corpus/word-index.js';
import { isDigitWord, isNumberWord } from '../text/fold.js';
import { variantKey } from '../text/variants.js';
import { editDistance } from './distance.js';

export { variantKey } from '../text/variants.js';

export type MatchKind = 'exact' | 'prefix' | 'variant' | 'fuzzy';

/** A word of the vocabulary that a query word stands for, and how well. */
export interface Candidate {
  word: string;
  score: number;
  kind: MatchKind;
  /** How many sentences contain the word. */
  frequency: number;
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

/**
 * Whether `word` may be taken for the start of `other` (which starts with it): always for a word
 * of letters; a number only of a word that goes on with letters (`2020s`, not `20201` or
 * `2020.5`), and a word of digits and letters (`10k`) of any.
 */
export function beginsWord(word: string, other: string): boolean {
  if (!isNumberWord(word)) return true;
  const next = other.charCodeAt(word.length);
  return !(next === 0x2e || (next >= 0x30 && next <= 0x39));
}

/**
 * A word is taken for the start of longer ones from 3 letters on. Two letters are most often a
 * whole word (`us`, `un`, `uk`, `in`, `at`) and begin a wide slice of the vocabulary: `US` found
 * `used` and `Ushakov` (qa52), and no exact hit can tell a prefix it is not wanted. Below 5
 * letters a single edit is another word ("witk" is one from "with").
 */
export const MIN_PREFIX = 3;

/** The decade a number of two digits names (`90` → `90s`), the one word it begins below three. */
export function decadeOf(word: string): string | null {
  return word.length === 2 && word.endsWith('0') ? `${word}s` : null;
}
const MIN_FUZZY = 5;

/** How many edits a word of this length may carry and still be the same name. */
export function allowedEdits(length: number): number {
  if (length < MIN_FUZZY) return 0;
  return length < 6 ? 1 : 2;
}

/**
 * A month written the other way (`nov` for `november`, and back): the same date, just below
 * the word as written, so that `Nov. 11` and `November 11` find each other.
 */
export const MONTH = 0.95;

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

const monthNames = new Map<string, readonly string[]>();
for (const [name, ...abbreviations] of MONTHS) {
  for (const abbreviation of abbreviations) monthNames.set(abbreviation, [name!]);
  monthNames.set(name!, abbreviations);
}

/** The other ways of writing a month (`november` → `nov`, `sept` → `september`); none for any other word. */
export function sameMonth(word: string): readonly string[] {
  return monthNames.get(word) ?? [];
}

/** A romanisation variant ("Kiev" for "Kyiv") ranks with the best fuzzy matches, below every prefix. */
export const VARIANT = 0.6;

const romanisationLetters = /y|kh|ff$/;

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
  private readonly fuses = new Map<string, { words: string[]; fuse: Fuse<string> } | null>();
  private readonly cache = new Map<string, Candidate[]>();

  constructor(private readonly index: WordIndex) {}

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
    const { index } = this;
    const best = new Map<string, Candidate>();
    const offer = (candidate: Candidate) => {
      const known = best.get(candidate.word);
      if (!known || known.score < candidate.score) best.set(candidate.word, candidate);
    };
    const exact = index.frequency(word);
    if (exact !== undefined) offer({ word, score: EXACT, kind: 'exact', frequency: exact });
    // A figure is checked, not half-remembered: `5` is not `50`, `2025` not `2026`, nor is a word
    // of digits and letters (`2020s` not `2030s`). A number begins the words that are it and
    // letters (`2020` → `2020s`, `100` → `100km`), from three digits on, never a longer number.
    // Below three digits only its decade (`90` → `90s`): `9` or `90` begin too many units and
    // model names (`90mm`, `5G`) for a prefix to be wanted.
    if (isDigitWord(word)) {
      const decade = decadeOf(word);
      const decades = withPrefixes && decade !== null ? index.frequency(decade) : undefined;
      if (decade !== null && decades !== undefined) {
        offer({
          word: decade,
          score: prefixScore(word.length, decade.length),
          kind: 'prefix',
          frequency: decades,
        });
      }
      if (withPrefixes && word.length >= MIN_PREFIX) {
        for (const [other, frequency] of index.prefixed(word)) {
          if (other === word || !beginsWord(word, other)) continue;
          offer({
            word: other,
            score: prefixScore(word.length, other.length),
            kind: 'prefix',
            frequency,
          });
        }
      }
      return [...best.values()];
    }
    for (const month of sameMonth(word)) {
      const frequency = index.frequency(month);
      if (frequency !== undefined) offer({ word: month, score: MONTH, kind: 'variant', frequency });
    }
    if (withPrefixes && word.length >= MIN_PREFIX) {
      for (const [other, frequency] of index.prefixed(word)) {
        if (other === word) continue;
        const score = prefixScore(word.length, other.length);
        offer({ word: other, score, kind: 'prefix', frequency });
      }
    }
    const key = variantKey(word);
    if (key !== null) {
      const same = index.frequency(key) === undefined ? [] : [key];
      for (const other of [...same, ...index.variants(key)]) {
        if (other !== word && isVariant(word, other)) {
          const frequency = index.frequency(other) ?? 0;
          offer({ word: other, score: VARIANT, kind: 'variant', frequency });
        }
      }
    }
    const edits = allowedEdits(word.length);
    for (let length = word.length - edits; edits > 0 && length <= word.length + edits; length++) {
      const bucket = this.fuse(word.charCodeAt(0), length);
      if (!bucket) continue;
      for (const result of bucket.fuse.search(word)) {
        const other = bucket.words[result.refIndex]!;
        if (other === word) continue;
        const distance = editDistance(word, other, edits);
        if (distance > edits) continue;
        const frequency = index.frequency(other) ?? 0;
        offer({ word: other, score: fuzzyScore(distance, word.length), kind: 'fuzzy', frequency });
      }
    }
    return [...best.values()];
  }

  private fuse(first: number, length: number): { words: string[]; fuse: Fuse<string> } | null {
    const key = `${first}:${length}`;
    let bucket = this.fuses.get(key);
    if (bucket === undefined) {
      const words = length > 0 ? this.index.bucket(first, length) : [];
      bucket =
        words.length === 0
          ? null
          : {
              words,
              fuse: new Fuse(words, {
                // The vocabulary is folded already, and a word's position inside a word means nothing.
                isCaseSensitive: true,
                ignoreLocation: true,
                threshold: 0.4,
                shouldSort: false,
                includeScore: false,
              }),
            };
      this.fuses.set(key, bucket);
    }
    return bucket;
  }
}
