import { buildArticle } from '../../source/corpus/article.js';
import { bytesToSource } from '../../source/corpus/read.js';
import type { Article } from '../../source/corpus/types.js';
import {
  analyseArticle,
  createModel,
  type Suggestion,
  suggest,
} from '../../source/suggest/index.js';

export const LABELS = [{ name: 'claim' }, { name: 'quote' }, { name: 'event' }];

/** An article from plain text, read by margin's own cleaner (a title line goes first). */
export function article(body: string, id = 'test'): Article {
  const text = `A headline for the test article\n\n${body}\n`;
  return buildArticle(id, `${id}.txt`, bytesToSource(`${id}.txt`, Buffer.from(text)));
}

/** The untaught suggestion for the sentence that contains `piece`. */
export function suggestionFor(body: string, piece: string): Suggestion {
  const read = article(body);
  const index = read.sentences.findIndex((sentence) => sentence.text.includes(piece));
  if (index < 0) throw new Error(`no sentence contains ${JSON.stringify(piece)}`);
  return suggest(analyseArticle(read), createModel(), LABELS)[index]!;
}

export const suggested = (suggestion: Suggestion): string[] =>
  suggestion.labels.filter((score) => score.suggested).map((score) => score.label);

export const attribute = (suggestion: Suggestion, label: string, key: string): string | undefined =>
  suggestion.labels.find((score) => score.label === label)?.attributes[key];

/** The speaker suggested for the quote in the sentence that contains `piece`. */
export const speaker = (body: string, piece: string): string | undefined =>
  attribute(suggestionFor(body, piece), 'quote', 'speaker');
