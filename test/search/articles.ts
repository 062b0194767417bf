import { join } from 'node:path';
import { loadCorpus } from '../../source/corpus/index.js';
import type { Article, Sentence } from '../../source/corpus/types.js';

/** An article made of these sentences, one paragraph each; ids are `<article>:<n>`. */
export function article(id: string, texts: string[], extra: Partial<Article> = {}): Article {
  const sentences: Sentence[] = [];
  let text = '';
  texts.forEach((sentence, n) => {
    if (n > 0) text += '\n\n';
    sentences.push({
      id: `${id}:${n}`,
      paragraph: n,
      text: sentence,
      start: text.length,
      end: text.length + sentence.length,
    });
    text += sentence;
  });
  return {
    id,
    path: `${id}.txt`,
    title: null,
    date: null,
    byline: null,
    source: null,
    text,
    sentences,
    warnings: [],
    hash: '',
    ...extra,
  };
}

/** The seed articles as margin reads them (cleaned and split by the corpus loader, no cache). */
export async function seedArticles(): Promise<Article[]> {
  const load = await loadCorpus(join(import.meta.dirname, '../../seeds'), { cacheDir: null });
  return load.articles;
}
