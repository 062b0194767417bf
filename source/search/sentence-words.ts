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
 * Runs `search` so that it stops (throws SearchStopped) once `stop` says so; `count`: it is a
 * count, which stops between the steps of its posting lists too (`stopIfCounting`).
 */
export function stoppable<T>(stop: (() => boolean) | undefined, search: () => T, count = false): T {
  if (!stop) return search();
  const outer = giveUp;
  const outerCounting = counting;
  giveUp = stop;
  counting = count;
  try {
    return search();
  } finally {
    giveUp = outer;
    counting = outerCounting;
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
