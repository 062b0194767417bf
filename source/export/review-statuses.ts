import type { ReviewStatus } from '../store/types.js';

/**
 * A review status as a report of progress reads it: `only opened` is an article in progress
 * whose annotator's file holds nothing (opening an article from the list makes it in progress),
 * which must not pass for one reviewed with nothing found (qa55 #4).
 */
export type ProgressStatus = ReviewStatus | 'only opened';

/** Every annotator's review status of every article, from the store's rows of them. */
export interface ReviewStatuses {
  /** The articles some annotator has a status of other than unreviewed. */
  articles(): Iterable<string>;
  /** The status `annotator` gave `article`: unreviewed where the store has none. */
  of(article: string, annotator: string): ReviewStatus;
  /** The same, `only opened` for an article in progress with nothing in the annotator's file. */
  progress(article: string, annotator: string): ProgressStatus;
}

/**
 * The statuses of `rows` (the store's `reviewed()`), by article first: a report asks for every
 * article of the corpus, most of them never reviewed. `opened`: the store's `onlyOpened()`.
 */
export function reviewStatuses(
  rows: Iterable<{ article: string; annotator: string; status: ReviewStatus }>,
  opened: Iterable<{ article: string; annotator: string }> = [],
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
  const onlyOpened = new Map<string, Set<string>>();
  for (const { article, annotator } of opened) {
    let own = onlyOpened.get(article);
    if (!own) {
      own = new Set();
      onlyOpened.set(article, own);
    }
    own.add(annotator);
  }
  const of = (article: string, annotator: string): ReviewStatus =>
    statuses.get(article)?.get(annotator) ?? 'unreviewed';
  return {
    articles: () => statuses.keys(),
    of,
    progress: (article, annotator) => {
      const status = of(article, annotator);
      return status === 'in progress' && onlyOpened.get(article)?.has(annotator)
        ? 'only opened'
        : status;
    },
  };
}

/** The store's status a progress status stands for (`only opened` is in progress). */
export function storedStatus(status: ProgressStatus): ReviewStatus {
  return status === 'only opened' ? 'in progress' : status;
}
