import crypto, { createHash } from 'node:crypto';
import { type Cleaned, cleanDocument } from './clean.js';
import { FileRefusedError, type SourceText } from './read.js';
import { removalWarning } from './sanitize.js';
import { splitSentences } from './sentences.js';
import type { Article, Sentence } from './types.js';

export { CLEANER_VERSION } from './version.js';

/** Node 20.12 and later hash in one call, several times faster for a sentence than a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string })
  .hash;

function sha256(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
}

/** Sentences of the joined paragraphs, with offsets into the body and content-derived ids. */
function sentencesOf(paragraphs: string[]): Sentence[] {
  const sentences: Sentence[] = [];
  const seen = new Map<string, number>();
  let offset = 0;
  paragraphs.forEach((paragraph, index) => {
    for (const span of splitSentences(paragraph)) {
      const text = paragraph.slice(span.start, span.end);
      const base = `s${sha256(text).slice(0, 8)}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      sentences.push({
        id: count === 1 ? base : `${base}-${count}`,
        paragraph: index,
        text,
        start: offset + span.start,
        end: offset + span.end,
      });
    }
    offset += paragraph.length + 2;
  });
  return sentences;
}

export function assembleArticle(
  id: string,
  path: string,
  cleaned: Cleaned,
  warnings: string[],
): Article {
  const text = cleaned.paragraphs.join('\n\n');
  const all = [...warnings];
  if (cleaned.removed.removed > 0) {
    all.push(removalWarning(cleaned.removed, ' decoded from character references'));
  }
  all.push(...(cleaned.warnings ?? []));
  if (text === '') all.push('no article text found');
  return {
    id,
    path,
    title: cleaned.title,
    date: cleaned.date,
    byline: cleaned.byline,
    source: cleaned.source,
    text,
    sentences: sentencesOf(cleaned.paragraphs),
    warnings: all,
    hash: sha256(text),
  };
}

/**
 * Clean text of a read file to an Article. A file with no sentence left after cleaning (binary
 * garbage that passed for text, a page of navigation only) is no article: it is refused, so
 * `list`, `show` and the review screen all name it as a problem instead of offering it.
 */
export function buildArticle(id: string, path: string, source: SourceText): Article {
  const article = assembleArticle(
    id,
    path,
    cleanDocument(source.text, source.format, source.given),
    source.warnings,
  );
  if (article.sentences.length === 0) throw new FileRefusedError(path, 'no article text found');
  return article;
}
