import type { ReviewStatus } from '../store/types.js';

/** Every annotator's review status of every article, from the store's rows of them. */
export interface ReviewStatuses {
  /** The articles some annotator has a status of other than unreviewed. */
  articles(): Iterable<string>;
  /** The status `annotator` gave `article`: unreviewed where the store has none. */
  of(article: string, annotator: string): ReviewStatus;
}

/**
 * The statuses of `rows` (the store's `reviewed()`), by article first: a report asks for every
 * article of the corpus, most of them never reviewed.
 */
export function reviewStatuses(
  rows: Iterable<{ article: string; annotator: string; status: ReviewStatus }>,
): ReviewStatuses {
  const statuses = new Map<string, Map<string, ReviewStatus>>();
  for (const { article, annotator, status } of rows) {
    let own = statuses.get(article);
    if (!own) {
      own = new Map();
      statuses.set(article, own);
    }
    own.set(annotator, status);
  }
  return {
    articles: () => statuses.keys(),
    of: (article, annotator) => statuses.get(article)?.get(annotator) ?? 'unreviewed',
  };
}
