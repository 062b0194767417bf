import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StoreIndex } from './store-index.js';

/** Where the index of the store at `root` (absolute) lives under the cache folder. */
export function storeIndexFile(cacheDir: string, root: string): string {
  const id = createHash('sha256').update(root).digest('hex').slice(0, 16);
  return join(cacheDir, 'stores', `${id}.sqlite`);
}

/**
 * The index of the store at `root`: in `cacheDir` when given, else in memory. The index only
 * saves time, so a file that is corrupt is replaced, and a cache folder that cannot be written
 * (read-only home, full disk) leaves an index in memory, filled by reading every file.
 */
export function openStoreIndex(cacheDir: string | null | undefined, root: string): StoreIndex {
  if (!cacheDir) return StoreIndex.open(null, root);
  const file = storeIndexFile(cacheDir, root);
  try {
    mkdirSync(join(cacheDir, 'stores'), { recursive: true });
    return StoreIndex.open(file, root);
  } catch {
    try {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      return StoreIndex.open(file, root);
    } catch {
      return StoreIndex.open(null, root);
    }
  }
}
