import type { Article } from '../corpus/types.js';

/** margin's own labels, the default when no project file names others (`labels.ts`). */
export const LABELS = ['claim', 'quote', 'event'] as const;
/**
 * A label's name as stored. A project chooses its own (`margin.json`), so any name the store's
 * limits allow is a label; one the project no longer declares is kept and shown as unknown.
 */
export type Label = string;

export const REVIEW_STATUSES = ['unreviewed', 'in progress', 'done'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * Where an annotation sits in an article's clean text. Offsets are UTF-16 code units
 * (`text.slice(start, end) === quote`); exports convert them to code points.
 */
export interface Anchor {
  sentence: string;
  start: number;
  end: number;
  /** The exact sentence text when the annotation was made. */
  quote: string;
  /** Up to 32 characters before and after the quote, for re-anchoring. */
  prefix: string;
  suffix: string;
  /** SHA-256 of the article's clean text the offsets refer to. */
  textHash: string;
}

export interface Annotation {
  id: string;
  article: string;
  annotator: string;
  label: Label;
  anchor: Anchor;
  note?: string;
  attributes?: Record<string, string>;
  created: string;
  updated: string;
}

/** An annotation placed on the article's current text; `placement` is null for an orphan. */
export interface PlacedAnnotation extends Annotation {
  placement: { sentence: string; start: number; end: number; span?: PlacedSpan } | null;
}

/**
 * A placement in Unicode code points with the text it covers, as the store's index kept it: what
 * an export writes of a placed annotation, without reading the article's text.
 */
export interface PlacedSpan {
  start: number;
  end: number;
  text: string;
}

/** One article's annotations by every annotator, as exports and reports read them. */
export interface AnnotatedArticle {
  id: string;
  /** The article as the corpus has it now; null when it is gone from the corpus. */
  article: Article | null;
  /** Placed on the article's current text (orphans: `placement: null`), in `list` order. */
  annotations: PlacedAnnotation[];
  status(annotator: string): ReviewStatus;
}

/**
 * An article as `Repository.rendered` gives it, in `annotated` order: what a format rendered of
 * each of its files last time, where that still holds, else its annotations placed to render
 * them again.
 */
export interface RenderedArticle {
  id: string;
  /** The article as the corpus has it now (its text read only when asked for); null: gone. */
  article: Article | null;
  /**
   * Each annotator's kept rendering (UTF-8), by annotator, with what it was made from (`madeFrom`:
   * the same token, the same rendering and article text); null when one must be rendered again.
   */
  kept: Array<{ annotator: string; text: Uint8Array; madeFrom: string }> | null;
  /** When `kept` is null: the article with its annotations placed, as `annotated` gives it. */
  annotated: AnnotatedArticle | null;
  /**
   * The article's text as a JSON string, as UTF-8 (the corpus's `quotedText`), when `rendered`
   * was asked for texts and the corpus gives them so; else read when needed.
   */
  quoted?: Uint8Array | undefined;
  /** Keeps what was rendered of the annotator's file of this article, for the next time. */
  keep(annotator: string, text: string): void;
}

/** An article's files as `Repository.madeOf` gives them. */
export interface ArticleMadeOf {
  id: string;
  /** By annotator: what a rendering of the file is made from now, or null when not known. */
  files: Array<{ annotator: string; madeFrom: string | null }>;
}

/** One annotator's annotations of one article, counted: what `stats` reads of a file. */
export interface FileCounts {
  annotator: string;
  /** Annotations per label, orphans included (read only: files with the same counts share it). */
  labels: Readonly<Record<Label, number>>;
  /** Annotations whose sentence is gone from the article's current text, or whose article is. */
  orphans: number;
}

/** One article's annotations counted per annotator, without reading them when the counts are kept. */
export interface CountedArticle {
  id: string;
  /** False: the article is gone from the corpus. */
  inCorpus: boolean;
  files: FileCounts[];
}

/** The whole store counted, as stats reports it: sums the store's index keeps, no document read. */
export interface StoreTotals {
  /** Each annotator's annotations per label (orphans, and articles gone from the corpus, included). */
  labels: Map<string, Record<Label, number>>;
  /** Annotations whose sentence is gone from the article's current text, or whose article is. */
  orphans: number;
  /** Annotations per article that has any (gone from the corpus or not). */
  perArticle: Map<string, number>;
}

/** One annotator's work on one article without its annotations: a row of the review list. */
export interface ArticleTally {
  article: string;
  annotator: string;
  status: ReviewStatus;
  /** Annotations in the file, orphans included. */
  annotations: number;
  /** Sentences carrying each label, as stored (an orphan counts on the sentence it was made on). */
  labels: Record<Label, number>;
  /** The file was refused: the article is read-only for this annotator. */
  readOnly: boolean;
}

/**
 * One annotator's file of one article without its document: what the review list shows of an
 * article before it is opened.
 */
export interface OwnTally {
  article: string;
  /** Unreviewed for a refused file. */
  status: ReviewStatus;
  /** Annotations per label, orphans included (none for a refused file). */
  labels: Record<string, number>;
  /** Annotations that were orphans when the file was last placed (0 when never placed). */
  orphans: number;
  /** The file was refused: the article is read-only for this annotator. */
  refused: boolean;
}

/** A store file that was refused (corrupt, foreign, newer schema); it is never overwritten. */
export interface StoreProblem {
  path: string;
  article: string | null;
  annotator: string | null;
  /** Names the file itself (`path: what is wrong`): shown as it is, never prefixed again. */
  message: string;
}

/** The note and attribute values of one annotation, and where it is, as the store's index keeps them. */
export interface AnnotationNote {
  article: string;
  annotator: string;
  /** The annotation's id in the annotator's file. */
  id: string;
  /** Its note and attribute values, joined by a space. */
  text: string;
}
