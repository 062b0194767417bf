import type { Article } from '../corpus/types.js';
import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';

/**
 * One article and every annotator's annotations on it, placed on its current text (orphans have
 * `placement: null`): the unit an export streams. Articles come in corpus order, then the ones
 * gone from the corpus that still have annotations, by id, each as `missingArticle(id)`.
 */
export interface ArticleEntry {
  article: Article;
  annotations: readonly PlacedAnnotation[];
  status(annotator: string): ReviewStatus;
}

/** What an export reads: from memory (tests, today's command) or from disk, article by article. */
export type ArticleStream = AsyncIterable<ArticleEntry> | Iterable<ArticleEntry>;

/** What `--annotator`, `--label`, `--article` and `--status` narrow an export to (empty: all). */
export interface ExportFilter {
  annotators?: readonly string[];
  labels?: readonly string[];
  articles?: readonly string[];
  statuses?: readonly ReviewStatus[];
}

/** An annotation with its article, the unit every format walks over. */
export interface Entry {
  article: Article;
  annotation: PlacedAnnotation;
}

/** One article's annotations that a filter selects, in output order. */
export interface SelectedArticle {
  article: Article;
  /**
   * By position, then label, annotator and id, so that the same store always exports the same
   * bytes; an orphan sorts by its stored offsets.
   */
  entries: Entry[];
  status(annotator: string): ReviewStatus;
}

/** A filter's lists as sets, built once per export. */
export interface CompiledFilter {
  annotators: Set<string> | null;
  labels: Set<string> | null;
  articles: Set<string> | null;
  statuses: Set<ReviewStatus> | null;
}

export function compileFilter(filter: ExportFilter = {}): CompiledFilter {
  return {
    annotators: setOf(filter.annotators),
    labels: setOf(filter.labels),
    articles: setOf(filter.articles),
    statuses: setOf(filter.statuses),
  };
}

/** The article's selected annotations, or null when the filter leaves none. */
export function selectArticle(entry: ArticleEntry, filter: CompiledFilter): SelectedArticle | null {
  const { article } = entry;
  if (filter.articles && !filter.articles.has(article.id)) return null;
  const entries: Entry[] = [];
  const statuses = new Map<string, ReviewStatus>();
  for (const annotation of entry.annotations) {
    if (filter.annotators && !filter.annotators.has(annotation.annotator)) continue;
    if (filter.labels && !filter.labels.has(annotation.label)) continue;
    if (filter.statuses) {
      let status = statuses.get(annotation.annotator);
      if (status === undefined) {
        status = entry.status(annotation.annotator);
        statuses.set(annotation.annotator, status);
      }
      if (!filter.statuses.has(status)) continue;
    }
    entries.push({ article, annotation });
  }
  if (entries.length === 0) return null;
  entries.sort(byPosition);
  return { article, entries, status: (annotator) => entry.status(annotator) };
}

function byPosition(x: Entry, y: Entry): number {
  const a = x.annotation;
  const b = y.annotation;
  return (
    (a.placement?.start ?? a.anchor.start) - (b.placement?.start ?? b.anchor.start) ||
    (a.placement?.end ?? a.anchor.end) - (b.placement?.end ?? b.anchor.end) ||
    compare(a.label, b.label) ||
    compare(a.annotator, b.annotator) ||
    compare(a.id, b.id)
  );
}

/** Annotators in name order, each with their entries (order kept). */
export function groupByAnnotator(entries: Entry[]): Array<{ annotator: string; entries: Entry[] }> {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const list = groups.get(entry.annotation.annotator);
    if (list) list.push(entry);
    else groups.set(entry.annotation.annotator, [entry]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([annotator, list]) => ({ annotator, entries: list }));
}

/** What an article gone from the corpus is known as: its id, and no text to place anything on. */
export function missingArticle(id: string): Article {
  return {
    id,
    path: '',
    title: null,
    date: null,
    byline: null,
    source: null,
    text: '',
    sentences: [],
    warnings: [],
    hash: '',
  };
}

function setOf<T>(values: readonly T[] | undefined): Set<T> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

/** UTF-16 order: the same on every machine, unlike `localeCompare`. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How labels are spelled in formats that show them to people (`Claim`). */
export function labelName(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}
