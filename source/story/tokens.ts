/**
 * What a sentence says, reduced to what outlets keep when they copy, edit or retell it: content
 * words (folded, stemmed), names (romanisation variants made one), figures, and the speaker
 * (names next to a reporting verb). Words that outlets rewrite freely — reporting verbs, hedges,
 * function words, weekdays — are dropped.
 */
import { stemmer } from 'stemmer';
import { STOPWORDS } from '../corpus/stopwords.js';
import { isVariant, variantKey } from '../search/candidates.js';
import { fold } from '../search/fold.js';
import { CALENDAR_WORDS, REPORTING_WORDS, TITLE_WORDS, WEIGHTLESS_WORDS } from './lexicon.js';
import { findNumbers } from './numbers.js';

/** Set on a word id when the word was written as a name (capitalised inside the sentence). */
export const NAME_BIT = 0x8000_0000;
export const ID_MASK = 0x7fff_ffff;

export interface SentenceFeatures {
  /** Content word ids, ascending by id; a name carries `NAME_BIT`. */
  words: number[];
  /** Figures, in order of appearance. */
  numbers: number[];
  /** Ids of names next to a reporting verb ("Peskov said", "according to Ushakov"). */
  speakers: number[];
  /** Whether the sentence quotes someone (quotation marks). */
  quoted: boolean;
  /** Whether it reports speech (a reporting verb). */
  reported: boolean;
  /** Two 32-bit hashes of the folded word sequence: equal for copies that differ in case or punctuation. */
  fingerprint: [number, number];
}

/** Word strings by id; ids are handed out as words are first seen. */
export class Vocabulary {
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.words.push(word);
      this.ids.set(word, id);
    }
    return id;
  }

  word(id: number): string {
    return this.words[id & ID_MASK]!;
  }
}

const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;
const quotes = /["“”«»„]|(?:^|\s)['‘]|['’](?:\s|$)/;
const opening = /["“«„‘'(:•\-–—]\s*$/u;
const upper = /^\p{Lu}/u;
const stemCache = new Map<string, string>();
const romanised = /y|kh|ff$/;

/** The comparison form of an ordinary word: folded and stemmed ("cautiously" → "cautious"). */
export function stem(folded: string): string {
  let stemmed = stemCache.get(folded);
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(folded) ? stemmer(folded) : folded;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(folded, stemmed);
  }
  return stemmed;
}

/** The comparison form of a name: one key for its romanisations ("Witkoff", "Witkov"). */
export function nameKey(folded: string): string {
  return isVariant(folded, variantKey(folded) ?? folded) ? variantKey(folded)! : folded;
}

interface Token {
  folded: string;
  name: boolean;
  start: number;
  end: number;
  /** Punctuation stands between this word and the one before it. */
  broken: boolean;
}

function tokenize(text: string): { tokens: Token[]; numbers: number[]; numberSpans: number[] } {
  const mentions = findNumbers(text);
  const numberSpans = mentions.flatMap((mention) => [mention.start, mention.end]);
  const tokens: Token[] = [];
  let span = 0;
  let previousCapital = false;
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index;
    while (span < numberSpans.length && numberSpans[span + 1]! <= start) span += 2;
    if (span < numberSpans.length && numberSpans[span]! <= start) {
      previousCapital = false;
      continue;
    }
    const written = match[0];
    const capital = upper.test(written);
    const initial = tokens.length === 0 || opening.test(text.slice(Math.max(0, start - 3), start));
    // A capitalised first word is a name only when the next word is one too ("Dmitry Peskov").
    const next = text.slice(start + written.length).match(/^\s+(\p{Lu})/u);
    const name = capital && (!initial || next !== null || previousCapital);
    const previous = tokens[tokens.length - 1];
    const gap = previous ? text.slice(previous.end, start) : '';
    const end = start + written.length;
    tokens.push({ folded: fold(written), name, start, end, broken: /[^\s]/.test(gap) });
    previousCapital = capital;
  }
  return { tokens, numbers: mentions.map((mention) => mention.value), numberSpans };
}

const SPEAKER_BEFORE = 4;
const SPEAKER_AFTER = 3;

/**
 * The speaker of the reporting verb at `at`: the nearest run of names before it ("Kremlin
 * spokesman Dmitry Peskov said"), else after it ("said Peskov"), never across punctuation, so
 * a name quoted just before ("…to President Trump,” Putin said") is not taken for the speaker.
 */
function speakerNear(tokens: Token[], nameAt: Array<number | null>, at: number): number[] {
  const run = (from: number, step: number, limit: number): number[] => {
    const found: number[] = [];
    for (let k = from; k >= 0 && k < tokens.length && Math.abs(k - at) <= limit; k += step) {
      const crossing = step < 0 ? tokens[k + 1]!.broken : tokens[k]!.broken;
      if (crossing && (found.length > 0 || k !== from)) break;
      const id = nameAt[k];
      if (id !== null && id !== undefined) found.push(id);
      else if (found.length > 0) break;
    }
    return found;
  };
  const before = run(at - 1, -1, SPEAKER_BEFORE);
  return before.length > 0 ? before : run(at + 1, 1, SPEAKER_AFTER);
}

/** Reduces one sentence to its features, numbering words in `vocabulary`. */
export function sentenceFeatures(text: string, vocabulary: Vocabulary): SentenceFeatures {
  const { tokens, numbers } = tokenize(text);
  const words = new Set<number>();
  const speakers = new Set<number>();
  const nameAt: Array<number | null> = [];
  const reportingAt: number[] = [];
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const token of tokens) {
    for (let i = 0; i < token.folded.length; i++) {
      const code = token.folded.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    }
    h1 = Math.imul(h1 ^ 32, 0x01000193);
    h2 = Math.imul(h2 ^ 32, 0x5bd1e995);
  }
  for (const value of numbers) {
    h1 = Math.imul(h1 ^ Math.floor(value), 0x01000193);
    h2 = Math.imul(h2 ^ Math.floor(value), 0x5bd1e995);
  }
  tokens.forEach((token, index) => {
    nameAt.push(null);
    const { folded } = token;
    if (REPORTING_WORDS.has(folded)) reportingAt.push(index);
    if (folded.length < 2 || CALENDAR_WORDS.has(folded)) return;
    if (STOPWORDS.has(folded) || WEIGHTLESS_WORDS.has(folded)) return;
    if (token.name && !TITLE_WORDS.has(folded)) {
      const id = vocabulary.id(nameKey(folded));
      nameAt[index] = id;
      words.add((id | NAME_BIT) >>> 0);
      return;
    }
    // A word with a romanisation mark ("Witkoff" opening a sentence) keys as a name would.
    words.add(vocabulary.id(romanised.test(folded) ? nameKey(folded) : stem(folded)));
  });
  for (const at of reportingAt) {
    for (const id of speakerNear(tokens, nameAt, at)) speakers.add(id);
  }
  const sorted = [...words].sort((a, b) => (a & ID_MASK) - (b & ID_MASK) || a - b);
  // A word written once as a name and once not keeps one entry: the name.
  const unique: number[] = [];
  for (const id of sorted) {
    const last = unique[unique.length - 1];
    if (last !== undefined && (last & ID_MASK) === (id & ID_MASK)) {
      unique[unique.length - 1] = (last | id) >>> 0;
    } else unique.push(id);
  }
  return {
    words: unique,
    numbers,
    speakers: [...speakers].sort((a, b) => a - b),
    quoted: quotes.test(text),
    reported: reportingAt.length > 0,
    fingerprint: [h1 >>> 0, h2 >>> 0],
  };
}
