import type { IndexedArticles, WordIndex } from '../corpus/word-index.js';

/** Thrown out of a search whose `giveUp` said so: the search has no answer then. */
export class SearchStopped extends Error {
  constructor() {
    super('the search stopped before it had read every sentence it needed');
  }
}

/**
 * The running search's `giveUp`, asked before each sentence is read: reading sentences is what
 * can take seconds (a phrase of common words at 100,000 articles), and every way a search reads
 * one comes through here. A search runs start to end without yielding, so one at a time is set.
 */
let giveUp: (() => boolean) | null = null;

/** Throws SearchStopped when the running search's `giveUp` says so: for a read not made here. */
export function stopIfAsked(): void {
  if (giveUp?.()) throw new SearchStopped();
}

/** Whether the running search is a count (`counting` of `stoppable`). */
let counting = false;

/**
 * Throws SearchStopped when the running search is a count and its `giveUp` says so: asked
 * between the steps of walking posting lists. A count of a common word reads no sentence, and
 * counting `the` at 100,000 articles walked 2.5 million keys for 0.5-1.3 s (load 12) while the
 * review's screen, counting in what was left of a key's 0.2 s, took no key. A search is not
 * stopped there: its hits are worth the wait, and a word's first hits come from the lists' heads.
 */
export function stopIfCounting(): void {
  if (counting) stopIfAsked();
}

/**
 * What the runs of one search read of sentences, kept so that a search stopped and run again
 * goes on where it stopped instead of reading the same sentences again: per place in the
 * engine that reads (a term, the phrases a query holds, a signed figure) the result of each
 * sentence key. The review's Enter on a phrase of common words reads every sentence with its
 * words (231,646 for `"it is"` at 100,000 articles, 25 s at load 15): it reads them in turns of
 * a tenth of a second, so that the screen takes keys between them.
 *
 * Made at one state of the index (`readAt`), and carried over when it moves (`carryOver`): a
 * sentence key is never given again (keys grow with every article written, a changed article
 * written anew under new keys), so what a key gave still holds for as long as its article is
 * in the index. Forgotten at every move instead, a search of 25 s never ended while a scraper
 * wrote into the folder every 10 s (the review's look at it moves the index's generation).
 */
export interface SearchMemo {
  readAt?: string | undefined;
  readonly reads: Map<string, Map<number, number>>;
  /** Where a long read stopped, per place (`resumed`): its list and how far it got. */
  readonly resumes: Map<string, unknown>;
  /** Those made at an earlier state of the index, by place, for `resumed` to carry over. */
  readonly earlier: Map<string, unknown>;
}

export function searchMemo(): SearchMemo {
  return { reads: new Map(), resumes: new Map(), earlier: new Map() };
}

/**
 * What was read, taken to the index's state `readAt`: what each key gave is kept, but for a
 * plain word's, whose near spellings come from the vocabulary (an article written since may
 * bring one); where long reads stopped is kept aside for `resumed`, whose lists are made anew.
 */
export function carryOver(kept: SearchMemo, readAt: string | undefined): void {
  for (const site of kept.reads.keys()) {
    if (site.startsWith(WORD_SITE)) kept.reads.delete(site);
  }
  for (const [site, resume] of kept.resumes) kept.earlier.set(site, resume);
  kept.resumes.clear();
  kept.readAt = readAt;
}

/** How `termSite` begins a plain word's place. */
export const WORD_SITE = 'w\u0000';

/**
 * The running search's record of how far the read at `site` went (made by `make` the first
 * time, given what was read there at an earlier state of the index: `carryOver`), or null when
 * the search keeps nothing. A loop over it goes on from where the last run stopped: walking a
 * phrase's posting lists again to pass what was read, then each read key's remembered result,
 * cost 140 ms a turn late in a read of 231,646 sentences (load 19).
 */
export function resumed<T>(site: string, make: (earlier: T | undefined) => T): T | null {
  if (!memo) return null;
  let found = memo.resumes.get(site) as T | undefined;
  if (found === undefined) {
    const earlier = memo.earlier.get(site) as T | undefined;
    memo.earlier.delete(site);
    found = make(earlier);
    memo.resumes.set(site, found);
  }
  return found;
}

/** The running search's memo, if it has one. */
let memo: SearchMemo | null = null;

/** Whether the running search keeps what it reads (`remembered` then asks for a place). */
export function remembering(): boolean {
  return memo !== null;
}

/**
 * `read(key)` for a sentence key at the place `site` names, or what it gave an earlier run of
 * the same search. A read stopped by `giveUp` throws before it gives anything: nothing is kept.
 */
export function remembered(site: string, key: number, read: () => number): number {
  if (!memo) return read();
  let own = memo.reads.get(site);
  if (!own) {
    own = new Map();
    memo.reads.set(site, own);
  }
  let found = own.get(key);
  if (found === undefined) {
    found = read();
    own.set(key, found);
  }
  return found;
}

/**
 * Runs `search` so that it stops (throws SearchStopped) once `stop` says so; `count`: it is a
 * count, which stops between the steps of its posting lists too (`stopIfCounting`); `kept`:
 * what its sentence reads give is kept there (`remembered`).
 */
export function stoppable<T>(
  stop: (() => boolean) | undefined,
  search: () => T,
  count = false,
  kept?: SearchMemo,
): T {
  if (!stop && !kept) return search();
  const outer = giveUp;
  const outerCounting = counting;
  const outerMemo = memo;
  if (stop) {
    giveUp = stop;
    counting = count;
  }
  memo = kept ?? null;
  try {
    return search();
  } finally {
    giveUp = outer;
    counting = outerCounting;
    memo = outerMemo;
  }
}

/**
 * The folded words of the sentence `key` of the article at position `a`. Probing asks for one
 * sentence of each of a few hundred articles: an index that can, gives that sentence alone.
 */
export function wordsOfSentence(
  index: WordIndex,
  articles: IndexedArticles,
  key: number,
  a: number,
): readonly string[] {
  stopIfAsked();
  const at = key - articles.firsts[a]!;
  if (index.oneSentenceWords) return index.oneSentenceWords(a, at);
  return index.sentenceWords(a)[at] ?? [];
}

/** Probing a sentence in memory costs about as much as walking its words' postings. */
const IN_MEMORY_PROBE = 20;
/**
 * An index that folds one sentence alone reads it from disk, article and all: about 0.1 ms for
 * an article not read yet, where walking a posting costs about 0.2 µs (100,000 articles).
 */
const ON_DISK_PROBE = 500;

/** What testing one sentence for a term costs, in postings walked: how the engine chooses. */
export function probeCost(index: WordIndex): number {
  return index.readsSentences ? ON_DISK_PROBE : IN_MEMORY_PROBE;
}
