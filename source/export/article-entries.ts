import type { Article } from '../corpus/types.js';
import type { AnnotatedArticle, PlacedAnnotation, ReviewStatus } from '../store/types.js';
import { type ArticleEntry, compare, missingArticle } from './model.js';

/**
 * The export's stream from a corpus and a store already in memory: articles in corpus order with
 * their annotations, then the ones gone from the corpus, by id, on a stand-in with no text.
 * Articles without annotations are skipped; they would export nothing.
 */
export function* articleEntries(
  articles: readonly Article[],
  annotations: Iterable<PlacedAnnotation>,
  status: (article: string, annotator: string) => ReviewStatus,
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
    if (!list) continue;
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
