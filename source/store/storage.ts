import type { StoreDoc } from './schema.js';
import type { StoreIndex } from './store-index.js';
import type { StoreProblem } from './types.js';

export interface ChangeResult<R> {
  /** False when the change turned out to be a no-op on the current content: nothing is written. */
  write: boolean;
  value: R;
}

/**
 * Where documents live: files on disk, or a map for UI tests. What was last read of each is in
 * `index`, which the storage keeps current through its own writes, `refresh` and the watcher;
 * the repository logic sits above and reads the index.
 */
export interface Storage {
  readonly root: string;
  readonly index: StoreIndex;
  /**
   * Brings the index up to date with the files: reads what changed since it was filled, drops
   * what is gone. Returns the annotators that have a folder, and the articles whose rows changed.
   * Aborting `signal` stops it between steps (what was read is kept), rejecting. `onRunning` is
   * called once the comparison runs on threads of its own (see `checkFolders`).
   */
  refresh(
    signal?: AbortSignal,
    onRunning?: () => void,
  ): Promise<{ annotators: string[]; changed: string[] }>;
  /**
   * Brings the index up to the files of these articles alone (every annotator's); returns the
   * articles whose rows changed, or null when that could not be told without `refresh`. Optional:
   * a storage without it is refreshed whole.
   */
  refreshArticles?(articles: readonly string[]): Promise<string[] | null>;
  /** See `Repository.checkedAsIs`. Optional: without it, false. */
  checkedAsIs?(): boolean;
  /** Problems that belong to no file: an annotator folder that is a link. */
  folderProblems(): StoreProblem[];
  /** A file's path as messages name it. */
  displayPath(path: string): string;
  /**
   * Re-reads the current document of (annotator, article) under an exclusive lock, lets `change`
   * edit it, writes it back durably: concurrent writers merge instead of overwriting each other.
   */
  update<R>(
    annotator: string,
    article: string,
    change: (doc: StoreDoc) => ChangeResult<R>,
  ): Promise<{ doc: StoreDoc; value: R }>;
  /**
   * Runs `work`, whose `update`s of this one file are applied to one read of it and written
   * once at its end, under one lock (keys typed in a burst: one durable write, not one each).
   * Optional: without it, each `update` writes.
   */
  together?<T>(annotator: string, article: string, work: () => Promise<T>): Promise<T>;
  /**
   * Reports the articles whose files other processes changed (the index already holds the
   * change); returns a function that stops watching.
   */
  subscribe(onChange: (articles: string[]) => void): () => void;
  close(): Promise<void>;
}

/** A write was refused because the file on disk cannot be trusted; it is left untouched. */
export class RefusedFileError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(problem.message);
  }
}
