import { lowerBound } from '../text/lower-bound.js';
import type { Sentence } from './types.js';

/**
 * The articles of a word index as parallel arrays, one entry per article, in the order of their
 * sentence keys. Sentences are numbered by keys: an article's sentences are `firsts[a]` to
 * `firsts[a] + counts[a] - 1`, in their order in the article. Keys of articles removed since the
 * index was built may remain in postings; they fall in no article here.
 */
export interface IndexedArticles {
  length: number;
  /** Ascending. */
  firsts: Uint32Array;
  counts: Uint32Array;
  /** Each article's position in corpus order. */
  ords: Uint32Array;
  /** The stable numbers title postings name articles by, ascending. */
  numbers: Uint32Array;
  /** Each article's source as an index into `sources`. */
  sourceOf: Uint32Array;
  /** Source names folded to letters and digits (`compact`); `sources[0]` is '' (no source). */
  sources: readonly string[];
  /** True when corpus order is key order: the first keys of a list are then the first hits. */
  ordered: boolean;
  /** One past the highest sentence key in use. */
  keyLimit: number;
}

/**
 * What search reads of the corpus: folded words (`text/fold.ts`) and where they occur. Words are
 * runs of letters and digits, folded (Han and kana as characters and pairs, Thai and its
 * neighbours as the word segmenter splits them: `eachWordSpan`); titles are indexed apart from
 * sentences. The on-disk corpus index answers from SQLite; `search/memory-index.ts` from
 * articles in memory.
 */
export interface WordIndex {
  articleTable(): IndexedArticles;
  /** How many sentences contain the word; undefined when no sentence or title has it. */
  frequency(word: string): number | undefined;
  /** Words starting with `prefix` (itself included), each with its frequency. */
  prefixed(prefix: string): Array<[word: string, frequency: number]>;
  /** Words whose romanisation key (`changedVariantKey`) is `key`. */
  variants(key: string): string[];
  /** Words of this first UTF-16 code unit and length, in code-unit order. */
  bucket(first: number, length: number): string[];
  /** Keys of the sentences containing the word, ascending. */
  postings(word: string): Uint32Array;
  /**
   * The word's sentence keys as ascending runs, each above the one before, read as they are
   * asked for: the first keys without the whole list (an index kept in segments has it).
   */
  postingRuns?(word: string): Iterable<Uint32Array>;
  /**
   * `postings` of every word starting with `prefix` (itself included), read together: an index
   * kept in segments reads one range of each segment rather than each word's list in each.
   */
  prefixedPostings?(prefix: string): Map<string, Uint32Array>;
  /** Numbers of the articles whose title contains the word, ascending. */
  titled(word: string): Uint32Array;
  /** Folded words of each sentence of the article at position `a`. */
  sentenceWords(a: number): readonly (readonly string[])[];
  /**
   * Folded words of the sentence `index` of the article at position `a`, without its others:
   * probing a query word tests one sentence each of hundreds of articles.
   */
  oneSentenceWords?(a: number, index: number): readonly string[];
  /**
   * True when the sentences' signed figures are kept as marks (`$5`, `%20`, `text/figures.ts`)
   * with posting lists of their own: a signed query asks those rather than each match's text.
   */
  readonly figureMarks?: boolean;
  /** True when a sentence to test is read from disk, article and all: probing costs more. */
  readonly readsSentences?: boolean;
  titleWords(a: number): readonly string[];
  articleId(a: number): string;
  sentence(a: number, index: number): Pick<Sentence, 'id' | 'text'>;
  /** The key of a sentence, when the article and the sentence are in the index. */
  locate(article: string, sentence: string): number | undefined;
  /** Runs `read` on one state of the index, whatever another process writes meanwhile. */
  consistent<T>(read: () => T): T;
  /**
   * Within `consistent`: takes in what another process wrote to the index since this one last
   * read its article table (an index on disk that others refresh). True when it did: what was
   * derived from the index before (candidate words, sentence keys) no longer holds.
   */
  catchUp?(): boolean;
  /**
   * The generation of the index its article table was read at (an index on disk): it moves with
   * every table read anew, by `catchUp` or by another reader of the same handle (the review's
   * list taking in another margin's articles; its own refresh), and what was derived from the
   * index before then no longer holds.
   */
  readonly readAt?: string;
}

/** The position of the article holding `key`, or -1 (a removed article's key). */
export function articleOfKey(articles: IndexedArticles, key: number): number {
  const { firsts, counts } = articles;
  const a = lastAtMost(articles, key);
  return a >= 0 && key < firsts[a]! + counts[a]! ? a : -1;
}

/** The first position from `from` (before `to`) of an ascending list holding `target` or more; `to` when none. */
export function firstAtLeast(
  list: ArrayLike<number>,
  target: number,
  from = 0,
  to = list.length,
): number {
  return lowerBound(from, to, (at) => list[at]! >= target);
}

/** The position of the last article whose first key is at most `key`, or -1. */
export function lastAtMost(articles: IndexedArticles, key: number): number {
  return lowerBound(0, articles.length, (at) => articles.firsts[at]! > key) - 1;
}

/** The position of the article with this number, or -1. */
export function articleOfNumber(articles: IndexedArticles, number: number): number {
  const at = firstAtLeast(articles.numbers, number, 0, articles.length);
  return articles.numbers[at] === number ? at : -1;
}
