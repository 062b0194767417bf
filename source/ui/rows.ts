import type { Article } from '../corpus/types.js';
import { type ArticleMarks, labelCounts } from '../review/marks.js';
import { LABELS } from '../store/types.js';
import { clean } from './clean.js';
import { fitRight, fitWidth } from './text.js';
import { LABEL_LETTER, STATUS_GLYPH } from './theme.js';

const SOURCE_WIDTH = 14;
const DATE_WIDTH = 10;
const COUNTS_WIDTH = 11;
const MIN_TITLE = 24;

/** "C2 Q1": only the labels present, so an untouched article reads as blank. */
export function countsText(marks: ArticleMarks): string {
  const counts = labelCounts(marks);
  return LABELS.filter((label) => counts[label] > 0)
    .map((label) => `${LABEL_LETTER[label]}${counts[label]}`)
    .join(' ');
}

/** The title, or the opening words of the text when the article has none. */
export function displayTitle(article: Article): string {
  if (article.title) return clean(article.title);
  const opening = clean(article.text).split(/\s+/).slice(0, 12).join(' ');
  return opening || article.id;
}

/**
 * One list row after the selection marker: status glyph, title, then source, date and counts,
 * dropping the date and then the source when the pane is too narrow to keep the title readable.
 */
export function listRow(article: Article, marks: ArticleMarks, width: number): string {
  const counts = fitRight(countsText(marks), COUNTS_WIDTH);
  const source = fitWidth(clean(article.source ?? ''), SOURCE_WIDTH);
  const date = fitWidth(article.date ?? '', DATE_WIDTH);
  const head = `${STATUS_GLYPH[marks.status]} `;
  const parts = [source, date, counts];
  const tail = () => parts.map((part) => ` ${part}`).join('');
  if (width - head.length - tail().length < MIN_TITLE) parts.splice(1, 1);
  if (width - head.length - tail().length < MIN_TITLE) parts.splice(0, 1);
  const titleWidth = Math.max(1, width - head.length - tail().length);
  return `${head}${fitWidth(displayTitle(article), titleWidth)}${tail()}`;
}
