import { REVIEW_STATUSES, type ReviewStatus } from '../store/types.js';
import * as z from '../text/schema.js';
import { quotedValue, validLines } from './import-errors.js';
import { type ImportContext, noteStatus, type ParsedImport } from './import-jsonl.js';
import { articlesByText, type ImportedSpan, spanCandidates, spanProblem } from './import-span.js';
import { importedAnnotator, labelList, labelMatcher, stringRecord } from './import-values.js';
import { codePoints } from './offsets.js';

const spanSchema = z.object({
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
  label: z.string().check(z.minLength(1)),
  meta: z.optional(
    z.object({ note: z.optional(z.string()), attributes: z.optional(stringRecord) }),
  ),
});

const taskSchema = z.object({
  text: z.string(),
  spans: z.optional(z.array(spanSchema)),
  meta: z.optional(z.record(z.string(), z.unknown())),
  answer: z.optional(z.enum(['accept', 'reject', 'ignore'])),
  _annotator_id: z.optional(z.string()),
});

/**
 * Prodigy tasks (`margin export --format prodigy`, or `db-out` of a span dataset). The article is
 * `meta.article`, or else the one whose clean text is the task's text; the annotator is
 * `_annotator_id` (the Prodigy session that answered), else `meta.annotator`, else
 * `fallbackAnnotator`. Each span tags the sentences it covers, with the note and attributes its
 * `meta` carries; labels are matched to the project's case-insensitively. Rejected and ignored
 * tasks, and a model's unanswered proposals (`meta.model_version`, no `answer`), are counted in
 * `ignored`, not imported.
 */
export function parseProdigyImport(content: string, context: ImportContext): ParsedImport {
  const byText = articlesByText(context.articles);
  const matchLabel = labelMatcher(context.labels, (label) => label.toUpperCase());
  const out: ParsedImport = { annotations: [], errors: [], ignored: 0, statuses: [] };
  for (const { line, value: task } of validLines(content, taskSchema, out.errors)) {
    // A model's proposal nobody answered yet (`export --suggestions`) is no one's annotation.
    const proposal = task.answer === undefined && task.meta?.model_version !== undefined;
    if (proposal) {
      out.suggestions = (out.suggestions ?? 0) + 1;
      continue;
    }
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
            ? `unknown article ${quotedValue(named)}`
            : 'no meta.article and no article with this text',
      });
      continue;
    }
    const metaAnnotator = task.meta?.annotator;
    const given = task._annotator_id ?? (typeof metaAnnotator === 'string' ? metaAnnotator : null);
    const credited = given === null ? null : importedAnnotator(given);
    if (credited !== null && credited.problem !== null) {
      const field = task._annotator_id === undefined ? 'meta.annotator' : '_annotator_id';
      out.errors.push({ line, message: `${field}: ${credited.problem}` });
      continue;
    }
    const annotator = credited?.annotator ?? context.fallbackAnnotator;
    const length = codePoints(task.text).length;
    const spans: ImportedSpan[] = [];
    let problem: string | null = null;
    for (const [index, span] of (task.spans ?? []).entries()) {
      const label = matchLabel(span.label);
      const where = `spans.${index}`;
      const wrong = spanProblem(span.start, span.end, length);
      if (label === null) {
        problem = `${where}.label: ${quotedValue(span.label)} is not one of ${labelList(context.labels)}`;
      } else if (wrong) problem = `${where}: ${wrong}`;
      if (problem) break;
      spans.push({
        line,
        article,
        text: task.text,
        start: span.start,
        end: span.end,
        annotator,
        label: label!,
        ...(span.meta?.note !== undefined ? { note: span.meta.note } : {}),
        ...(span.meta?.attributes ? { attributes: span.meta.attributes } : {}),
      });
    }
    if (problem) {
      out.errors.push({ line, message: problem });
      continue;
    }
    const status = task.meta?.status;
    if ((REVIEW_STATUSES as readonly unknown[]).includes(status)) {
      noteStatus(out, { article: article.id, annotator, status: status as ReviewStatus });
    }
    for (const span of spans) out.annotations.push(...spanCandidates(span, context));
  }
  return out;
}
