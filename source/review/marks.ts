import { DEFAULT_LABELS, type LabelSet, sortLabelNames } from '../store/labels.js';
import type { Label, PlacedAnnotation, ReviewStatus } from '../store/types.js';

/** What one annotator has put on one sentence, as the reader shows it. */
export interface SentenceMarks {
  labels: Label[];
  /** The note; where the labels' notes differ (a merge, an import), each, joined by ` | `. */
  note: string | null;
  attributes: Record<string, string>;
  /**
   * Where the sentence's labels do not agree (the review edits one note and one set of
   * attributes for them all): `notes`, the labels' own notes, and `attributes`, the names whose
   * values differ. Saving must not give one label's text to the others unseen.
   */
  differ?: { notes?: true; attributes?: string[] };
}

/** How the differing notes of a sentence's labels are shown in one line. */
export const NOTES_JOINED = ' | ';

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
  const placed = new Map<string, PlacedAnnotation[]>();
  const orphans: PlacedAnnotation[] = [];
  for (const annotation of annotations) {
    if (!annotation.placement) {
      orphans.push(annotation);
      continue;
    }
    const id = annotation.placement.sentence;
    const own = placed.get(id);
    if (own) own.push(annotation);
    else placed.set(id, [annotation]);
  }
  for (const [id, own] of placed) sentences[id] = sentenceMarks(own);
  return { sentences, orphans, status, readOnly };
}

/** One sentence's annotations (one annotator's) as the reader shows and edits them. */
function sentenceMarks(annotations: PlacedAnnotation[]): SentenceMarks {
  const labels = sortLabels([...new Set(annotations.map((a) => a.label))]);
  const inOrder = [...annotations].sort(
    (a, b) => labels.indexOf(a.label) - labels.indexOf(b.label),
  );
  const notes = [...new Set(inOrder.flatMap((a) => (a.note ? [a.note] : [])))];
  // A Map, not an object: a stored attribute may be named `constructor` or `__proto__` (an
  // import), which `in` found on every object (qa51: "constructor differs" on one label) and
  // which an assignment would have made the object's prototype.
  const values = new Map<string, string>();
  const mixed = new Set<string>();
  for (const annotation of inOrder) {
    for (const [name, value] of Object.entries(annotation.attributes ?? {})) {
      const seen = values.get(name);
      if (seen === undefined) values.set(name, value);
      else if (seen !== value) mixed.add(name);
    }
  }
  const attributes: Record<string, string> = Object.fromEntries(values);
  const differ = {
    ...(notes.length > 1 ? { notes: true as const } : {}),
    ...(mixed.size > 0 ? { attributes: [...mixed].sort() } : {}),
  };
  return {
    labels,
    note: notes.length > 0 ? notes.join(NOTES_JOINED) : null,
    attributes,
    ...(Object.keys(differ).length > 0 ? { differ } : {}),
  };
}

/** In the project's order; labels it no longer declares last (kept, shown as unknown). */
export function sortLabels(labels: Label[], set: LabelSet = DEFAULT_LABELS): Label[] {
  return sortLabelNames(set, labels);
}

/** Whether the article's annotations have been read onto its sentences (not only counted). */
export function sentencesRead(marks: ArticleMarks | undefined): marks is ArticleMarks {
  return marks !== undefined && marks.tally === undefined;
}

/**
 * In progress with nothing in the annotator's file: an article only opened (Enter, `J`), which
 * is no work done. Counted as unreviewed everywhere progress is shown (the list's `·`, `status:`
 * in search, `stats`, `agree`, the compare table).
 */
export function onlyOpened(marks: ArticleMarks): boolean {
  return (
    marks.status === 'in progress' && marks.orphans.length === 0 && labelCounts(marks).size === 0
  );
}

/** The status the list shows: an article only opened is unreviewed (`onlyOpened`). */
export function progressStatus(marks: ArticleMarks): ArticleMarks['status'] {
  return onlyOpened(marks) ? 'unreviewed' : marks.status;
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
