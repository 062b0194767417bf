import { emptyRecord } from '../text/own.js';
import type { FileCounts, PlacedAnnotation } from './types.js';

/** One article's placed annotations counted per annotator and label, with their orphans. */
export function countByAnnotator(annotations: Iterable<PlacedAnnotation>): FileCounts[] {
  const byAnnotator = new Map<string, FileCounts & { labels: Record<string, number> }>();
  for (const annotation of annotations) {
    let file = byAnnotator.get(annotation.annotator);
    if (!file) {
      // No prototype: a label may be named `constructor` or `toString` (qa54).
      file = { annotator: annotation.annotator, labels: emptyRecord(), orphans: 0 };
      byAnnotator.set(annotation.annotator, file);
    }
    file.labels[annotation.label] = (file.labels[annotation.label] ?? 0) + 1;
    if (!annotation.placement) file.orphans++;
  }
  return [...byAnnotator.values()];
}
