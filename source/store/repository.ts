import type { Article } from '../corpus/types.js';
import type { Annotation, Label, PlacedAnnotation, ReviewStatus, StoreProblem } from './types.js';

/** What a caller may change on an annotation after creating it. */
export interface AnnotationPatch {
  note?: string | null;
  attributes?: Record<string, string> | null;
}

/** One undoable step, as the UI reports it ("undid: tag claim"). */
export interface ChangeSummary {
  kind: 'tag' | 'untag' | 'note' | 'attributes' | 'status' | 'clear';
  article: string;
  description: string;
}

export interface StoreEvent {
  /** Articles whose annotations or status changed on disk by someone else. */
  articles: string[];
}

/**
 * The annotation repository: the only way the UI and commands touch stored annotations.
 * Every mutating call has been written durably when its promise resolves.
 */
export interface Repository {
  /** The annotator this repository writes as. */
  readonly annotator: string;
  /** The store root folder (absolute). */
  readonly root: string;

  /** Loads every store file and places annotations on the given articles (re-anchoring as needed). */
  open(articles: Article[]): Promise<void>;
  /** Annotations, placed on the current article text; orphans have `placement: null`. */
  list(filter?: { article?: string; annotator?: string }): PlacedAnnotation[];
  /** Every annotator that has a folder in the store. */
  annotators(): string[];

  /** Adds `label` to the sentence; a no-op returning the existing one when it is already there. */
  tag(article: Article, sentenceId: string, label: Label): Promise<Annotation>;
  /** Removes `label` from the sentence (this annotator's). */
  untag(article: Article, sentenceId: string, label: Label): Promise<void>;
  /** Adds or removes `label`, whichever applies. */
  toggle(article: Article, sentenceId: string, label: Label): Promise<void>;
  /** Removes every label of this annotator from the sentence. */
  clear(article: Article, sentenceId: string): Promise<void>;
  /** Sets note and/or attributes on every annotation of this annotator on the sentence. */
  annotate(article: Article, sentenceId: string, patch: AnnotationPatch): Promise<void>;
  /**
   * Gives the sentence these labels (those it lacks are added) and these attributes (over its
   * own), as one undoable step: the story view copies a sentence's tags to another outlet's.
   */
  adopt(
    article: Article,
    sentenceId: string,
    labels: readonly Label[],
    attributes: Record<string, string>,
  ): Promise<void>;
  /** Adds annotations made elsewhere (import); returns how many were new. */
  addMany(annotations: Annotation[]): Promise<number>;

  status(article: string, annotator?: string): ReviewStatus;
  setStatus(article: string, status: ReviewStatus): Promise<void>;

  undo(): Promise<ChangeSummary | null>;
  redo(): Promise<ChangeSummary | null>;

  /** Files that were refused; their articles are read-only for this annotator. */
  problems(): StoreProblem[];
  isReadOnly(article: string): boolean;

  /** Calls back when files change on disk through another process; returns an unsubscribe. */
  watch(listener: (event: StoreEvent) => void): () => void;
  close(): Promise<void>;
}
