import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pruneIndexesOfMissingFolders } from '../corpus/db/prune.js';
import type { Db } from '../corpus/db/schema.js';
import { makeFoldersSync } from '../text/folders.js';
import { startCheckThreads } from './file-signatures.js';
import { StoreIndex } from './store-index.js';

/** Where the index of the store at `root` (absolute) lives under the cache folder. */
export function storeIndexFile(cacheDir: string, root: string): string {
  const id = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(cacheDir, 'stores', `${id}.sqlite`);
}

/**
 * The fewest bytes of a store index per file it holds: 2.5 KB at 211,258 files of three
 * annotations each; a file's row, its counts and its listing's name take more than this.
 */
const INDEX_BYTES_PER_FILE = 1_024;

/**
 * Starts the threads that compare a large store's files with its index now, before the corpus
 * and the index are opened (a thread takes 100-150 ms to start, and the check of 211,000 files
 * is most of `margin stats`): sized by the index file's bytes, the only measure of the store at
 * hand before it is opened. Guessed too large, the threads are stopped unused at the check.
 */
export function startCheckThreadsFor(cacheDir: string, root: string): void {
  try {
    const bytes = statSync(storeIndexFile(cacheDir, root), { throwIfNoEntry: false })?.size ?? 0;
    startCheckThreads(Math.floor(bytes / INDEX_BYTES_PER_FILE));
  } catch {
    // Only a head start: the check starts its threads itself.
  }
}

/**
 * The index of the store at `root`: in `cacheDir` when given, else in memory. The index only
 * saves time, so a file that is corrupt is replaced, and a cache folder that cannot be written
 * (read-only home, full disk), or any other failure, leaves an index in memory, filled by
 * reading every file.
 */
export function openStoreIndex(cacheDir: string | null | undefined, root: string): StoreIndex {
  if (!cacheDir) return StoreIndex.open(null, root);
  const file = storeIndexFile(cacheDir, root);
  try {
    makeFoldersSync(join(cacheDir, 'stores'));
    const made = !existsSync(file);
    const index = openWhenFree(file, root);
    // A new index is where a store that moved shows up: the time to drop ones left behind.
    if (made) pruneStoreIndexes(cacheDir, file);
    return index;
  } catch (error) {
    // Only a file that is not a database is deleted: another process may be using this one
    // (busy, or its folder read-only to us), and its files taken from under it lost its writes.
    if (!isCorrupt(error)) return StoreIndex.open(null, root);
    try {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      return StoreIndex.open(file, root);
    } catch {
      return StoreIndex.open(null, root);
    }
  }
}

/** How often an open that SQLite found busy is tried again, and the pause before each. */
const BUSY_TRIES = 4;
const BUSY_PAUSE_MS = 100;

/**
 * `StoreIndex.open`, tried again when SQLite says the file is busy. Its 5 s busy timeout covers
 * most waits, but not all: with three processes opening a new index at once on a loaded machine,
 * about one open in 180 got SQLITE_BUSY at once (found by test/store/concurrent-open under
 * load 8), and that run's index went to memory, filled by reading every file.
 */
function openWhenFree(file: string, root: string): StoreIndex {
  for (let tries = 1; ; tries++) {
    try {
      return StoreIndex.open(file, root);
    } catch (error) {
      if (tries >= BUSY_TRIES || !isBusy(error)) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, BUSY_PAUSE_MS * tries);
    }
  }
}

/** SQLite's word that another connection holds the lock it needed. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** SQLite's word that the file is not a database, or a damaged one. */
function isCorrupt(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/** Deletes the store indexes in `cacheDir` of stores gone for a while (corpus/db/prune.ts). */
export function pruneStoreIndexes(cacheDir: string, keep: string, now?: number): string[] {
  try {
    return pruneIndexesOfMissingFolders(join(cacheDir, 'stores'), {
      isIndex: (name) => /^[0-9a-f]{16}\.sqlite$/.test(name),
      folderOf: storeOf,
      keep,
      now,
    });
  } catch {
    // Housekeeping: a cache that cannot be tidied is still a cache.
    return [];
  }
}

/** The store an index is of: its format line is the format's name, a space and the store. */
function storeOf(db: Db): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'format'").get() as
    | { value: string }
    | undefined;
  const at = row?.value.indexOf(' ') ?? -1;
  return row && at > 0 ? row.value.slice(at + 1) : null;
}
