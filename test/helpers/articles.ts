import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleArticle, buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';
import { noRemoval } from '../../source/corpus/sanitize.js';
import type { Article, Sentence } from '../../source/corpus/types.js';

/** What an article's metadata may be set to; text, sentences and hash always follow the text. */
export type ArticleMeta = Partial<
  Pick<Article, 'path' | 'title' | 'date' | 'byline' | 'source' | 'warnings'>
>;

/**
 * An article of already clean text, as margin assembles one: paragraphs on blank lines, the real
 * sentence splitter, content-derived sentence ids and the SHA-256 of the text. No cleaning runs,
 * so every word of `text` stays in the body.
 */
export function articleFromText(id: string, text: string, meta: ArticleMeta = {}): Article {
  const paragraphs = text.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');
  const article = assembleArticle(
    id,
    `${id}.txt`,
    { title: null, date: null, byline: null, source: null, paragraphs, removed: noRemoval() },
    [],
  );
  return { ...article, ...meta };
}

/**
 * Exact control over the sentences, for tests that name them: each inner array is a paragraph of
 * these sentences (joined by a space; paragraphs by a blank line), ids `<id>-s<n>` in order.
 */
export function articleOfSentences(
  id: string,
  paragraphs: string[][],
  meta: ArticleMeta = {},
): Article {
  const sentences: Sentence[] = [];
  let text = '';
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) text += '\n\n';
    paragraph.forEach((sentence, position) => {
      if (position > 0) text += ' ';
      sentences.push({
        id: `${id}-s${sentences.length}`,
        paragraph: index,
        text: sentence,
        start: text.length,
        end: text.length + sentence.length,
      });
      text += sentence;
    });
  });
  const assembled = articleFromText(id, text);
  return { ...assembled, sentences, warnings: [], ...meta };
}

/** A seed file read and cleaned by the real pipeline (no cache), synchronously. */
export function seedArticle(name: string): Article {
  const path = fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url));
  const id = name.replace(/\.[^.]*$/, '');
  return buildArticle(id, path, bytesToSource(path, readFileSync(path)));
}
