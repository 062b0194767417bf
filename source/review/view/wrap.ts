import wrapAnsi from 'wrap-ansi';
import type { Article } from '../../corpus/types.js';
import { groupedDigits } from '../../text/grouped-digits.js';
import { oneLine } from '../../text/untrusted.js';
import { hasUnspacedScript, wrapUnspaced } from '../../text/wrap-unspaced.js';

export type LineKind = 'title' | 'meta' | 'notice' | 'blank' | 'text' | 'orphan-heading' | 'orphan';

/** One screen line of the reader, already wrapped to the text width. */
export interface Line {
  kind: LineKind;
  text: string;
  /** Index of the sentence the line belongs to, or -1. */
  sentence: number;
  /** Whether this is the sentence's first line (where the gutter shows its badges). */
  first: boolean;
}

export interface ArticleLines {
  lines: Line[];
  /** Per sentence index: its first and last line. */
  firstLine: number[];
  lastLine: number[];
}

const cache = new WeakMap<Article, Map<number, ArticleLines>>();

/**
 * The lines above an article's text: its title, its metadata, and each thing reading its file
 * changed or guessed (a guessed encoding, mojibake or escape sequences removed), marked `!`: a
 * reviewer quoting a sentence must know when its text is not the file's as written (qa54: the
 * warnings were said by `margin show` and nowhere in the review).
 */
export function headerLines(article: Article, width: number): Line[] {
  const lines: Line[] = [];
  const push = (kind: LineKind, text: string) =>
    lines.push({ kind, text, sentence: -1, first: false });
  if (article.title) for (const text of wrap(article.title, width)) push('title', text);
  const meta = [article.source, article.date, article.byline].filter(Boolean).join(' · ');
  if (meta) for (const text of wrap(meta, width)) push('meta', text);
  for (const warning of article.warnings) {
    for (const text of wrap(`! ${warning}`, width)) push('notice', text);
  }
  return lines;
}

/**
 * One text's lines at a width: control sequences gone, words broken only when longer than it;
 * Chinese and Japanese between their words (`wrapUnspaced`), which no space separates.
 */
export function wrap(text: string, width: number): string[] {
  const line = oneLine(text);
  if (hasUnspacedScript(line)) return wrapUnspaced(line, width);
  return wrapAnsi(line, width, { hard: true, trim: true }).split('\n');
}

/**
 * The most of one sentence the reader wraps and shows. A "sentence" of megabytes (a page saved
 * with an image's base64 as its text, a log with no full stop) took seconds and 400 MB to wrap,
 * about 0.6 µs a character in wrap-ansi, with every key held behind it. What is past this is
 * counted, not shown; a tag still marks the whole sentence.
 */
export const SHOWN_CHARACTERS = 20_000;

/** A sentence's text as the reader shows it: whole, or its start and a count of the rest. */
function shownText(text: string): string {
  if (text.length <= SHOWN_CHARACTERS) return text;
  let cut = text.lastIndexOf(' ', SHOWN_CHARACTERS);
  if (cut < SHOWN_CHARACTERS / 2) cut = SHOWN_CHARACTERS;
  const last = text.charCodeAt(cut - 1);
  // Not between the two halves of a character outside the Basic Multilingual Plane.
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)} [… ${groupedDigits(text.length - cut)} more characters not shown]`;
}

/** A sentence's reader lines at a width: what the reader shows of it, wrapped. */
export function sentenceLines(text: string, width: number): string[] {
  return wrap(shownText(text), width);
}

/**
 * The article as reader lines: title and metadata, then each paragraph with every sentence
 * starting on a line of its own, so that each line belongs to exactly one sentence and the
 * gutter can mark it. Memoised per article and width: a keypress never re-wraps.
 */
export function wrapArticle(article: Article, width: number): ArticleLines {
  let byWidth = cache.get(article);
  if (!byWidth) {
    byWidth = new Map();
    cache.set(article, byWidth);
  }
  const cached = byWidth.get(width);
  if (cached) return cached;

  const lines: Line[] = headerLines(article, width);
  const push = (kind: LineKind, text: string, sentence = -1, first = false) =>
    lines.push({ kind, text, sentence, first });
  const firstLine: number[] = [];
  const lastLine: number[] = [];
  let paragraph = -1;
  article.sentences.forEach((sentence, index) => {
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      push('blank', '');
    }
    firstLine[index] = lines.length;
    sentenceLines(sentence.text, width).forEach((text, part) => {
      push('text', text, index, part === 0);
    });
    lastLine[index] = lines.length - 1;
  });
  const result = { lines, firstLine, lastLine };
  byWidth.set(width, result);
  return result;
}

/** Lines listing orphaned annotations under the text: label letter, quote and note. */
export function orphanLines(
  orphans: Array<{ label: string; quote: string; note?: string | undefined }>,
  width: number,
): Line[] {
  if (orphans.length === 0) return [];
  const lines: Line[] = [
    { kind: 'blank', text: '', sentence: -1, first: false },
    {
      kind: 'orphan-heading',
      text: `Orphaned annotations (${orphans.length}): text no longer in the article`,
      sentence: -1,
      first: false,
    },
  ];
  for (const orphan of orphans) {
    const note = orphan.note ? ` (note: ${orphan.note})` : '';
    const body = `${orphan.label.toUpperCase().slice(0, 1)} ${quoted(orphan.quote)}${note}`;
    for (const text of wrap(body, Math.max(4, width - 2))) {
      lines.push({ kind: 'orphan', text: `  ${text}`, sentence: -1, first: false });
    }
  }
  return lines;
}

/** A quotation between quotation marks, unless it has its own: a quote tagged whole did (`““…””`). */
function quoted(text: string): string {
  return /^["“‘«„]/.test(text) && /["”’»“]$/.test(text) ? text : `“${text}”`;
}
