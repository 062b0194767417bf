import { memoryWordIndex } from './memory-word-index.js';
import type { Article, FileProblem } from './types.js';
import type { WordIndex } from './word-index.js';

/** One article as the list shows it, without its text. */
export interface ArticleSummary {
  /** Position in corpus order (code-point order of relative paths), from 0. */
  ord: number;
  id: string;
  path: string;
  title: string | null;
  date: string | null;
  byline: string | null;
  source: string | null;
  /** Problems met while reading the file that did not stop it. */
  warnings: string[];
  /** How many sentences the article has. */
  sentences: number;
  /** The opening words of the text, shown for an article without a title. */
  opening: string;
}

/**
 * What the review's list holds of each article, its body read when shown: a summary without the
 * opening words (the bulk of a summary's bytes) or the sentence count.
 */
export type ArticleListing = Omit<ArticleSummary, 'opening' | 'sentences'>;

/** Some sentences of an article with the fields a report of them writes (`sentencesOf`). */
export interface ArticleSentences {
  id: string;
  date: string | null;
  source: string | null;
  /** Sparse: each sentence asked for at its position, when the article has it. */
  sentences: Array<{ id: string; text: string }>;
}

/**
 * The corpus as every part of margin reads it: in corpus order, a page of summaries or one
 * article at a time, so that memory does not grow with the corpus. The on-disk index serves
 * archives of a million articles; `memoryCorpusIndex` serves tests and small inputs.
 */
export interface CorpusIndex {
  /** The corpus folder (absolute). */
  readonly root: string;
  /**
   * The index's file, when it is on disk: what is derived from the corpus is kept beside it,
   * named after it, and goes with it (`removeIndexFiles`).
   */
  readonly file?: string;
  /** Articles in the index now. */
  size(): number;
  /** Summaries of the articles from `from` (inclusive) to `to` (exclusive), in corpus order. */
  summaries(from: number, to: number): ArticleSummary[];
  /** The whole article with its text and sentences, read on demand. */
  article(id: string): Article | undefined;
  articleAt(ord: number): Article | undefined;
  ordOf(id: string): number | undefined;
  /**
   * The article's `hash` without reading its text (undefined: no such article): what the store
   * checks its kept placements against. An index that holds its articles in memory has none.
   */
  hashOf?(id: string): string | undefined;
  /**
   * The article's content key (`content-key.ts`: its text, sentences and the fields an export
   * writes) without reading its text (undefined: no such article): what the store checks its
   * kept placements and renderings against. An index that holds its articles in memory has none.
   */
  contentKeyOf?(id: string): string | undefined;
  /** `contentKeyOf` of each of `ids` the index holds, read in one go. */
  contentKeys?(ids: readonly string[]): Map<string, string>;
  /**
   * The article's text as a JSON string, as UTF-8: the bytes of `JSON.stringify(article.text)`,
   * read without making the text a JavaScript string (undefined: no such article). What an
   * export that writes whole texts (Label Studio, Prodigy, doccano) reads of each article.
   */
  quotedText?(id: string): Uint8Array | undefined;
  /**
   * `quotedText` of each of `ids` the index holds, read in one go: what an export reads of a few
   * dozen articles at a time.
   */
  quotedTexts?(ids: readonly string[]): Map<string, Uint8Array>;
  /**
   * The article's text as UTF-8, the bytes of `Buffer.from(article.text)`, read without making
   * it a JavaScript string (undefined: no such article): what brat's export writes as `.txt`.
   */
  plainText?(id: string): Uint8Array | undefined;
  /**
   * A token that changes whenever any article's text may have changed in the index (another
   * process's refresh included): what was derived from the texts under one token still holds.
   */
  generation?(): string;
  /**
   * Every summary in steps of the index's own order, each with its `ord`: many times faster than
   * `summaries` in corpus order where the two orders differ (an index on disk has it).
   */
  summarySteps?(): Iterable<ArticleSummary[]>;
  /** Runs `read` on one state of the index, whatever another process writes meanwhile. */
  consistent?<T>(read: () => T): T;
  /** Every article in corpus order, read in batches. */
  articles(): Iterable<Article>;
  /**
   * The articles written since article number `number` (numbers grow with every article
   * written, a changed one written anew), each id with its hash, with how many articles the
   * index holds and its highest number, on one state of the index (an index on disk has it).
   */
  writtenSince?(number: number): {
    size: number;
    last: number;
    since: Array<[id: string, hash: string]>;
  };
  /** The highest article number now (-1: none): what `writtenSince` counts from. */
  lastNumber?(): number;
  /** Every article's id, in no particular order (an index on disk has it). */
  ids?(): string[];
  /**
   * What another thread needs to read the articles on a connection of its own (`readIndexFile`,
   * then `articlesByNumber`): the index's file and every article's number in corpus order. Null
   * for an index that lives in memory.
   */
  readElsewhere?(): { file: string; numbers: Uint32Array } | null;
  /** The articles of these numbers, in that order, on one state of the index. */
  articlesByNumber?(numbers: ArrayLike<number>): Article[];
  /**
   * Of each article of `wanted` (id → positions of its sentences) the index holds: its date and
   * source and those sentences' ids and texts alone, each at its position (the others left
   * out), read in the index's own order without making the article whole. What `margin story`
   * reads of a group's members: its largest group at 100,000 articles names one sentence or two
   * of each of 14,922 articles, each read whole for them before.
   */
  sentencesOf?(wanted: ReadonlyMap<string, readonly number[]>): Map<string, ArticleSentences>;
  /**
   * The ids of the article's sentences in order, without its text (undefined: no such
   * article): what an export reads to name a kept story group's member by its sentence id.
   */
  sentenceIds?(id: string): string[] | undefined;
  /** Files that could not be read, each with its reason, as of the last refresh. */
  problems(): FileProblem[];
  /**
   * True when these articles' files are as they were read; those that changed are read again
   * first, and false says so (an answer drawn from them must be drawn again). An index that
   * reads nothing from disk has nothing to confirm.
   */
  confirm?(ids: readonly string[]): Promise<boolean>;
  /** The folded words of every sentence and title and where they are: what search reads. */
  readonly words: WordIndex;
  close(): void;
}

