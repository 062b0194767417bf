import { join } from 'node:path';
import { compact, words } from '../../text/fold.js';
import { buildArticle } from '../article.js';
import { contentKey } from '../content-key.js';
import { openingWords } from '../corpus-index.js';
import { articleId } from '../files.js';
import { bytesToSource, FileRefusedError, readBytesSync } from '../read.js';
import { indexWords } from './index-words.js';

/**
 * An article as the index stores it, in few fields of strings and one typed array: worker
 * threads hand thousands of these on, and copying few large values is what is cheap.
 */
export interface ArticleRecord {
  id: string;
  title: string | null;
  date: string | null;
  byline: string | null;
  source: string | null;
  /** The source folded to letters and digits, as `source:` filters compare it. */
  sourceKey: string;
  /** The opening words, for a list without titles. */
  opening: string;
  hash: string;
  /** What the store's kept placements and renderings of the article depend on (`contentKey`). */
  content: string;
  /** JSON array of the reading warnings. */
  warnings: string;
  /** Sentence ids, separated by spaces. */
  sentenceIds: string;
  /** Paragraph, start and end of each sentence. */
  spans: Uint32Array;
  text: string;
  /** The distinct folded words of the sentences, separated by spaces, in order of first use. */
  words: string;
  /**
   * For each of `words` in turn, how many sentences hold it, then their indexes, ascending: the
   * article's postings, gathered here on a worker so the writer takes each word once per article.
   */
  wordSentences: Uint32Array;
  /** The distinct folded words of the title, separated by spaces. */
  titleWords: string;
}

/** What reading one file gave: an article, or why there is none. */
export interface CleanedFile {
  /** Relative to the root, with '/'. */
  path: string;
  /** As read: -1 when the file could not be opened. */
  size: number;
  mtime: number;
  record?: ArticleRecord;
  problem?: string;
}

/** Reads and cleans one file of the corpus; never throws for a bad file. */
export function cleanFile(root: string, path: string): CleanedFile {
  const full = join(root, path);
  let size = -1;
  let mtime = -1;
  try {
    const bytes = readBytesSync(
      full,
      (stats) => {
        size = stats.size;
        mtime = stats.mtimeMs;
      },
      root,
    );
    const article = buildArticle(articleId(path), full, bytesToSource(full, bytes));
    const spans = new Uint32Array(article.sentences.length * 3);
    article.sentences.forEach((sentence, i) => {
      spans[i * 3] = sentence.paragraph;
      spans[i * 3 + 1] = sentence.start;
      spans[i * 3 + 2] = sentence.end;
    });
    const record: ArticleRecord = {
      id: article.id,
      title: article.title,
      date: article.date,
      byline: article.byline,
      source: article.source,
      sourceKey: article.source ? compact(article.source) : '',
      opening: openingWords(article),
      hash: article.hash,
      content: contentKey(article),
      warnings: JSON.stringify(article.warnings),
      sentenceIds: article.sentences.map((sentence) => sentence.id).join(' '),
      spans,
      text: article.text,
      ...wordsOfSentences(article.sentences),
      titleWords: [...new Set(words(article.title ?? ''))].join(' '),
    };
    return { path, size, mtime, record };
  } catch (error) {
    return { path, size, mtime, problem: problemReason(error) };
  }
}

/**
 * The article's distinct words, and the sentences holding each (`ArticleRecord.wordSentences`):
 * each word numbered at its first use and each (word, sentence) pair logged once in two flat
 * arrays, then grouped by word in one counting pass. An array of sentences per word cost twice
 * as much (6-7 % of a cold index's cleaning; scale57, 2026-12-07).
 */
export function wordsOfSentences(
  sentences: ReadonlyArray<{ text: string }>,
): Pick<ArticleRecord, 'words' | 'wordSentences'> {
  const ids = new Map<string, number>();
  /** The last sentence each word was logged for. */
  const last: number[] = [];
  const counts: number[] = [];
  let pairWords = new Uint32Array(1024);
  let pairSentences = new Uint32Array(1024);
  let pairs = 0;
  sentences.forEach((sentence, i) => {
    for (const word of indexWords(sentence.text)) {
      let id = ids.get(word);
      if (id === undefined) {
        id = counts.length;
        ids.set(word, id);
        counts.push(0);
        last.push(-1);
      } else if (last[id] === i) continue;
      last[id] = i;
      counts[id]!++;
      if (pairs === pairWords.length) {
        pairWords = grown(pairWords);
        pairSentences = grown(pairSentences);
      }
      pairWords[pairs] = id;
      pairSentences[pairs] = i;
      pairs++;
    }
  });
  // Each word's count, then its sentences: the pairs come in sentence order, so each word's
  // sentences are written ascending.
  const wordSentences = new Uint32Array(counts.length + pairs);
  const next = new Uint32Array(counts.length);
  let at = 0;
  for (let id = 0; id < counts.length; id++) {
    wordSentences[at] = counts[id]!;
    next[id] = at + 1;
    at += 1 + counts[id]!;
  }
  for (let k = 0; k < pairs; k++) wordSentences[next[pairWords[k]!]!++] = pairSentences[k]!;
  return { words: [...ids.keys()].join(' '), wordSentences };
}

function grown(array: Uint32Array<ArrayBuffer>): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The reason a file is no article, without its path (messages add it). */
export function problemReason(error: unknown): string {
  if (error instanceof FileRefusedError) return error.reason;
  // A bug in the cleaner must cost one article, not the corpus.
  const reason = error instanceof Error ? error.message : String(error);
  return `could not be cleaned (${reason})`;
}
