import type { DiskCorpusIndex } from './disk-index.js';
import type { RefreshSummary } from './refresh.js';

/**
 * How soon a look is taken again whether another margin has finished indexing, at first and at
 * most: each look lists the corpus folder (100,000 names), so a long indexing is looked at less
 * and less often.
 */
const FIRST_WAIT_MS = 200;
const LONGEST_WAIT_MS = 2_000;

/**
 * Waits, when a refresh found another margin refreshing the same index (`refreshed` false), for
 * that one to finish, then reads the article table it wrote. Its index is half written until
 * then: a review started beside it listed no article, or kept a table its search found nothing
 * in, for as long as it ran (verify52 #2). `waiting` is told once, before the first wait.
 */
export async function afterOthers(
  index: DiskCorpusIndex,
  refreshed: RefreshSummary,
  options: { waiting?: () => void; signal?: AbortSignal } = {},
): Promise<RefreshSummary> {
  if (refreshed.refreshed) return refreshed;
  options.waiting?.();
  let summary = refreshed;
  for (let wait = FIRST_WAIT_MS; !summary.refreshed; wait = Math.min(wait * 2, LONGEST_WAIT_MS)) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    options.signal?.throwIfAborted();
    summary = await index.refresh('quick', options.signal ? { signal: options.signal } : {});
  }
  // What the other wrote last: a look that finds nothing left to do reads nothing again.
  index.reload();
  return summary;
}
