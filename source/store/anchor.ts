import search from 'approx-string-match';
import type { Article, Sentence } from '../corpus/types.js';
import { graphemeHead, graphemeTail } from '../text/graphemes.js';
import type { Anchor, PlacedAnnotation } from './types.js';

export type Placement = NonNullable<PlacedAnnotation['placement']>;

const CONTEXT = 32;
/** Typos, a changed word, re-cleaned punctuation: up to one edit per eight characters of quote. */
const ERRORS_PER_CHAR = 1 / 8;

/** What an annotation remembers of the sentence it was made on. */
export function makeAnchor(article: Article, sentence: Sentence): Anchor {
  const { text } = article;
  return {
    sentence: sentence.id,
    start: sentence.start,
    end: sentence.end,
    quote: sentence.text,
    // At most CONTEXT code units each, cut between graphemes (never in a ZWJ emoji or a flag).
    prefix: graphemeTail(
      text.slice(Math.max(0, sentence.start - 2 * CONTEXT), sentence.start),
      CONTEXT,
    ),
    suffix: graphemeHead(text.slice(sentence.end, sentence.end + 2 * CONTEXT), CONTEXT),
    textHash: article.hash,
  };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Finds where an anchor sits in the article's current text, trying in order: the unchanged text,
 * the stored offsets, an exact search, an approximate one. The result is snapped to the sentence
 * it overlaps most, so its id is the current one. Null: an orphan.
 */
export function placeAnchor(anchor: Anchor, article: Article): Placement | null {
  if (anchor.textHash === article.hash) {
    const sentence = sentencesById(article).get(anchor.sentence);
    if (sentence && sentence.start === anchor.start && sentence.end === anchor.end) {
      return { sentence: sentence.id, start: sentence.start, end: sentence.end };
    }
  }
  const found = locateQuote(anchor, article);
  return found ? snapToSentence(article, found.start, found.end) : null;
}

/**
 * Where an anchor's quote is in the article's current text, before it is snapped to a sentence:
 * the stored offsets when they still select it, else an exact search, else an approximate one
 * (the context and the offsets choose among several). Null: not found.
 */
export function locateQuote(
  anchor: Anchor,
  article: Article,
): { start: number; end: number } | null {
  const { text } = article;
  const { quote } = anchor;
  if (quote.length === 0) return null;
  if (text.slice(anchor.start, anchor.end) === quote)
    return { start: anchor.start, end: anchor.end };

  const exact: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    exact.push({ start: at, end: at + quote.length, errors: 0 });
  }
  const maxErrors = Math.floor(quote.length * ERRORS_PER_CHAR);
  const candidates = exact.length > 0 || maxErrors === 0 ? exact : search(text, quote, maxErrors);
  const best = pickBest(candidates, anchor, text);
  return best ? { start: best.start, end: best.end } : null;
}

function pickBest(candidates: Candidate[], anchor: Anchor, text: string): Candidate | null {
  let best: Candidate | null = null;
  let bestKey: [number, number, number] | null = null;
  for (const candidate of candidates) {
    const before = text.slice(Math.max(0, candidate.start - anchor.prefix.length), candidate.start);
    const after = text.slice(candidate.end, candidate.end + anchor.suffix.length);
    const context = commonSuffix(before, anchor.prefix) + commonPrefix(after, anchor.suffix);
    const key: [number, number, number] = [
      candidate.errors,
      -context,
      Math.abs(candidate.start - anchor.start),
    ];
    if (!bestKey || compareKeys(key, bestKey) < 0) {
      best = candidate;
      bestKey = key;
    }
  }
  return best;
}

function compareKeys(a: number[], b: number[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function commonPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

function commonSuffix(a: string, b: string): number {
  let length = 0;
  while (
    length < a.length &&
    length < b.length &&
    a[a.length - 1 - length] === b[b.length - 1 - length]
  ) {
    length += 1;
  }
  return length;
}

/** The sentence sharing the most characters with [start, end): annotations tag sentences. */
export function snapToSentence(article: Article, start: number, end: number): Placement | null {
  let best: Sentence | null = null;
  let bestOverlap = 0;
  for (const sentence of article.sentences) {
    if (sentence.end <= start) continue;
    if (sentence.start >= end) break;
    const overlap = Math.min(end, sentence.end) - Math.max(start, sentence.start);
    if (overlap > bestOverlap) {
      best = sentence;
      bestOverlap = overlap;
    }
  }
  return best ? { sentence: best.id, start: best.start, end: best.end } : null;
}

const byId = new WeakMap<Article, Map<string, Sentence>>();

export function sentencesById(article: Article): Map<string, Sentence> {
  let map = byId.get(article);
  if (!map) {
    map = new Map(article.sentences.map((sentence) => [sentence.id, sentence]));
    byId.set(article, map);
  }
  return map;
}
