import type { Article } from '../corpus/types.js';
import { acceptVersion, compareSentences } from '../export/adjudication.js';
import type { AnnotationPatch, Repository } from '../store/repository.js';
import type { Label } from '../store/types.js';

/**
 * One sentence of the compare table: each other annotator's labels, and whether they differ.
 * `refused`: the store refused the annotator's file for this article (a link, not valid JSON,
 * failing the schema), so their labels are unknown, not none: they are shown as refused, count
 * for no disagreement and cannot be accepted into gold.
 */
export interface CompareView {
  sentence: string;
  annotators: Array<{ annotator: string; labels: Label[]; refused?: boolean }>;
  disagreement: boolean;
}

/** Everyone but the writer (the gold annotator), in name order. */
export function comparedAnnotators(repository: Repository): string[] {
  return repository.annotators().filter((name) => name !== repository.annotator);
}

/** The annotators whose file for `article` the store refused (or whose whole folder it did). */
export function refusedAnnotators(repository: Repository, article: string): Set<string> {
  const refused = new Set<string>();
  for (const problem of repository.problems()) {
    if (problem.annotator === null) continue;
    if (problem.article === article || problem.article === null) refused.add(problem.annotator);
  }
  return refused;
}

/**
 * The article's sentences with every other annotator's labels, disagreements first; an
 * annotator whose file was refused is marked so, in their column, and left out of the comparing.
 */
export function compareRows(repository: Repository, article: Article): CompareView[] {
  const annotators = comparedAnnotators(repository);
  const refused = refusedAnnotators(repository, article.id);
  const byAnnotator = Object.fromEntries(
    annotators
      .filter((annotator) => !refused.has(annotator))
      .map((annotator) => [annotator, repository.list({ article: article.id, annotator })]),
  );
  return compareSentences(article, byAnnotator).map((row) => {
    const labels = new Map(row.labels.map((entry) => [entry.annotator, entry.labels]));
    return {
      sentence: row.sentence.id,
      annotators: annotators.map((annotator) =>
        refused.has(annotator)
          ? { annotator, labels: [], refused: true }
          : { annotator, labels: labels.get(annotator) ?? [] },
      ),
      disagreement: row.disagreement,
    };
  });
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
  // Refused since the table was drawn: what their file says is unknown, so gold is left alone.
  if (refusedAnnotators(repository, article.id).has(annotator)) return;
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
