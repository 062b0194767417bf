import { type Stats, statSync } from 'node:fs';

/**
 * What is at `path`, or null when nothing can be looked at there (gone, unreadable). Synchronous:
 * a command waits for these few stats (the project file, the store, the corpus's folders, a
 * search's hits) before anything else, and a promise each went through the thread pool, whose
 * threads and `node:fs/promises` a search then started and loaded for nothing else: 5-6 ms of
 * CPU of each `margin search` (search44).
 */
export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}
