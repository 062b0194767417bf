import * as z from '../text/schema.js';
import { quotedValue, validLines } from './import-errors.js';
import type { ImportContext, ParsedImport } from './import-jsonl.js';
import { articlesByText, type ImportedSpan, spanCandidates, spanProblem } from './import-span.js';
import { importedAnnotator, labelList, labelMatcher, stringRecord } from './import-values.js';
import { codePoints } from './offsets.js';

const offset = z.number().check(z.int(), z.nonnegative());
const triple = z.tuple([offset, offset, z.string().check(z.minLength(1))]);
const entity = z.object({
  start_offset: offset,
  end_offset: offset,
  label: z.string().check(z.minLength(1)),
});
const detail = z.object({
  start: offset,
  end: offset,
  label: z.string(),
  note: z.optional(z.string()),
  attributes: z.optional(stringRecord),
});
/** What margin writes beside doccano's fields; doccano keeps them as metadata. */
const extras = z.object({
  article: z.optional(z.string().check(z.minLength(1))),
  annotator: z.optional(z.string()),
  details: z.optional(z.array(detail)),
});

const lineSchema = z.extend(extras, {
  text: z.string(),
  label: z.optional(z.array(triple)),
  labels: z.optional(z.array(triple)),
  entities: z.optional(z.array(entity)),
  meta: z.optional(extras),
});

/**
 * doccano sequence-labeling JSONL (`margin export --format doccano`, or doccano's own export):
 * spans as `label` (or `labels`) triples `[start, end, label]`, or as `entities` (a project with
 * relations), in code points. The article is `article`, else the one whose clean text is the
 * line's text; the annotator is `annotator`, else `fallbackAnnotator`; `details` give back each
 * span's note and attributes. Those three may also sit in `meta`, where some doccano versions
 * put metadata.
 */
export function parseDoccanoImport(content: string, context: ImportContext): ParsedImport {
  const byText = articlesByText(context.articles);
  const matchLabel = labelMatcher(context.labels);
  const out: ParsedImport = { annotations: [], errors: [], ignored: 0, statuses: [] };
  for (const { line, value } of validLines(content, lineSchema, out.errors)) {
    const named = value.article ?? value.meta?.article;
    const article = named !== undefined ? context.articles.get(named) : byText.get(value.text);
    if (!article) {
      out.errors.push({
        line,
        message:
          named !== undefined
            ? `unknown article ${quotedValue(named)}`
            : 'no article field and no article with this text',
      });
      continue;
    }
    const given = value.annotator ?? value.meta?.annotator;
    const credited = given === undefined ? null : importedAnnotator(given);
    if (credited !== null && credited.problem !== null) {
      const field = value.annotator === undefined ? 'meta.annotator' : 'annotator';
      out.errors.push({ line, message: `${field}: ${credited.problem}` });
      continue;
    }
    const annotator = credited?.annotator ?? context.fallbackAnnotator;
    const details = new Map<string, z.infer<typeof detail>>();
    for (const item of value.details ?? value.meta?.details ?? []) {
      details.set(`${item.start}:${item.end}:${item.label}`, item);
    }
    const raw: Array<{ field: string; start: number; end: number; label: string }> = [
      ...(value.label ?? value.labels ?? []).map(([start, end, label], index) => ({
        field: `${value.label ? 'label' : 'labels'}.${index}`,
        start,
        end,
        label,
      })),
      ...(value.entities ?? []).map((item, index) => ({
        field: `entities.${index}`,
        start: item.start_offset,
        end: item.end_offset,
        label: item.label,
      })),
    ];
    const length = codePoints(value.text).length;
    const spans: ImportedSpan[] = [];
    let problem: string | null = null;
    for (const { field, start, end, label: name } of raw) {
      const label = matchLabel(name);
      const wrong = spanProblem(start, end, length);
      if (label === null) {
        problem = `${field}: ${quotedValue(name)} is not one of ${labelList(context.labels)}`;
      } else if (wrong) problem = `${field}: ${wrong}`;
      if (problem) break;
      const extra = details.get(`${start}:${end}:${name}`);
      spans.push({
        line,
        article,
        text: value.text,
        start,
        end,
        annotator,
        label: label!,
        ...(extra?.note !== undefined ? { note: extra.note } : {}),
        ...(extra?.attributes ? { attributes: extra.attributes } : {}),
      });
    }
    if (problem) {
      out.errors.push({ line, message: problem });
      continue;
    }
    for (const span of spans) out.annotations.push(...spanCandidates(span, context));
  }
  return out;
}
