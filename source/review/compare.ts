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
  annotators: Array<{
    annotator: string;
    labels: Label[];
    refused?: boolean;
    /**
     * The annotator has nothing in the article and has not marked it done: `opened` (in
     * progress: only opened), `unread` (never opened). Their labels are not "none": shown so,
     * counted for no disagreement, not to be accepted into gold (as `agree` leaves them out).
     */
    unreviewed?: Unreviewed;
  }>;
  disagreement: boolean;
}

/** What a compare column shows of an annotator who has not reviewed the article. */
export type Unreviewed = 'opened' | 'unread';

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
  const byAnnotator: Record<string, ReturnType<Repository['list']>> = {};
  const unreviewed = new Map<string, Unreviewed>();
  for (const annotator of annotators) {
    if (refused.has(annotator)) continue;
    const annotations = repository.list({ article: article.id, annotator });
    const status = repository.status(article.id, annotator);
    if (annotations.length === 0 && status !== 'done') {
      unreviewed.set(annotator, status === 'in progress' ? 'opened' : 'unread');
    } else byAnnotator[annotator] = annotations;
  }
  return compareSentences(article, byAnnotator).map((row) => {
    const labels = new Map(row.labels.map((entry) => [entry.annotator, entry.labels]));
    return {
      sentence: row.sentence.id,
      annotators: annotators.map((annotator) => {
        if (refused.has(annotator)) return { annotator, labels: [], refused: true };
        const away = unreviewed.get(annotator);
        return away
          ? { annotator, labels: [], unreviewed: away }
          : { annotator, labels: labels.get(annotator) ?? [] };
      }),
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
