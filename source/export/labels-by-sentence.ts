import { DEFAULT_LABELS, type LabelSet, sortLabelNames } from '../store/labels.js';
import type { Label, PlacedAnnotation } from '../store/types.js';

/**
 * Each annotator's labels per sentence (`article` → `sentence` → `annotator` → labels in
 * the set's order, unknown labels last). Orphans are not on any current sentence and are left out.
 */
export type SentenceLabels = Map<string, Map<string, Map<string, Label[]>>>;

export function labelsBySentence(
  annotations: Iterable<PlacedAnnotation>,
  labelSet: LabelSet = DEFAULT_LABELS,
): SentenceLabels {
  const sets = new Map<string, Map<string, Map<string, Set<Label>>>>();
  for (const annotation of annotations) {
    if (!annotation.placement) continue;
    let sentences = sets.get(annotation.article);
    if (!sentences) {
      sentences = new Map();
      sets.set(annotation.article, sentences);
    }
    let annotators = sentences.get(annotation.placement.sentence);
    if (!annotators) {
      annotators = new Map();
      sentences.set(annotation.placement.sentence, annotators);
    }
    const labels = annotators.get(annotation.annotator) ?? new Set<Label>();
    annotators.set(annotation.annotator, labels.add(annotation.label));
  }
  const out: SentenceLabels = new Map();
  for (const [article, sentences] of sets) {
    const bySentence = new Map<string, Map<string, Label[]>>();
    for (const [sentence, annotators] of sentences) {
      const byAnnotator = new Map<string, Label[]>();
      for (const [annotator, labels] of annotators) {
        byAnnotator.set(annotator, sortLabelNames(labelSet, labels));
      }
      bySentence.set(sentence, byAnnotator);
    }
    out.set(article, bySentence);
  }
  return out;
}

/** A label set as one nominal category: `claim+quote`, or `none`. */
export function labelSetCategory(labels: readonly Label[] | undefined): string {
  return labels && labels.length > 0 ? labels.join('+') : 'none';
}
