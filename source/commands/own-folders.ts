import { markNotArticles } from '../corpus/files.js';
import { makeFoldersSync } from '../text/folders.js';

/**
 * Marks margin's own folders, the cache and the store (when it exists), as no articles before a
 * corpus is looked at: a corpus folder holding either then never reads their files (one look at
 * each when marked already). The store marks itself too when it opens (store/disk-storage.ts).
 * A module of its own: the review calls it before the corpus index's code has loaded.
 */
export function markOwnFolders(cacheDir: string, store: string | null): void {
  try {
    makeFoldersSync(cacheDir);
    markNotArticles(cacheDir);
  } catch {
    // A cache margin may not write: the index then lives in memory (corpus/db/open.ts).
  }
  if (store !== null) markNotArticles(store);
}
