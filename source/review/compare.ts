import type { Article } from '../corpus/types.js';
import { acceptVersion, compareSentences } from '../export/adjudication.js';
import type { AnnotationPatch, Repository } from '../store/repository.js';
import type { Label } from '../store/types.js';

/** One sentence of the compare table: each other annotator's labels, and whether they differ. */
export interface CompareView {
  sentence: string;
  annotators: Array<{ annotator: string; labels: Label[] }>;
  disagreement: boolean;
}

/** Everyone but the writer (the gold annotator), in name order. */
export function comparedAnnotators(repository: Repository): string[] {
  return repository.annotators().filter((name) => name !== repository.annotator);
}

/** The article's sentences with every other annotator's labels, disagreements first. */
export function compareRows(repository: Repository, article: Article): CompareView[] {
  const byAnnotator = Object.fromEntries(
    comparedAnnotators(repository).map((annotator) => [
      annotator,
      repository.list({ article: article.id, annotator }),
    ]),
  );
  return compareSentences(article, byAnnotator).map((row) => ({
    sentence: row.sentence.id,
    annotators: row.labels,
    disagreement: row.disagreement,
  }));
}

/**
 * Makes the writer's labels (and note and attributes) on a sentence those of `annotator`,
 * reading both from the store at the moment of writing.
 */
export async function acceptInto(
  repository: Repository,
  article: Article,
  sentence: string,
  annotator: string,
): Promise<void> {
  const byAnnotator = { [annotator]: repository.list({ article: article.id, annotator }) };
  const row = compareSentences(article, byAnnotator).find((r) => r.sentence.id === sentence);
  if (!row) throw new Error(`sentence ${sentence} is not in article ${article.id}`);
  const gold = repository
    .list({ article: article.id, annotator: repository.annotator })
    .filter((a) => a.placement?.sentence === sentence)
    .map((a) => a.label);
  const plan = acceptVersion(row, annotator, byAnnotator[annotator] ?? [], gold);
  for (const label of plan.untag) await repository.untag(article, sentence, label);
  for (const label of plan.tag) await repository.tag(article, sentence, label);
  const patch: AnnotationPatch | null = plan.patch;
  if (patch) await repository.annotate(article, sentence, patch);
}
