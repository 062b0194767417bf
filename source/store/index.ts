import { resolve } from 'node:path';
import type { Article } from '../corpus/types.js';
import { DiskStorage } from './disk-storage.js';
import { MemoryStorage } from './memory-storage.js';
import type { Repository } from './repository.js';
import { type RepositoryOptions, StoreRepository } from './store-repository.js';

export { makeAnchor, type Placement, placeAnchor } from './anchor.js';
export { decodeName, encodeName, resolveAnnotator, sanitiseAnnotator } from './names.js';
export type { AnnotationPatch, ChangeSummary, Repository, StoreEvent } from './repository.js';
export { SCHEMA_NAME, SCHEMA_VERSION } from './schema.js';
export type { RepositoryOptions } from './store-repository.js';
export {
  readStoryLinks,
  type StoryLink,
  type StoryLinksRead,
  saveStoryLink,
} from './story-links.js';

export interface OpenOptions extends RepositoryOptions {
  /** The store folder; created when missing. Messages name files relative to it as given. */
  root: string;
  /** How messages name the store folder, when not as `root` is given (a command's `--store`). */
  display?: string;
  annotator: string;
  /** The corpus to place annotations on; without it they stay where they were made. */
  articles?: Article[];
}

/**
 * Opens the store on disk: creates the root if missing, removes temp files of crashed writers,
 * reads and validates every file (refused ones are listed by `problems()`), places annotations.
 */
export async function openRepository(options: OpenOptions): Promise<Repository> {
  const storage = await DiskStorage.create(resolve(options.root), options.display ?? options.root);
  const repository = new StoreRepository(storage, options.annotator, options);
  await repository.open(options.articles ?? null);
  return repository;
}

/** The same repository semantics over memory: for UI component tests. */
export function createMemoryRepository(
  annotator: string,
  options: RepositoryOptions = {},
): Repository {
  return new StoreRepository(new MemoryStorage(), annotator, options);
}
