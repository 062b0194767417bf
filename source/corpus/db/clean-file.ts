import { join } from 'node:path';
import { compact, sentenceWords } from '../../text/fold.js';
import { buildArticle } from '../article.js';
import { openingWords } from '../corpus-index.js';
import { articleId } from '../files.js';
import { bytesToSource, FileRefusedError, readBytesSync } from '../read.js';
import type { Article } from '../types.js';

/** What reading one file gave: an article with its words, or why there is none. */
export interface CleanedFile {
  /** Relative to the root, with '/'. */
  path: string;
  /** As read: -1 when the file could not be opened. */
  size: number;
  mtime: number;
  article?: Article;
  /** The opening words, for a list without titles. */
  opening?: string;
  /** Folded words of each sentence: ' ' between words, '\n' between sentences. */
  words?: string;
  /** Compact source name, for `source:` filters. */
  source?: string;
  problem?: string;
}

/** Reads and cleans one file of the corpus; never throws for a bad file. */
export function cleanFile(root: string, path: string): CleanedFile {
  const full = join(root, path);
  let size = -1;
  let mtime = -1;
  try {
    const bytes = readBytesSync(full, (stats) => {
      size = stats.size;
      mtime = stats.mtimeMs;
    });
    const article = buildArticle(articleId(path), full, bytesToSource(full, bytes));
    return {
      path,
      size,
      mtime,
      article,
      opening: openingWords(article),
      words: article.sentences.map((sentence) => sentenceWords(sentence.text).join(' ')).join('\n'),
      source: article.source ? compact(article.source) : '',
    };
  } catch (error) {
    return { path, size, mtime, problem: problemReason(error) };
  }
}

/** The reason a file is no article, without its path (messages add it). */
export function problemReason(error: unknown): string {
  if (error instanceof FileRefusedError) return error.reason;
  // A bug in the cleaner must cost one article, not the corpus.
  const reason = error instanceof Error ? error.message : String(error);
  return `could not be cleaned (${reason})`;
}
