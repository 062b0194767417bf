import type { Repository } from '../store/repository.js';
import type { SearchContext } from './engine.js';

/**
 * What a search needs of the store, read afresh at each query so new tags count at once. Its own
 * module: the review imports it at start-up, long before it loads the search engine.
 */
export function searchContext(
  repository: Pick<Repository, 'list' | 'status' | 'annotators'>,
): SearchContext {
  return {
    annotations: repository.list(),
    status: (article, annotator) => repository.status(article, annotator),
    annotators: repository.annotators(),
  };
}
