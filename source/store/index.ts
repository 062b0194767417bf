import { resolve } from 'node:path';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { Article } from '../corpus/types.js';
import { DiskStorage } from './disk-storage.js';
import { openStoreIndex } from './index-file.js';
import { MemoryStorage } from './memory-storage.js';
import type { Repository } from './repository.js';
import { type RepositoryOptions, StoreRepository } from './store-repository.js';

export { locateQuote, makeAnchor, type Placement, placeAnchor, snapToSentence } from './anchor.js';
export { startCheckThreadsFor, storeIndexFile } from './index-file.js';
export {
  diskModelStore,
  MODEL_FILE_NAME,
  ModelChangedError,
  type ModelFileRead,
  type ModelStore,
  modelFilePath,
  readModelFile,
  writeModelFile,
} from './model-file.js';
export {
  annotatorNameProblem,
  decodeName,
  encodeName,
  keptAnnotatorProblem,
  resolveAnnotator,
  sanitiseAnnotator,
} from './names.js';
export { compareListed } from './placer.js';
export { leftRejections, RejectionJournal, takeOverRejections } from './rejection-journal.js';
export { diskRejectionStore, type RejectionStore } from './rejection-store.js';
export {
  REJECTIONS_FILE,
  type RejectedLabels,
  type Rejection,
  type RejectionChange,
  type RejectionsRead,
  readRejections,
  rejectedLabels,
  relabelRejections,
  saveRejection,
  saveRejections,
} from './rejections.js';
export type {
  AdoptOptions,
  AnnotationPatch,
  ChangeSummary,
  Repository,
  StoreEvent,
} from './repository.js';
export { SCHEMA_NAME, SCHEMA_VERSION, storedForm } from './schema.js';
export type { RepositoryOptions } from './store-repository.js';
export {
  type OverruledDecision,
  overruledDecisions,
  readStoryDecisions,
  readStoryLinks,
  type StoryLink,
  type StoryLinkForgotten,
  type StoryLinksRead,
  saveStoryLink,
  watchStoryLinks,
} from './story-links.js';

export interface OpenOptions extends RepositoryOptions {
  /** The store folder; created when missing. Messages name files relative to it as given. */
  root: string;
  /** How messages name the store folder, when not as `root` is given (a command's `--store`). */
  display?: string;
  annotator: string;
  /** The corpus to place annotations on; without it they stay where they were made. */
  corpus?: CorpusIndex;
  /** The same as an array, in corpus order (tests, small inputs). */
  articles?: readonly Article[];
  /**
   * The folder of margin's caches (`defaultCacheDir`), where the store's index is kept between
   * runs; without it the index lives in memory and every file is read at each open.
   */
  cacheDir?: string | null;
  /**
   * `later`: open on what the index holds (the review shows it at once) and leave the comparison
   * of every file with it to `Repository.check`, which the caller starts.
   */
  check?: 'now' | 'later';
  /**
   * Told the fingerprint of each store file's new text just before it is written (the review's
   * journal: a kill between the write and its own note of it must not read as a change by
   * someone else).
   */
  onWriting?: (annotator: string, article: string, fingerprint: string) => void;
}

/**
 * Opens the store on disk: creates the root if missing, removes temp files of crashed writers,
 * brings the index up to date (reading and validating only the files that changed since it was
 * filled; refused ones are listed by `problems()`). Annotations are placed when read.
 */
export async function openRepository(options: OpenOptions): Promise<Repository> {
  const root = resolve(options.root);
  const index = openStoreIndex(options.cacheDir, root);
  let repository: StoreRepository;
  try {
    const storage = await DiskStorage.create(root, options.display ?? options.root, index);
    if (options.onWriting) storage.onWriting = options.onWriting;
    repository = new StoreRepository(storage, options.annotator, options);
  } catch (error) {
    index.close();
    throw error;
  }
  await repository.open(options.corpus ?? options.articles ?? null, {
    check: options.check ?? 'now',
  });
  return repository;
}

/** The same repository semantics over memory: for UI component tests. */
export function createMemoryRepository(
  annotator: string,
  options: RepositoryOptions = {},
): Repository {
  return new StoreRepository(new MemoryStorage(), annotator, options);
}
