import type { Article } from '../corpus/types.js';
import type { Label } from '../store/types.js';
import { clampContext, reanchor } from './import-anchor.js';
import type { ImportCandidate, ImportContext } from './import-jsonl.js';
import { codePoints } from './offsets.js';

/** A span another tool gives: code point offsets into the text it showed (`text`). */
export interface ImportedSpan {
  line: number;
  file?: string;
  article: Article;
  /** The task's text the offsets count in: the article's clean text, or an older one. */
  text: string;
  start: number;
  end: number;
  annotator: string;
  /** The project's label (already matched). */
  label: string;
  note?: string;
  attributes?: Record<string, string>;
  id?: string;
  created?: string;
  updated?: string;
}

/**
 * The annotations a span stands for, anchored as margin anchors its own: the span tags the
 * sentence it lands on in the article's current text (found by its quote and context when the
 * tool's text is an older one), and every sentence it covers when it runs over several (see
 * `coveredSentences`), each with the span's note and attributes; the first keeps the span's id.
 * A span that cannot be placed is kept as an orphan.
 */
export function spanCandidates(span: ImportedSpan, context: ImportContext): ImportCandidate[] {
  const points = codePoints(span.text);
  const start = points.toUtf16(span.start);
  const end = points.toUtf16(span.end);
  const { article, text } = span;
  const placed = reanchor(
    {
      sentence: 'unknown',
      start,
      end,
      quote: text.slice(start, end),
      ...clampContext(text.slice(Math.max(0, start - 32), start), text.slice(end, end + 32)),
      // The same text: the offsets hold, and the anchor is rewritten from the sentence.
      textHash: text === article.text ? article.hash : '',
    },
    article,
  );
  const created = span.created ?? context.now;
  return placed.map(({ anchor, placement }, index) => ({
    line: span.line,
    ...(span.file !== undefined ? { file: span.file } : {}),
    placement,
    annotation: {
      id: index === 0 && span.id !== undefined ? span.id : context.newId(),
      article: article.id,
      annotator: span.annotator,
      label: span.label as Label,
      anchor,
      ...(span.note ? { note: span.note } : {}),
      ...(span.attributes && Object.keys(span.attributes).length > 0
        ? { attributes: { ...span.attributes } }
        : {}),
      created,
      updated: span.updated ?? created,
    },
  }));
}

/**
 * Why a span cannot be read, or null: its offsets must select something inside a text of
 * `length` code points.
 */
export function spanProblem(start: number, end: number, length: number): string | null {
  if (end <= start) return 'end is not after start';
  if (end > length) return 'end is past the end of the text';
  return null;
}

/** The corpus as an import looks articles up: a `Map`, or the corpus index read on demand. */
export interface ArticleLookup {
  get(id: string): Article | undefined;
  values(): Iterable<Article>;
}

/**
 * The articles by clean text, for files that name none (a task made from the text alone). Built
 * on the first such task, so a file that names its articles never reads the whole corpus.
 */
export function articlesByText(articles: ArticleLookup): {
  get(text: string): Article | undefined;
} {
  return {
    get(text) {
      let byText = builtByText.get(articles);
      if (!byText) {
        byText = new Map();
        for (const article of articles.values()) byText.set(article.text, article);
        builtByText.set(articles, byText);
      }
      return byText.get(text);
    },
  };
}

/** Built once per lookup: `margin import` parses a file of lines a batch at a time. */
const builtByText = new WeakMap<ArticleLookup, Map<string, Article>>();
