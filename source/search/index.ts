import { memoryWordIndex } from '../corpus/memory-word-index.js';
import type { Article } from '../corpus/types.js';
import type { WordIndex } from '../corpus/word-index.js';
import { Engine, type SearchEngine } from './engine.js';

export type { AnnotationFacts } from './annotation-facts.js';
export { placedFacts } from './context.js';
export { DEFAULT_LIMIT, type SearchEngine, type SearchOptions } from './engine.js';
export { notFilterNote, type ParsedQuery, parseQuery, type QueryFilter } from './query.js';
export { type SearchMemo, SearchStopped, searchMemo } from './sentence-words.js';
export { storeFacts } from './store-facts.js';
export type { SearchHit } from './types.js';

/** Search over articles in memory: for tests and small inputs. */
export function buildSearchEngine(articles: readonly Article[]): SearchEngine {
  return new Engine(memoryWordIndex(articles));
}

/** Search over a word index: the on-disk corpus index's, for a corpus of any size. */
export function searchEngine(index: WordIndex): SearchEngine {
  return new Engine(index);
}
export { storeCannotFilter, sureHits } from './sure-hits.js';
