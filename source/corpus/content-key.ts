import crypto, { createHash } from 'node:crypto';
import type { Article } from './types.js';

/** Node 20.12 and later hash in one call (as `article.ts`). */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string })
  .hash;

/**
 * The article as what the store keeps of it depends on (its placements, an export's renderings,
 * brat's `made-from` record): the text (its hash), every sentence's id, paragraph and span, and
 * the fields an export writes of the article (title, date, byline, source). Kept in the corpus
 * index beside the article when it is cleaned. Not the cleaner's version: an upgrade of margin
 * that changes the cleaner but leaves an article as it was leaves what was kept of it valid, and
 * one that changes an article voids that article's alone (before 2026-12-06 every upgrade that
 * touched `corpus/` voided every placement and rendering: a 20-80 s first export at 100,000
 * articles). `c1` names this recipe: a change to it needs another name.
 */
export function contentKey(
  article: Pick<Article, 'hash' | 'title' | 'date' | 'byline' | 'source' | 'sentences'>,
): string {
  let spans = '';
  for (const { id, paragraph, start, end } of article.sentences) {
    spans += `${id} ${paragraph} ${start} ${end}\n`;
  }
  const { hash, title, date, byline, source } = article;
  const text = `${hash}\n${JSON.stringify([title, date, byline, source])}\n${spans}`;
  const digest = oneShot
    ? oneShot('sha256', text, 'hex')
    : createHash('sha256').update(text).digest('hex');
  return `c1:${digest.slice(0, 32)}`;
}
