import type { DiskCorpusIndex } from './db/disk-index.js';
import type { WordIndex } from './word-index.js';

/** One sentence of an article's clean text. `text === article.text.slice(start, end)` (UTF-16 offsets). */
export interface Sentence {
  /** Stable across re-reads of the same file: derived from the sentence's content, not its position. */
  id: string;
  /** 0-based index of the paragraph the sentence belongs to. */
  paragraph: number;
  text: string;
  start: number;
  end: number;
}

/** A cleaned, sentence-split article: the unit everything else works on. */
export interface Article {
  /** The file's path relative to the corpus root, without its extension (`000_4b207f45d15cbf96`). */
  id: string;
  /** The path the article was read from, as given to the reader. */
  path: string;
  title: string | null;
  /** ISO `YYYY-MM-DD`, or null when the article does not say. */
  date: string | null;
  byline: string | null;
  source: string | null;
  /** The clean body: paragraphs separated by one blank line; the title is not part of it. */
  text: string;
  sentences: Sentence[];
  /** Problems met while reading this file that did not stop it (a guessed encoding, removed escapes). */
  warnings: string[];
  /** Hex SHA-256 of `text`: annotations remember it to notice when the clean text changed. */
  hash: string;
}

/** A file of the corpus that could not be read, or was skipped, and why. */
export interface FileProblem {
  path: string;
  /** Names the file itself (`path: what is wrong`): shown as it is, never prefixed again. */
  message: string;
}

export interface CorpusLoad {
  root: string;
  articles: Article[];
  problems: FileProblem[];
  /** Closes what the articles read from (a lazy load's corpus index); the articles are then spent. */
  close?: () => void;
  /**
   * The words of the corpus index a lazy load read through, open until `close`: what search
   * reads, also when that index could only live in memory (a cache folder margin may not write).
   */
  words?: WordIndex;
  /**
   * The corpus index on disk a lazy load read through, open until `close`: what the review
   * watches for another margin's writes.
   */
  index?: DiskCorpusIndex;
}
