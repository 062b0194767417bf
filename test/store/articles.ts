import type { Article, Sentence } from '../../source/corpus/types.js';
import { seedArticle as readSeed } from '../helpers/articles.js';

export { articleFromText } from '../helpers/articles.js';

/** Seed 001 as margin reads and cleans it. */
export function seedArticle(): Article {
  return readSeed('001_d7fb493d5d978b6e.txt');
}

export function sentenceContaining(article: Article, fragment: string): Sentence {
  const sentence = article.sentences.find((candidate) => candidate.text.includes(fragment));
  if (!sentence) throw new Error(`no sentence of ${article.id} contains ${fragment}`);
  return sentence;
}
