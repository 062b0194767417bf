import { DEFAULT_LABELS, type LabelSet, sortLabelNames } from '../store/labels.js';
import type { Label, PlacedAnnotation, ReviewStatus } from '../store/types.js';

/** What one annotator has put on one sentence, as the reader shows it. */
export interface SentenceMarks {
  labels: Label[];
  note: string | null;
  attributes: Record<string, string>;
}

/** Everything the review screen needs to know about one article's annotations. */
export interface ArticleMarks {
  sentences: Record<string, SentenceMarks>;
  /** Annotations whose text is no longer found: shown under the text, never dropped. */
  orphans: PlacedAnnotation[];
  status: ReviewStatus;
  /** Why the article cannot be changed (its store file was refused), or null. */
  readOnly: string | null;
  /**
   * Set while the sentences have not been read (they are empty then): the store index's count of
   * annotations per label, which the list shows. Reading the article's annotations drops it.
   */
  tally?: Record<Label, number>;
}

export const EMPTY_MARKS: ArticleMarks = {
  sentences: {},
  orphans: [],
  status: 'unreviewed',
  readOnly: null,
};

export const NO_SENTENCE_MARKS: SentenceMarks = { labels: [], note: null, attributes: {} };

/** Folds one annotator's annotations of one article into per-sentence marks. */
export function marksFromAnnotations(
  annotations: PlacedAnnotation[],
  status: ReviewStatus,
  readOnly: string | null,
): ArticleMarks {
  const sentences: Record<string, SentenceMarks> = {};
  const orphans: PlacedAnnotation[] = [];
  for (const annotation of annotations) {
    if (!annotation.placement) {
      orphans.push(annotation);
      continue;
    }
    const id = annotation.placement.sentence;
    const marks = sentences[id] ?? { labels: [], note: null, attributes: {} };
    if (!marks.labels.includes(annotation.label)) marks.labels.push(annotation.label);
    if (annotation.note) marks.note = annotation.note;
    Object.assign(marks.attributes, annotation.attributes ?? {});
    sentences[id] = marks;
  }
  for (const marks of Object.values(sentences)) marks.labels = sortLabels(marks.labels);
  return { sentences, orphans, status, readOnly };
}

/** In the project's order; labels it no longer declares last (kept, shown as unknown). */
export function sortLabels(labels: Label[], set: LabelSet = DEFAULT_LABELS): Label[] {
  return sortLabelNames(set, labels);
}

/** Whether the article's annotations have been read onto its sentences (not only counted). */
export function sentencesRead(marks: ArticleMarks | undefined): marks is ArticleMarks {
  return marks !== undefined && marks.tally === undefined;
}

/** How many sentences carry each label; a label absent from the article is absent here. */
export function labelCounts(marks: ArticleMarks): Map<Label, number> {
  if (marks.tally) return new Map(Object.entries(marks.tally).filter(([, n]) => n > 0));
  const counts = new Map<Label, number>();
  for (const sentence of Object.values(marks.sentences)) {
    for (const label of sentence.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return counts;
}
