import type { ReviewStatus } from '../store/types.js';

/** One sentence that carries annotations: its labels and who gave them. */
export interface AnnotatedSentence {
  article: string;
  sentence: string;
  labels: readonly string[];
  annotators: readonly string[];
}

/** A note or an attribute value, and the sentence it annotates. */
export interface AnnotationText {
  article: string;
  /**
   * The sentence it annotates, or how to find it (undefined: an orphan, on no sentence now): a
   * store places an annotation only once a query matched its text.
   */
  sentence: string | (() => string | undefined);
  text: string;
}

/**
 * What a search asks of the annotations, without holding them all: the store answers it, from
 * memory for a small store and from its on-disk cache for a large one. Queries with a label,
 * annotator or status filter read `sentences()`; every query matches its words against
 * `texts()` (notes and attributes). `version` changes whenever the annotations change, so an
 * engine may keep what it derived from them while it stays the same.
 */
export interface AnnotationFacts {
  readonly version: string | number;
  sentences(): Iterable<AnnotatedSentence>;
  texts(): Iterable<AnnotationText>;
  /**
   * The labels on one sentence, sorted, for the hits a search shows. Optional: without it search
   * reads them from `sentences()`, which a large store may answer slowly.
   */
  labels?(article: string, sentence: string): readonly string[];
  /**
   * The sentences annotations sit on, by article: those with `label`, or by one of
   * `annotators`, or every annotation's; `article`: of that article alone. Optional: without it
   * search reads `sentences()`, which a large store answers by placing every annotation.
   */
  tagged?(
    where: { label?: string; annotators?: readonly string[] },
    article?: string,
  ): ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * `texts()` with their folded words already indexed: each word's texts, by their place in
   * `texts` (those without a word left out). Optional: a store keeps them in its index while no
   * file changes, where folding every note again cost each search over 30,000 notes a few hundred
   * milliseconds of its first line.
   */
  indexedTexts?(): { texts: AnnotationText[]; byWord: Map<string, number[]> };
  /** The review status of an article as `annotator` (default: the one searching) sees it. */
  status(article: string, annotator?: string): ReviewStatus;
  annotators(): readonly string[];
}
