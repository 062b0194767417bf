import type { Article } from '../corpus/types.js';
import type { Label, PlacedAnnotation, ReviewStatus } from '../store/types.js';

/** Everything a format needs; formats never read files or the store themselves. */
export interface ExportInput {
  articles: Article[];
  annotations: PlacedAnnotation[];
  statuses: (article: string, annotator: string) => ReviewStatus;
  /** Called now and then with the number of annotations written, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** What `--annotator`, `--label`, `--article` and `--status` narrow an export to (empty: all). */
export interface ExportFilter {
  annotators?: string[];
  labels?: Label[];
  articles?: string[];
  statuses?: ReviewStatus[];
}

/** An annotation with its article, the unit every format walks over. */
export interface Entry {
  article: Article;
  annotation: PlacedAnnotation;
}

/**
 * The annotations a filter selects, in a stable order (article as given, then position, label,
 * annotator, id) so that the same store always exports the same bytes. Annotations whose article
 * is gone from the corpus are orphans like any other and are kept: they come last, by article
 * id, on a stand-in article with no text (`missingArticle`), with their stored quote.
 */
export function selectEntries(input: ExportInput, filter: ExportFilter = {}): Entry[] {
  const order = new Map<string, number>();
  const byId = new Map<string, Article>();
  input.articles.forEach((article, index) => {
    order.set(article.id, index);
    byId.set(article.id, article);
  });
  const annotators = setOf(filter.annotators);
  const labels = setOf(filter.labels);
  const articles = setOf(filter.articles);
  const statuses = setOf(filter.statuses);
  // Sort keys computed once into flat arrays: a comparator doing map lookups, or an object per
  // annotation, would cost seconds of work and garbage at 300,000 annotations.
  const entries: Entry[] = [];
  const orders: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const annotation of input.annotations) {
    let article = byId.get(annotation.article);
    if (!article) {
      article = missingArticle(annotation.article);
      byId.set(article.id, article);
      order.set(article.id, input.articles.length);
    }
    if (annotators && !annotators.has(annotation.annotator)) continue;
    if (labels && !labels.has(annotation.label)) continue;
    if (articles && !articles.has(annotation.article)) continue;
    if (statuses && !statuses.has(input.statuses(annotation.article, annotation.annotator))) {
      continue;
    }
    entries.push({ article, annotation });
    orders.push(order.get(article.id)!);
    starts.push(annotation.placement?.start ?? annotation.anchor.start);
    ends.push(annotation.placement?.end ?? annotation.anchor.end);
  }
  const indexes = Uint32Array.from(entries.keys());
  indexes.sort(
    (a, b) =>
      orders[a]! - orders[b]! ||
      // Only articles missing from the corpus share an order: by id among themselves.
      compare(entries[a]!.article.id, entries[b]!.article.id) ||
      starts[a]! - starts[b]! ||
      ends[a]! - ends[b]! ||
      compare(entries[a]!.annotation.label, entries[b]!.annotation.label) ||
      compare(entries[a]!.annotation.annotator, entries[b]!.annotation.annotator) ||
      compare(entries[a]!.annotation.id, entries[b]!.annotation.id),
  );
  return Array.from(indexes, (index) => entries[index]!);
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

/** Articles in input order with their selected entries, grouped once for the per-article formats. */
export function groupByArticle(entries: Entry[]): Array<{ article: Article; entries: Entry[] }> {
  const groups: Array<{ article: Article; entries: Entry[] }> = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.article === entry.article) last.entries.push(entry);
    else groups.push({ article: entry.article, entries: [entry] });
  }
  return groups;
}

/** One article's selected entries, split by annotator (name order). */
export interface ArticleGroup {
  article: Article;
  annotators: Array<{ annotator: string; entries: Entry[] }>;
}

/**
 * The selected entries article by article (input order), each split by annotator: the walk of
 * the formats that write one task per article (and annotator). Progress is reported as each
 * article is done with.
 */
export function* articleGroups(
  input: ExportInput,
  filter?: ExportFilter,
): Generator<ArticleGroup, void, undefined> {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  let done = 0;
  for (const group of groupByArticle(entries)) {
    yield { article: group.article, annotators: groupByAnnotator(group.entries) };
    done += group.entries.length;
    report(done);
  }
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

function setOf<T>(values: readonly T[] | undefined): Set<T> | null {
  return values && values.length > 0 ? new Set(values) : null;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How labels are spelled in formats that show them to people (`Claim`). */
export function labelName(label: Label): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Reports progress every few thousand items so a progress bar costs nothing measurable. */
export function progressReporter(
  total: number,
  onProgress: ExportInput['onProgress'],
): (done: number) => void {
  if (!onProgress) return () => {};
  let last = 0;
  return (done) => {
    if (done === total || done - last >= 5000) {
      last = done;
      onProgress(done, total);
    }
  };
}
