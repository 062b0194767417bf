import type { StoreDoc } from './schema.js';
import type { StoreProblem } from './types.js';

/** One store file as last read: a document, a refusal, or (both null) a file that is gone. */
export interface LoadedFile {
  path: string;
  annotator: string | null;
  article: string | null;
  doc: StoreDoc | null;
  problem: StoreProblem | null;
}

export interface ChangeResult<R> {
  /** False when the change turned out to be a no-op on the current content: nothing is written. */
  write: boolean;
  value: R;
}

/** Where documents live: files on disk, or a map for UI tests. The repository logic sits above. */
export interface Storage {
  readonly root: string;
  load(): Promise<{ files: LoadedFile[]; annotators: string[] }>;
  /**
   * Re-reads the current document of (annotator, article) under an exclusive lock, lets `change`
   * edit it, writes it back durably: concurrent writers merge instead of overwriting each other.
   */
  update<R>(
    annotator: string,
    article: string,
    change: (doc: StoreDoc) => ChangeResult<R>,
  ): Promise<{ doc: StoreDoc; value: R }>;
  /** Reports files changed by other processes; returns a function that stops watching. */
  subscribe(onChange: (files: LoadedFile[]) => void): () => void;
  close(): Promise<void>;
}

/** A write was refused because the file on disk cannot be trusted; it is left untouched. */
export class RefusedFileError extends Error {
  constructor(readonly problem: StoreProblem) {
    super(problem.message);
  }
}
