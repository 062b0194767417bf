import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';
import type { AnnotatedSentence, AnnotationFacts, AnnotationText } from './annotation-facts.js';

/**
 * The annotations of a list (placed on the current text) as search reads them: for tests and
 * callers that hold annotations already. A repository answers through `storeFacts`.
 */
export function placedFacts(
  annotations: readonly PlacedAnnotation[],
  status: (article: string, annotator?: string) => ReviewStatus = () => 'unreviewed',
  annotators: readonly string[] = [...new Set(annotations.map((a) => a.annotator))].sort(),
): AnnotationFacts {
  return {
    version: 0,
    sentences: () => sentencesOf(annotations),
    texts: () => textsOf(annotations),
    labels: (article, sentence) => labelsOn(annotations, article, sentence),
    status,
    annotators: () => annotators,
  };
}

function labelsOn(
  annotations: readonly PlacedAnnotation[],
  article: string,
  sentence: string,
): string[] {
  const labels = new Set<string>();
  for (const annotation of annotations) {
    if (annotation.article === article && annotation.placement?.sentence === sentence)
      labels.add(annotation.label);
  }
  return [...labels].sort();
}

function* sentencesOf(annotations: readonly PlacedAnnotation[]): Iterable<AnnotatedSentence> {
  // An orphan has lost its sentence: there is nothing to show it on.
  for (const annotation of annotations) {
    if (!annotation.placement) continue;
    yield {
      article: annotation.article,
      sentence: annotation.placement.sentence,
      labels: [annotation.label],
      annotators: [annotation.annotator],
    };
  }
}

function* textsOf(annotations: readonly PlacedAnnotation[]): Iterable<AnnotationText> {
  for (const annotation of annotations) {
    if (!annotation.placement) continue;
    const { article } = annotation;
    const sentence = annotation.placement.sentence;
    if (annotation.note) yield { article, sentence, text: annotation.note };
    for (const value of Object.values(annotation.attributes ?? {}))
      yield { article, sentence, text: value };
  }
}
