import type { Article } from '../corpus/types.js';
import type { PlacedAnnotation, ReviewStatus } from '../store/types.js';
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
