import { join, resolve } from 'node:path';
import { makeFoldersSync } from '../../text/folders.js';
import { cleanerKey, defaultCacheDir } from '../cache.js';
import { DiskCorpusIndex } from './disk-index.js';
import { pruneIndexesOfMissingFolders } from './prune.js';
import type { RefreshOptions, RefreshSummary } from './refresh.js';
import type { ScanMode } from './scan.js';
import {
  type Db,
  folderOf,
  openDatabase,
  recordFolder,
  removeIndexFiles,
  SCHEMA_VERSION,
} from './schema.js';
import { sha256Hex } from './sha256.js';
import { openSqlite } from './sqlite.js';
import { statOrNull } from './stat-or-null.js';

/**
 * The most articles a quick look compares file by file anyway (see `openCorpusIndex`); an object
 * so that tests of a large corpus's quick look can set it lower.
 */
export const quickLookSettings = { compareWholeUpTo: 1_000 };

export interface OpenIndexOptions extends RefreshOptions {
  /** Where the index lives (default `defaultCacheDir()`). */
  cacheDir?: string;
  /** How much to look at the folder before answering (default `quick`); `none` trusts the index. */
  refresh?: ScanMode | 'none';
}

/**
 * The index file of a corpus folder: one per folder, named by a hash of its absolute path
 * (SHA-256, computed without `node:crypto`: `sha256.ts` says why).
 */
export function indexFile(cacheDir: string, root: string): string {
  const id = sha256Hex(resolve(root)).slice(0, 16);
  return join(cacheDir, `corpus-${id}.sqlite`);
}

/**
 * Opens the on-disk index of a corpus folder, creating it or bringing it up to date as asked.
 * Only a missing corpus folder, or one that is a file, throws; an index that is stale (another
 * cleaner), corrupt or missing is built again, since it only ever saves time.
 */
export async function openCorpusIndex(
  rootGiven: string,
  options: OpenIndexOptions = {},
): Promise<{ index: DiskCorpusIndex; refreshed: RefreshSummary | null }> {
  const root = resolve(rootGiven);
  const folder = statOrNull(root);
  if (!folder) throw new Error(`corpus folder not found: ${rootGiven}`);
  if (!folder.isDirectory()) throw new Error(`corpus is not a folder: ${rootGiven}`);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const file = indexFile(cacheDir, root);
  const key = `${SCHEMA_VERSION}:${cleanerKey()}`;
  let db: Db;
  let sidecar: string | null = `${file}.articles`;
  let created = false;
  try {
    makeFoldersSync(cacheDir);
    ({ db, created } = openDatabase(file, key));
  } catch {
    // A cache folder margin may not write (read-only, full, another user's): the index then
    // lives in memory for this run. It only ever saves time.
    db = openDatabase(':memory:', key).db;
    sidecar = null;
  }
  if (sidecar !== null) keepCacheTidy(db, root, cacheDir, file, created);
  const index = new DiskCorpusIndex(db, rootGiven, file, sidecar);
  const asked = options.refresh ?? 'quick';
  if (asked === 'none') return { index, refreshed: null };
  // A quick look misses a file written over in place (its folder's time unchanged). Comparing
  // every file costs about 10 µs each, so a corpus this small is always compared whole: the
  // look costs at most ~25 ms of CPU and `list`, `stats` and `agree` never answer from old text there.
  const mode =
    asked === 'quick' && index.size() <= quickLookSettings.compareWholeUpTo ? 'compare' : asked;
  try {
    return { index, refreshed: await index.refresh(mode, options) };
  } catch (error) {
    index.close();
    throw error;
  }
}

/**
 * Opens, to read as it stands, the index another thread of this process keeps up to date (the
 * review's story worker). It never creates, checks against the cleaner or rebuilds the file: that
 * is its owner's business, and a reader doing it would throw away the owner's work. Throws when
 * there is no such file.
 */
export function readOwnedCorpusIndex(rootGiven: string, cacheDir: string): DiskCorpusIndex {
  return readIndexFile(indexFile(cacheDir, resolve(rootGiven)), rootGiven);
}

/** `readOwnedCorpusIndex` of the index file itself (`DiskCorpusIndex.file`). */
export function readIndexFile(file: string, rootGiven: string): DiskCorpusIndex {
  const db = openSqlite(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return new DiskCorpusIndex(db, rootGiven, file);
}

/**
 * Records the index's folder and, when the index is new (where a folder that moved shows up),
 * drops the indexes of folders gone for a while. Housekeeping: its failure never stops a command.
 */
function keepCacheTidy(db: Db, root: string, cacheDir: string, file: string, created: boolean) {
  try {
    recordFolder(db, root);
    if (created) pruneCorpusIndexes(cacheDir, file);
  } catch {
    // A cache that cannot be written is one that cannot be tidied either.
  }
}

/** Deletes the corpus indexes in `cacheDir` of folders gone for a while (prune.ts). */
export function pruneCorpusIndexes(cacheDir: string, keep: string, now?: number): string[] {
  return pruneIndexesOfMissingFolders(cacheDir, {
    isIndex: (name) => /^corpus-[0-9a-f]{16}\.sqlite$/.test(name),
    folderOf,
    keep,
    now,
  });
}

/** Deletes the index of a corpus folder: nothing is lost, the next opening builds it again. */
export function deleteCorpusIndex(root: string, cacheDir = defaultCacheDir()): void {
  removeIndexFiles(indexFile(cacheDir, root));
}