/** The opening words of an article's text: the list's stand-in for a missing title. */
export function openingWords(article: Pick<Article, 'sentences' | 'text'>, words = 12): string {
  const first = article.sentences[0]?.text ?? article.text;
  return first.split(/\s+/).filter(Boolean).slice(0, words).join(' ');
}

export function summaryOf(article: Article, ord: number): ArticleSummary {
  return {
    ord,
    id: article.id,
    path: article.path,
    title: article.title,
    date: article.date,
    byline: article.byline,
    source: article.source,
    warnings: article.warnings,
    sentences: article.sentences.length,
    opening: openingWords(article),
  };
}

/** A corpus index over articles already in memory, in the order given. */
export function memoryCorpusIndex(
  root: string,
  list: readonly Article[],
  problems: readonly FileProblem[] = [],
): CorpusIndex {
  const byId = new Map(list.map((article, ord) => [article.id, ord]));
  let words: WordIndex | null = null;
  return {
    root,
    size: () => list.length,
    summaries: (from, to) =>
      list
        .slice(Math.max(0, from), Math.max(0, to))
        .map((article, i) => summaryOf(article, from + i)),
    article: (id) => {
      const ord = byId.get(id);
      return ord === undefined ? undefined : list[ord];
    },
    articleAt: (ord) => list[ord],
    ordOf: (id) => byId.get(id),
    articles: () => list[Symbol.iterator](),
    problems: () => [...problems],
    get words() {
      words ??= memoryWordIndex(list);
      return words;
    },
    close: () => undefined,
  };
}
