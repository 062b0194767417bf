import type { Repository } from '../store/repository.js';
import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';
import type { AnnotatedSentence, AnnotationFacts, AnnotationText } from './annotation-facts.js';

/**
 * The annotations of a list (placed on the current text) as search reads them: for tests and
 * callers that hold annotations already.
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

interface Seen {
  annotations: PlacedAnnotation[];
  version: number;
}

const seen = new WeakMap<object, Seen>();

/**
 * What a search needs of the store, read afresh at each query so new tags count at once. The
 * version moves when `repository.list()` holds other annotation objects than last time (it builds
 * a new array per call around the same objects): a pointer comparison each.
 */
export function repositoryFacts(
  repository: Pick<Repository, 'list' | 'status' | 'annotators'>,
): AnnotationFacts {
  const now = repository.list();
  let known = seen.get(repository);
  if (!known) {
    known = { annotations: now, version: 0 };
    seen.set(repository, known);
  } else if (!sameItems(known.annotations, now)) {
    known.annotations = now;
    known.version++;
  }
  const annotations = known.annotations;
  return {
    version: known.version,
    sentences: () => sentencesOf(annotations),
    texts: () => textsOf(annotations),
    labels: (article, sentence) => labelsOn(repository.list({ article }), article, sentence),
    status: (article, annotator) => repository.status(article, annotator),
    annotators: () => repository.annotators(),
  };
}

function sameItems(before: PlacedAnnotation[], now: PlacedAnnotation[]): boolean {
  if (before === now) return true;
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (before[i] !== now[i]) return false;
  return true;
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
