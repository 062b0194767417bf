import type { SearchFunction } from '../review/controller.js';
import { type SearchEngine, type SearchHit, SearchStopped, storeFacts } from '../search/index.js';

/**
 * The review's `/`: at most a page of hits, read within the time a key may take while the
 * reviewer types (null when that was not enough), and how many sentences match in all.
 */
export function reviewSearch(
  engine: SearchEngine,
  labels?: readonly string[],
  { typingMs = TYPING_SEARCH_MS, countMs = COUNT_MS } = {},
): SearchFunction {
  return (query, repository, whole, limit = SHOWN_HITS, counted) => {
    const deadline = performance.now() + typingMs;
    const facts = storeFacts(repository);
    let hits: SearchHit[];
    let known: number | undefined;
    try {
      hits = engine.search(query, facts, {
        limit,
        ...(labels ? { labels } : {}),
        ...(whole ? {} : { giveUp: () => performance.now() > deadline }),
        onTotal: (total) => {
          known = total;
        },
      });
    } catch (error) {
      if (error instanceof SearchStopped) return null;
      throw error;
    }
    if (hits.length < limit) return { hits, total: hits.length };
    // The search read every match to rank them: their number is known, nothing to count.
    if (known !== undefined) return { hits, total: known };
    // The count given with the first results stands while paging past them.
    if (counted !== undefined) return { hits, total: counted };
    // More may match than are shown: they are counted in what is left of the time a key may
    // take (after Enter, at most COUNT_MS more), else the box says more match.
    const counting = whole ? performance.now() + countMs : deadline;
    try {
      const total = engine.count(query, facts, {
        ...(labels ? { labels } : {}),
        giveUp: () => performance.now() > counting,
      });
      return { hits, total };
    } catch (error) {
      if (error instanceof SearchStopped) return { hits, total: null };
      throw error;
    }
  };
}

/** How many hits the box lists at first (PgDn past them reads more). */
const SHOWN_HITS = 50;

/**
 * How long counting every match may take after Enter searched them all: the count is only said
 * (`first 50 of 635 results`), and the screen takes no key meanwhile.
 */
const COUNT_MS = 500;

/**
 * How long a search may read while the reviewer types: the screen cannot take keys meanwhile,
 * and a phrase of common words (`"it is`) reads for seconds at 100,000 articles. A search that
 * stops says so, and Enter has it read everything.
 */
const TYPING_SEARCH_MS = 200;
