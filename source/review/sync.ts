import type { Repository } from '../store/repository.js';
import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { emptyRecord } from '../text/own.js';
import { namedMessage } from '../text/untrusted.js';
import { type ArticleMarks, EMPTY_MARKS, marksFromAnnotations } from './marks.js';

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

/** Beyond this many articles one pass over the annotator's files beats a read per article. */
const FEW = 1024;

/** What a snapshot asks of the store about each article. */
interface Lookups {
  annotations(article: string): PlacedAnnotation[];
  status(article: string): ReviewStatus;
  readOnly(article: string): string | null;
}

/** The repository's current state of the given articles, as the reader shows them. */
export function snapshotMarks(
  repository: Repository,
  articles: readonly string[],
): Record<string, ArticleMarks> {
  const wanted = new Set(articles);
  const lookups = wanted.size <= FEW ? fewLookups(repository) : bulkLookups(repository, wanted);
  const marks = emptyRecord<ArticleMarks>();
  for (const article of wanted) {
    marks[article] = marksFromAnnotations(
      lookups.annotations(article),
      lookups.status(article),
      lookups.readOnly(article),
    );
  }
  return marks;
}

/** After a write only an article or two changed: a question each. */
function fewLookups(repository: Repository): Lookups {
  const annotator = repository.annotator;
  return {
    annotations: (article) => repository.list({ article, annotator }),
    status: (article) => repository.status(article),
    readOnly: (article) => readOnlyReason(repository, article),
  };
}

/**
 * As the review opens on a whole corpus: one pass over the annotator's annotations, and statuses
 * and problems in one read each (a question per article was 100,000 of each at a newsroom's
 * scale).
 */
function bulkLookups(repository: Repository, wanted: ReadonlySet<string>): Lookups {
  const annotator = repository.annotator;
  const byArticle = new Map<string, PlacedAnnotation[]>();
  for (const { article, annotations } of repository.annotatedBy(annotator)) {
    if (wanted.has(article)) byArticle.set(article, annotations);
  }
  const statuses = new Map<string, ReviewStatus>();
  for (const each of repository.reviewed()) {
    if (each.annotator === annotator) statuses.set(each.article, each.status);
  }
  // Only an article with a problem of this annotator's (or of no one's) can be read-only.
  const troubled = new Set<string>();
  for (const problem of repository.problems()) {
    if (problem.article !== null && (problem.annotator ?? annotator) === annotator)
      troubled.add(problem.article);
  }
  return {
    annotations: (article) => byArticle.get(article) ?? [],
    status: (article) => statuses.get(article) ?? 'unreviewed',
    readOnly: (article) => (troubled.has(article) ? readOnlyReason(repository, article) : null),
  };
}

const NO_SENTENCES: ArticleMarks['sentences'] = Object.freeze({}) as ArticleMarks['sentences'];
const NO_ORPHANS: ArticleMarks['orphans'] = Object.freeze([]) as unknown as ArticleMarks['orphans'];

/**
 * What the list shows of each article the annotator has a file for (`articles`: of these only,
 * each of them answered, `EMPTY_MARKS` when it has no file), from the store index without
 * reading a document: status, read-only reason and counts per label, the sentences left unread
 * (`tally`) until the article is opened. At 300,000 annotations, reading and placing every
 * document at start took seconds and hundreds of MB.
 */
export function summarize(
  repository: Repository,
  articles?: readonly string[],
): Record<string, ArticleMarks> {
  const annotator = repository.annotator;
  const troubled = new Map<string, string>();
  for (const problem of repository.problems()) {
    const { article } = problem;
    if (article === null || (problem.annotator ?? annotator) !== annotator) continue;
    if (!troubled.has(article)) troubled.set(article, namedMessage(problem));
  }
  const summaries = emptyRecord<ArticleMarks>();
  for (const id of articles ?? []) summaries[id] = EMPTY_MARKS;
  for (const tally of repository.ownTallies(annotator, articles)) {
    const readOnly = tally.refused
      ? (troubled.get(tally.article) ?? 'its store file was refused')
      : null;
    summaries[tally.article] = {
      sentences: NO_SENTENCES,
      orphans: NO_ORPHANS,
      status: tally.status,
      readOnly,
      tally: tally.labels,
    };
  }
  return summaries;
}

/** Refused store files, one warning line each. */
export function storeWarnings(repository: Repository): string[] {
  return repository.problems().map((p) => `${namedMessage(p)} (read-only)`);
}
