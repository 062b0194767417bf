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
  let labels: Map<string, string[]> | null = null;
  return {
    version: 0,
    sentences: () => sentencesOf(annotations),
    texts: () => textsOf(annotations),
    labels: (article, sentence) => {
      // Every hit asks: a scan of the list per hit took 330 ms a query with 60,000 annotations.
      labels ??= labelsBySentence(annotations);
      return labels.get(sentenceKey(article, sentence)) ?? [];
    },
    status,
    annotators: () => annotators,
  };
}

const sentenceKey = (article: string, sentence: string) => `${article}\u0000${sentence}`;

/** The labels on each placed sentence, sorted and without repeats. */
function labelsBySentence(annotations: readonly PlacedAnnotation[]): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const annotation of annotations) {
    if (!annotation.placement) continue;
    const key = sentenceKey(annotation.article, annotation.placement.sentence);
    const labels = found.get(key) ?? new Set<string>();
    labels.add(annotation.label);
    found.set(key, labels);
  }
  return new Map([...found].map(([key, labels]) => [key, [...labels].sort()]));
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
