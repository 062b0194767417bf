import type { Article, Sentence } from '../corpus/types.js';
import type { Label, PlacedAnnotation } from '../store/types.js';
import { labelSetCategory, labelsBySentence } from './labels-by-sentence.js';

/** The annotator that accepted versions are written to. */
export const GOLD = 'gold';

/** One sentence in compare mode: what each annotator gave it. */
export interface CompareRow {
  sentence: Sentence;
  /** Every compared annotator, in the order given, with their labels (empty: none). */
  labels: Array<{ annotator: string; labels: Label[] }>;
  /** True when not every annotator gave the same label set (no labels counts as a set). */
  disagreement: boolean;
}

/**
 * Every sentence of the article with each annotator's labels side by side, disagreements first,
 * each group in reading order. Orphans are not on any sentence and do not appear.
 */
export function compareSentences(
  article: Article,
  annotationsByAnnotator: Record<string, PlacedAnnotation[]>,
): CompareRow[] {
  const annotators = Object.keys(annotationsByAnnotator);
  const bySentence =
    labelsBySentence(Object.values(annotationsByAnnotator).flat()).get(article.id) ?? new Map();
  const rows = article.sentences.map((sentence): CompareRow => {
    const given = bySentence.get(sentence.id);
    const labels = annotators.map((annotator) => ({
      annotator,
      labels: given?.get(annotator) ?? [],
    }));
    const categories = new Set(labels.map((entry) => labelSetCategory(entry.labels)));
    return { sentence, labels, disagreement: categories.size > 1 };
  });
  return [...rows.filter((row) => row.disagreement), ...rows.filter((row) => !row.disagreement)];
}

/** What accepting one annotator's version of a sentence does to the gold annotator's labels. */
export interface AcceptPlan {
  sentence: string;
  /** Labels gold must gain (`repo.tag`). */
  tag: Label[];
  /** Labels gold must lose (`repo.untag`). */
  untag: Label[];
  /** Note and attributes to set on gold's annotations of the sentence (`repo.annotate`), or null. */
  patch: { note: string | null; attributes: Record<string, string> | null } | null;
}

/**
 * Accepting `annotator`'s version makes gold's labels on the sentence exactly that annotator's
 * (tagging what is missing, untagging what is extra; accepting "no labels" clears gold's) and
 * copies the note and attributes of the accepted annotations. Apply it with a repository opened
 * as `GOLD`: `tag` each of `tag`, `untag` each of `untag`, then `annotate` with `patch` if set.
 * Accepting the version gold already has yields empty lists, so accepting twice is harmless.
 */
export function acceptVersion(
  row: CompareRow,
  annotator: string,
  annotations: PlacedAnnotation[],
  gold: Label[],
): AcceptPlan {
  const chosen = row.labels.find((entry) => entry.annotator === annotator)?.labels ?? [];
  const own = annotations.filter(
    (annotation) =>
      annotation.annotator === annotator && annotation.placement?.sentence === row.sentence.id,
  );
  const noted = own.find((annotation) => annotation.note !== undefined);
  const attributed = own.find((annotation) => annotation.attributes !== undefined);
  return {
    sentence: row.sentence.id,
    tag: chosen.filter((label) => !gold.includes(label)),
    untag: gold.filter((label) => !chosen.includes(label)),
    patch:
      chosen.length > 0 && (noted || attributed)
        ? { note: noted?.note ?? null, attributes: attributed?.attributes ?? null }
        : null,
  };
}
