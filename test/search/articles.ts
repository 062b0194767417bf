import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

const seeds = join(import.meta.dirname, '../../seeds');

/**
 * The seed articles with markup stripped and sentences split at end punctuation: close enough to
 * the cleaner's output for search, and independent of it.
 */
export function seedArticles(): Article[] {
  return readdirSync(seeds)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(seeds, name), 'utf8').replace(/<[^>]*>/g, '');
      const texts = raw
        .split(/\n/)
        .flatMap((line) => line.trim().split(/(?<=[.!?][”"’]?)\s+(?=[“"A-Z])/))
        .map((sentence) => sentence.trim())
        .filter((sentence) => sentence.length > 0);
      return article(name.replace(/\.txt$/, ''), texts);
    });
}
