import type { SearchContext } from '../../source/search/index.js';
import type { PlacedAnnotation, ReviewStatus } from '../../source/store/types.js';

/** A search context with these annotations and statuses (everything else unreviewed). */
export function context(
  annotations: PlacedAnnotation[] = [],
  statuses: Record<string, ReviewStatus> = {},
): SearchContext {
  return {
    annotations,
    status: (article) => statuses[article] ?? 'unreviewed',
    annotators: [...new Set(annotations.map((annotation) => annotation.annotator))].sort(),
  };
}
