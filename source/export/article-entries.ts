import type { Article } from '../corpus/types.js';
import type { AnnotatedArticle, PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { type ArticleEntry, compare, missingArticle } from './model.js';

/**
 * The export's stream from a corpus and a store already in memory: articles in corpus order with
 * their annotations, then the ones gone from the corpus, by id, on a stand-in with no text.
 * Articles without annotations are skipped (they would export nothing) unless `every` is set.
 */
export function* articleEntries(
  articles: readonly Article[],
  annotations: Iterable<PlacedAnnotation>,
  status: (article: string, annotator: string) => ReviewStatus,
  /** Every article of the corpus, annotated or not (an export with suggestions). */
  every = false,
): Generator<ArticleEntry, void, undefined> {
  const byArticle = new Map<string, PlacedAnnotation[]>();
  for (const annotation of annotations) {
    const list = byArticle.get(annotation.article);
    if (list) list.push(annotation);
    else byArticle.set(annotation.article, [annotation]);
  }
  const entry = (article: Article, list: PlacedAnnotation[]): ArticleEntry => ({
    article,
    annotations: list,
    status: (annotator) => status(article.id, annotator),
  });
  for (const article of articles) {
    const list = byArticle.get(article.id);
    if (!list) {
      if (every) yield entry(article, []);
      continue;
    }
    byArticle.delete(article.id);
    yield entry(article, list);
  }
  for (const id of [...byArticle.keys()].sort(compare)) {
    yield entry(missingArticle(id), byArticle.get(id)!);
  }
}

/**
 * The export's stream from the store, article by article as the repository reads them (corpus
 * order, then articles gone from the corpus on a stand-in with no text): one article's
 * annotations held at a time.
 */
export function* storeEntries(
  annotated: Iterable<AnnotatedArticle>,
): Generator<ArticleEntry, void, undefined> {
  for (const each of annotated) {
    yield {
      article: each.article ?? missingArticle(each.id),
      annotations: each.annotations,
      status: each.status,
    };
  }
}

/**
 * Every article of the corpus in order, annotated or not (an export with suggestions makes a
 * task of each), with the store's annotations read one article at a time; then the articles
 * gone from the corpus that still have annotations.
 */
export function* everyArticleEntries(
  articles: Iterable<Article>,
  store: {
    list(filter: { article: string }): PlacedAnnotation[];
    status(article: string, annotator: string): ReviewStatus;
    annotated(): Iterable<AnnotatedArticle>;
  },
): Generator<ArticleEntry, void, undefined> {
  for (const article of articles) {
    yield {
      article,
      annotations: store.list({ article: article.id }),
      status: (annotator) => store.status(article.id, annotator),
    };
  }
  for (const each of store.annotated()) {
    if (each.article !== null) continue;
    yield { article: missingArticle(each.id), annotations: each.annotations, status: each.status };
  }
}
