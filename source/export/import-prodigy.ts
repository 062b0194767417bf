import { z } from 'zod';
import type { Article } from '../corpus/types.js';
import { sanitiseAnnotator } from '../store/index.js';
import { LABELS, type Label, REVIEW_STATUSES, type ReviewStatus } from '../store/types.js';
import { clampContext, reanchor } from './import-anchor.js';
import { validLines } from './import-errors.js';
import { type ImportContext, noteStatus, type ParsedImport } from './import-jsonl.js';
import { codePoints } from './offsets.js';

const spanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  label: z.string().min(1),
});

const taskSchema = z.object({
  text: z.string(),
  spans: z.array(spanSchema).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
  answer: z.enum(['accept', 'reject', 'ignore']).optional(),
});

/**
 * Prodigy tasks (`margin export --format prodigy`, or `db-out` of a span dataset). The article is
 * `meta.article`, or else the one whose clean text is the task's text; the annotator is
 * `meta.annotator`, else `fallbackAnnotator`. Each span tags the sentence it overlaps most;
 * labels are matched case-insensitively to claim/quote/event. Rejected and ignored tasks are
 * counted in `ignored`, not imported.
 */
export function parseProdigyImport(
  content: string,
  context: ImportContext & { fallbackAnnotator: string },
): ParsedImport {
  const byText = new Map<string, Article>();
  for (const article of context.articles.values()) byText.set(article.text, article);
  const out: ParsedImport = { annotations: [], errors: [], ignored: 0, statuses: [] };
  for (const { line, value: task } of validLines(content, taskSchema, out.errors)) {
    if (task.answer === 'reject' || task.answer === 'ignore') {
      out.ignored++;
      continue;
    }
    const named = task.meta?.article;
    const article = typeof named === 'string' ? context.articles.get(named) : byText.get(task.text);
    if (!article) {
      out.errors.push({
        line,
        message:
          typeof named === 'string'
            ? `unknown article ${JSON.stringify(named)}`
            : 'no meta.article and no article with this text',
      });
      continue;
    }
    const metaAnnotator = task.meta?.annotator;
    const annotator =
      typeof metaAnnotator === 'string'
        ? sanitiseAnnotator(metaAnnotator)
        : context.fallbackAnnotator;
    const spans = task.spans ?? [];
    const problem = spans
      .map((span, index) => spanProblem(span, index, task.text))
      .find((message) => message !== null);
    if (problem) {
      out.errors.push({ line, message: problem });
      continue;
    }
    if (annotator.length === 0) {
      out.errors.push({ line, message: 'meta.annotator: not a usable name' });
      continue;
    }
    const status = task.meta?.status;
    if ((REVIEW_STATUSES as readonly unknown[]).includes(status)) {
      noteStatus(out, { article: article.id, annotator, status: status as ReviewStatus });
    }
    const points = codePoints(task.text);
    // A span need not cover a whole sentence: with no hash, `reanchor` rewrites it from the
    // sentence it lands on, whichever text the task was made on.
    const textHash = task.text === article.text ? article.hash : '';
    for (const span of spans) {
      const start = points.toUtf16(span.start);
      const end = points.toUtf16(span.end);
      const { anchor, placement } = reanchor(
        {
          sentence: 'unknown',
          start,
          end,
          quote: task.text.slice(start, end),
          ...clampContext(task.text.slice(Math.max(0, start - 32), start), task.text.slice(end)),
          textHash,
        },
        article,
      );
      out.annotations.push({
        line,
        placement,
        annotation: {
          id: context.newId(),
          article: article.id,
          annotator,
          label: span.label.toLowerCase() as Label,
          anchor,
          created: context.now,
          updated: context.now,
        },
      });
    }
  }
  return out;
}

function spanProblem(span: z.infer<typeof spanSchema>, index: number, text: string): string | null {
  const where = `spans.${index}`;
  if (!(LABELS as readonly string[]).includes(span.label.toLowerCase())) {
    return `${where}.label: ${JSON.stringify(span.label)} is not one of ${LABELS.map((l) => l.toUpperCase()).join(', ')}`;
  }
  if (span.end <= span.start) return `${where}: end is not after start`;
  if (span.end > codePoints(text).length) return `${where}: end is past the end of the text`;
  return null;
}
