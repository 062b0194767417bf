import { type AnnotationFacts, placedFacts } from '../../source/search/index.js';
import type { PlacedAnnotation, ReviewStatus } from '../../source/store/types.js';

/** Annotation facts of these annotations and statuses (everything else unreviewed). */
export function context(
  annotations: PlacedAnnotation[] = [],
  statuses: Record<string, ReviewStatus> = {},
): AnnotationFacts {
  return placedFacts(annotations, (article) => statuses[article] ?? 'unreviewed');
}
