import type { SearchFunction } from '../review/controller.js';
import {
  type SearchEngine,
  type SearchHit,
  type SearchMemo,
  SearchStopped,
  searchMemo,
  storeFacts,
} from '../search/index.js';

/**
 * The review's `/`: at most a page of hits, read within the time a key may take while the
 * reviewer types (null when that was not enough), and how many sentences match in all. Asked
 * to read everything `in turns` (Enter), it reads for a turn of `turnMs` and says `reading`
 * when it must go on: asked again, it goes on from there (`SearchMemo`), and the screen takes
 * keys between two turns.
 */
export function reviewSearch(
  engine: SearchEngine,
  labels?: readonly string[],
  { typingMs = TYPING_SEARCH_MS, countMs = COUNT_MS, turnMs = TURN_MS } = {},
): SearchFunction {
  // What the last query read in turns has read so far: one query's, the latest asked.
  let kept: { query: string; memo: SearchMemo } | null = null;
  return (query, repository, whole, limit = SHOWN_HITS, counted) => {
    const inTurns = whole === 'in turns';
    let deadline = performance.now() + typingMs;
    const facts = storeFacts(repository);
    let hits: SearchHit[];
    let known: number | undefined;
    if (inTurns && kept?.query !== query) kept = { query, memo: searchMemo() };
    // A turn reads for `turnMs` from the first sentence it had not read (finding the lists and
    // passing over what earlier turns read comes first), and reads that one however slow the
    // machine: each turn goes further than the last. Timed from the turn's start, a turn that
    // late in a read of 231,646 sentences read one sentence each (1:24 of CPU, not done).
    let asked = 0;
    const turn = () => {
      if (++asked > 1) return performance.now() > deadline;
      deadline = performance.now() + turnMs;
      return false;
    };
    try {
      hits = engine.search(query, facts, {
        limit,
        ...(labels ? { labels } : {}),
        ...(inTurns
          ? { giveUp: turn, memo: kept!.memo }
          : whole
            ? {}
            : { giveUp: () => performance.now() > deadline }),
        onTotal: (total) => {
          known = total;
        },
      });
    } catch (error) {
      if (error instanceof SearchStopped) return inTurns ? 'reading' : null;
      throw error;
    }
    if (inTurns) kept = null;
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

/**
 * How long Enter's search reads before the screen takes the keys typed meanwhile: Esc, moving,
 * typing on. At 100,000 articles a phrase of common words reads for 25 s (load 15).
 */
const TURN_MS = 100;

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
