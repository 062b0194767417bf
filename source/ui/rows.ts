import type { Article } from '../corpus/types.js';
import { type ArticleMarks, labelCounts, progressStatus } from '../review/marks.js';
import { DEFAULT_LABELS, type LabelSet, labelCount, sortLabelNames } from '../store/labels.js';
import stringWidth from '../text/string-width.js';
import { oneLine } from '../text/untrusted.js';
import { fitWidth, truncate } from '../text/width.js';
import { STATUS_GLYPH } from './theme.js';

const MAX_SOURCE = 32;

/** "C2 Q1": only the labels present, so an untouched article reads as blank. */
export function countsText(marks: ArticleMarks, labels: LabelSet = DEFAULT_LABELS): string {
  const counts = labelCounts(marks);
  return sortLabelNames(labels, counts.keys())
    .map((label) => labelCount(labels, label, counts.get(label) ?? 0))
    .join(' ');
}

const OPENING_WORDS = 12;

/**
 * The title, or the opening words of the text when the article has none, ending with `…` when
 * the text goes on: cut at a word without it, they read as a whole headline (qa51), where
 * `margin list` showed its shorter cut with one.
 */
export function displayTitle(article: Article): string {
  if (article.title) return oneLine(article.title);
  const { text, cut } = openingText(article.text);
  const opening = oneLine(text).split(/\s+/).slice(0, OPENING_WORDS).join(' ');
  if (!opening) return article.id;
  return cut ? `${opening}…` : opening;
}

/**
 * The text up to the space after its twelfth word, all the words the title shows, and whether
 * more words follow: each row of the list asks again on every frame, and collapsing the spaces
 * of a 5 MB text took 600 ms.
 */
function openingText(text: string): { text: string; cut: boolean } {
  const space = /\s+/g;
  let runs = 0;
  for (let run = space.exec(text); run; run = space.exec(text)) {
    runs += 1;
    if (runs === OPENING_WORDS) {
      return { text: text.slice(0, run.index), cut: run.index + run[0].length < text.length };
    }
  }
  return { text, cut: false };
}

/** The status glyph and the title, for the first line of a list entry. */
export function listTitle(article: Article, marks: ArticleMarks, width: number): string {
  // An article only opened is no progress: `·`, as `stats` and `status:` count it.
  return fitWidth(`${STATUS_GLYPH[progressStatus(marks)]} ${displayTitle(article)}`, width);
}

/**
 * The second line of a list entry, under the title: "The National · 2025-03-14 · C1 Q1".
 * A missing source or date is left out; an untouched article says "no tags".
 */
export function listDetails(
  article: Article,
  marks: ArticleMarks,
  width: number,
  labels: LabelSet = DEFAULT_LABELS,
): string {
  const counts = countsText(marks, labels) || 'no tags';
  const date = article.date ?? '';
  const tail = [date, counts].filter(Boolean).join(' · ');
  const source = oneLine(article.source ?? '');
  // The source gives way first: date and counts are short and always worth seeing.
  const room = width - stringWidth(tail) - 5;
  const parts = source && room >= 6 ? [truncate(source, Math.min(room, MAX_SOURCE)), tail] : [tail];
  return fitWidth(`  ${parts.join(' · ')}`, width);
}
