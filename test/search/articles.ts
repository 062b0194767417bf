import { join } from 'node:path';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article } from '../../source/corpus/types.js';
import { type ArticleMeta, articleOfSentences } from '../helpers/articles.js';

/** An article of these sentences, one paragraph each; ids `<article>-s<n>`. */
export function article(id: string, texts: string[], meta: ArticleMeta = {}): Article {
  return articleOfSentences(
    id,
    texts.map((text) => [text]),
    meta,
  );
}

/** The seed articles as margin reads them (cleaned and split by the corpus loader, no cache). */
export async function seedArticles(): Promise<Article[]> {
  const load = await loadCorpus(join(import.meta.dirname, '../../seeds'), { cacheDir: null });
  return load.articles;
}
