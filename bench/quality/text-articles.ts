/**
 * The benchmark's articles as a user's scraper writes them: not the saved pages but their
 * ground-truth bodies, paragraphs separated by blank lines, under a title line (plain text), a
 * `# ` heading (Markdown) or a reader service's `Title:` header, and without one. Everything in
 * such a file is the article, so every paragraph the cleaner drops is lost text: this counts
 * them. Beside them, each page dumped whole as text (every paragraph of the page, menus and
 * footers too, as a scraper that takes a page's text writes it) is scored as the HTML pages
 * are, so that keeping more of an article does not let a page's furniture through.
 */
import { buildArticle } from '../../source/corpus/article.js';
import { parseHtml } from '../../source/corpus/html.js';
import { bytesToSource } from '../../source/corpus/read.js';
import {
  type ExtractionReport,
  extract,
  type Page,
  summarizePages,
} from './extraction-benchmark.js';
import { exactMatch, pageF1, scorePage, tokenize } from './extraction-score.js';

export type TextShape = 'text' | 'markdown' | 'reader' | 'untitled';

export const TEXT_SHAPES: TextShape[] = ['text', 'markdown', 'reader', 'untitled'];

/** One benchmark article written as a file of the given shape. */
export interface TextArticle {
  id: string;
  name: string;
  content: string;
  /** The truth's paragraphs, in order. */
  paragraphs: string[];
}

/** The truth's paragraphs: its lines, trimmed, without blank ones. */
export function truthParagraphs(truth: string): string[] {
  return truth
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** Writes a page's truth as a file of `shape`, under `title` (margin's title of the page). */
export function writeArticle(page: Page, title: string | null, shape: TextShape): TextArticle {
  const paragraphs = truthParagraphs(page.truth);
  const body = `${paragraphs.join('\n\n')}\n`;
  const head =
    title === null || shape === 'untitled'
      ? ''
      : shape === 'text'
        ? `${title}\n\n`
        : shape === 'markdown'
          ? `# ${title}\n\n`
          : `Title: ${title}\n\nURL Source: ${page.url}\n\nMarkdown Content:\n`;
  const extension = shape === 'text' || shape === 'untitled' ? 'txt' : 'md';
  return { id: page.id, name: `${page.id}.${extension}`, content: head + body, paragraphs };
}

/**
 * A paragraph of prose: six words or more, ending as a sentence ends (a final stop, question or
 * exclamation mark, before closing quotes). Headings, list items and table rows are not.
 */
export function isProse(paragraph: string): boolean {
  return tokenize(paragraph).length >= 6 && /[.!?…]["'”’»]*$/u.test(paragraph);
}

export interface TextReport {
  shape: TextShape;
  articles: number;
  paragraphs: number;
  kept: number;
  prose: number;
  proseKept: number;
  /** Articles that lost at least one paragraph of prose. */
  articlesLosingProse: number;
  /** Each lost paragraph of prose, with its article's id. */
  lost: Array<{ id: string; text: string }>;
  /** Paragraphs of margin's text that the truth does not hold (a title taken for text). */
  extra: number;
}

/** What margin removes as invisible (a soft hyphen inside `Not­fall­daten­satz`). */
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;

/** Tokens joined by spaces and framed, so a paragraph is found only as whole tokens. */
function tokenString(text: string): string {
  return ` ${tokenize(text.replace(INVISIBLE, '')).join(' ')} `;
}

/** Cleans each article of `shape` and counts the truth's paragraphs found in its text. */
export function scoreTextShape(
  pages: Page[],
  titles: Map<string, string | null>,
  shape: TextShape,
) {
  const report: TextReport = {
    shape,
    articles: 0,
    paragraphs: 0,
    kept: 0,
    prose: 0,
    proseKept: 0,
    articlesLosingProse: 0,
    lost: [],
    extra: 0,
  };
  for (const page of pages) {
    const article = writeArticle(page, titles.get(page.id) ?? null, shape);
    if (article.paragraphs.length === 0) continue;
    report.articles++;
    let text = '';
    try {
      text = buildArticle(
        article.id,
        article.name,
        bytesToSource(article.name, Buffer.from(article.content)),
      ).text;
    } catch {
      // Refused: every paragraph is lost.
    }
    const found = tokenString(text);
    const truth = tokenString(article.paragraphs.join('\n'));
    let losing = false;
    for (const paragraph of article.paragraphs) {
      const tokens = tokenString(paragraph);
      if (tokens.trim() === '') continue;
      const kept = found.includes(tokens);
      const prose = isProse(paragraph);
      report.paragraphs++;
      if (kept) report.kept++;
      if (prose) {
        report.prose++;
        if (kept) report.proseKept++;
        else {
          losing = true;
          report.lost.push({ id: page.id, text: paragraph });
        }
      }
    }
    if (losing) report.articlesLosingProse++;
    for (const paragraph of text.split('\n\n')) {
      const tokens = tokenString(paragraph);
      if (tokens.trim() !== '' && !truth.includes(tokens)) report.extra++;
    }
  }
  return report;
}

/** margin's title of each page, the headline a scraper would write above the body. */
export function pageTitles(pages: Page[]): Map<string, string | null> {
  return new Map(pages.map((page) => [page.id, extract(page).title]));
}

/**
 * A page's every paragraph as text, blocks separated by blank lines, the lines of a block by a
 * line break: what a scraper taking the whole page's text (`innerText`) writes.
 */
export function pageDump(page: Page): string {
  const html = bytesToSource(`${page.id}.html`, page.bytes).text;
  const { units } = parseHtml(html).page;
  let text = '';
  units.forEach((unit, i) => {
    if (i > 0) text += units[i - 1]!.block === unit.block ? '\n' : '\n\n';
    text += unit.text;
  });
  return `${text}\n`;
}

/** Each page dumped whole as a text file, cleaned and scored as the HTML pages are. */
export function scorePageDumps(pages: Page[]): ExtractionReport {
  return summarizePages(
    pages.map((page) => {
      const name = `${page.id}.txt`;
      let text = '';
      let refused: string | null = null;
      try {
        text = buildArticle(page.id, name, bytesToSource(name, Buffer.from(pageDump(page)))).text;
      } catch (error) {
        refused = error instanceof Error ? error.message : String(error);
      }
      const counts = scorePage(page.truth, text);
      return {
        id: page.id,
        url: page.url,
        text,
        refused,
        title: null,
        date: null,
        counts,
        f1: pageF1(counts),
        exact: exactMatch(page.truth, text),
      };
    }),
  );
}
