import type { Repository } from '../store/repository.js';
import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { type ArticleMarks, marksFromAnnotations } from './marks.js';

function readOnlyReason(repository: Repository, article: string): string | null {
  if (!repository.isReadOnly(article)) return null;
  const problem = repository
    .problems()
    .find(
      (p) =>
        p.article === article && (p.annotator === null || p.annotator === repository.annotator),
    );
  // The message names the file already.
  return problem ? problem.message : 'its store file was refused';
}

const FEW = 32;

/** The repository's current state of the given articles, as the reader shows them. */
export function snapshotMarks(
  repository: Repository,
  articles: readonly string[],
): Record<string, ArticleMarks> {
  const wanted = new Set(articles);
  const byArticle = new Map<string, PlacedAnnotation[]>();
  const annotator = repository.annotator;
  if (wanted.size <= FEW) {
    // After a write only an article or two changed: ask for just those.
    for (const article of wanted) byArticle.set(article, repository.list({ article, annotator }));
  } else {
    // At start, one pass over the annotator's annotations rather than one list() per article.
    for (const { article, annotations } of repository.annotatedBy(annotator)) {
      if (wanted.has(article)) byArticle.set(article, annotations);
    }
  }
  const marks: Record<string, ArticleMarks> = {};
  const { status, readOnly } =
    wanted.size <= FEW
      ? { status: (article: string) => repository.status(article), readOnly: readOnlyReason }
      : bulkLookups(repository);
  for (const article of wanted) {
    marks[article] = marksFromAnnotations(
      byArticle.get(article) ?? [],
      status(article),
      readOnly(repository, article),
    );
  }
  return marks;
}

/**
 * Status and read-only reasons of every article from one read each, as the review opens on a
 * whole corpus: a question per article was 100,000 of each at a newsroom's scale.
 */
function bulkLookups(repository: Repository) {
  const statuses = new Map<string, ReviewStatus>();
  for (const each of repository.reviewed()) {
    if (each.annotator === repository.annotator) statuses.set(each.article, each.status);
  }
  // Only an article with a problem of this annotator's can be read-only.
  const troubled = new Set<string>();
  for (const problem of repository.problems()) {
    if (problem.article !== null) troubled.add(problem.article);
  }
  return {
    status: (article: string) => statuses.get(article) ?? 'unreviewed',
    readOnly: (repo: Repository, article: string) =>
      troubled.has(article) ? readOnlyReason(repo, article) : null,
  };
}

/** Refused store files, one warning line each. */
export function storeWarnings(repository: Repository): string[] {
  return repository.problems().map((p) => `${p.message} (read-only)`);
}
