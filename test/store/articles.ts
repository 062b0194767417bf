import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Article, Sentence } from '../../source/corpus/types.js';

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A clean article built the way the cleaner builds one (paragraphs split on blank lines, sentences
 * on end punctuation, ids from content), so the store can be tested without the cleaner.
 */
export function buildArticle(id: string, text: string): Article {
  const sentences: Sentence[] = [];
  const paragraphs = text.split('\n\n');
  let offset = 0;
  const seen = new Map<string, number>();
  paragraphs.forEach((paragraph, index) => {
    for (const [from, to] of sentenceRanges(paragraph)) {
      const body = paragraph.slice(from, to);
      const base = `s${sha(body).slice(0, 10)}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      sentences.push({
        id: count === 1 ? base : `${base}-${count}`,
        paragraph: index,
        text: body,
        start: offset + from,
        end: offset + to,
      });
    }
    offset += paragraph.length + 2;
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
    hash: sha(text),
  };
}

/** Seed 001 (plain text already): its body paragraphs after the id and title lines. */
export function seedArticle(): Article {
  const raw = readFileSync(
    new URL('../../seeds/001_d7fb493d5d978b6e.txt', import.meta.url),
    'utf8',
  );
  const paragraphs = raw
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0)
    .slice(2);
  return buildArticle('001_d7fb493d5d978b6e', paragraphs.join('\n\n'));
}

export function sentenceContaining(article: Article, fragment: string): Sentence {
  const sentence = article.sentences.find((candidate) => candidate.text.includes(fragment));
  if (!sentence) throw new Error(`no sentence of ${article.id} contains ${fragment}`);
  return sentence;
}

const ABBREVIATION = /(?:^|[\s(“"])(?:[A-Z]|U\.S|Mr|Mrs|Ms|Dr|St)\.$/;

/** [start, end) of each sentence: a stop followed by space and a capital, unless an abbreviation. */
function sentenceRanges(paragraph: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (const match of paragraph.matchAll(/[.!?]+["”’]?(?=\s+["“‘]?[A-Z])/g)) {
    const end = (match.index ?? 0) + match[0].length;
    if (ABBREVIATION.test(paragraph.slice(Math.max(0, end - 6), end))) continue;
    ranges.push([start, end]);
    start = end;
    while (paragraph[start] === ' ') start += 1;
  }
  if (start < paragraph.length) ranges.push([start, paragraph.length]);
  return ranges;
}
