import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, removeIndexFiles } from './schema.js';
import { openSqlite } from './sqlite.js';

/** An index of a folder missing this long is taken for one that moved or was deleted. */
export const MISSING_FOR_DAYS = 14;

export interface PruneOptions {
  /** Which file names in the folder are indexes of this kind. */
  isIndex: (name: string) => boolean;
  /** The folder an index was made for, as it records it; null when it does not say. */
  folderOf: (db: Db) => string | null;
  /** The index being made now: never a candidate. */
  keep: string;
  /** For tests: the present time in milliseconds. */
  now?: number;
}

/**
 * Deletes the indexes in `dir` whose folder no longer exists and that nothing has written for
 * MISSING_FOR_DAYS days. Indexes are named by a hash of their folder's path, so a corpus or
 * store that moved or was deleted leaves its index behind for good (a 100,000-article corpus
 * index is over a gigabyte). The wait spares the index of a folder on a drive that is only
 * unplugged; an index that does not record its folder (made by an older margin) is kept. Each
 * index only ever saves time, so removing one loses nothing. Returns the files removed.
 */
export function pruneIndexesOfMissingFolders(dir: string, options: PruneOptions): string[] {
  const now = options.now ?? Date.now();
  const oldest = now - MISSING_FOR_DAYS * 24 * 60 * 60 * 1000;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const file = join(dir, name);
    if (!options.isIndex(name) || file === options.keep) continue;
    if (lastWritten(file) > oldest) continue;
    const folder = recordedFolder(file, options.folderOf);
    if (folder === null || exists(folder)) continue;
    removeIndexFiles(file);
    removed.push(file);
  }
  return removed;
}

/** When the index or its write-ahead log was last written (a write may sit in the log). */
function lastWritten(file: string): number {
  let latest = 0;
  for (const suffix of ['', '-wal']) {
    try {
      latest = Math.max(latest, statSync(`${file}${suffix}`).mtimeMs);
    } catch {
      // No log: the index alone says.
    }
  }
  return latest;
}

function recordedFolder(file: string, folderOf: (db: Db) => string | null): string | null {
  let db: Db | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    return folderOf(db);
  } catch {
    // Unreadable, locked or not an index: not ours to judge.
    return null;
  } finally {
    db?.close();
  }
}

function exists(folder: string): boolean {
  try {
    statSync(folder);
    return true;
  } catch (error) {
    // Only "no such file" says the folder is gone; a permission error or an I/O error does not.
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}
