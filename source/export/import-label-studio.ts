import { declaredAttributes } from '../store/labels.js';
import * as z from '../text/schema.js';
import { fromIdentifier } from './identifiers.js';
import { type DocumentFormat, type ItemReader, parseDocumentImport } from './import-document.js';
import { describeIssue, quotedValue } from './import-errors.js';
import type { ImportContext, ParsedImport } from './import-jsonl.js';
import { articlesByText, type ImportedSpan, spanCandidates, spanProblem } from './import-span.js';
import {
  importedAnnotator,
  isoOrUndefined,
  labelList,
  labelMatcher,
  stringRecord,
} from './import-values.js';
import { studioLabel, studioValue } from './label-studio-config.js';
import { codePoints } from './offsets.js';

const regionSchema = z.object({
  id: z.optional(z.union([z.string(), z.number()])),
  from_name: z.string(),
  type: z.string(),
  value: z.record(z.string(), z.unknown()),
  meta: z.optional(
    z.object({ text: z.optional(z.array(z.string())), attributes: z.optional(stringRecord) }),
  ),
});
type Region = z.infer<typeof regionSchema>;

const userSchema = z.union([
  z.number().check(z.int()),
  z.object({ id: z.optional(z.number().check(z.int())), email: z.optional(z.string()) }),
]);

const annotationSchema = z.object({
  completed_by: z.optional(z.nullable(userSchema)),
  annotator: z.optional(z.string()),
  was_cancelled: z.optional(z.boolean()),
  created_at: z.optional(z.string()),
  updated_at: z.optional(z.string()),
  result: z.array(regionSchema),
});

const taskSchema = z.object({
  data: z.object({
    text: z.string(),
    article: z.optional(z.string()),
    annotators: z.optional(stringRecord),
  }),
  annotations: z.optional(z.array(annotationSchema)),
  predictions: z.optional(
    z.array(z.object({ result: z.array(regionSchema), model_version: z.optional(z.unknown()) })),
  ),
});

const labelsValue = z.object({
  start: z.number().check(z.int(), z.nonnegative()),
  end: z.number().check(z.int(), z.nonnegative()),
  labels: z.array(z.string()).check(z.minLength(1)),
});
const textValue = z.object({ text: z.array(z.string()).check(z.minLength(1)) });
const choicesValue = z.object({ choices: z.array(z.string()).check(z.minLength(1)) });

/**
 * A Label Studio task list (`margin export --format label-studio`, or Label Studio's JSON
 * export): each annotation's and prediction's `labels` regions, with the attributes of their
 * per-region `textarea` and `choices` results (controls named as `--config` names them) and the
 * note and other attributes of the region's `meta`. The article is `data.article`, else the one
 * whose clean text is `data.text`. An annotation's annotator is its `completed_by` user as
 * `--annotator-ids` names it, else as the task's `data.annotators` does, else its `annotator`;
 * predictions, and annotations none of these name, are credited to `fallbackAnnotator`.
 * Cancelled annotations are counted in `ignored`, margin's own predictions in `suggestions`.
 */
export function parseLabelStudioImport(content: string, context: ImportContext): ParsedImport {
  return parseDocumentImport(content, LABEL_STUDIO_DOCUMENT, context);
}

/** A Label Studio export: a list of tasks, each read on its own (`DocumentImport`). */
export const LABEL_STUDIO_DOCUMENT: DocumentFormat = {
  paths: [[]],
  noun: 'task',
  items: (document) =>
    Array.isArray(document) ? { list: document } : { error: 'expected a JSON array of tasks' },
  reader: taskReader,
};

function taskReader(context: ImportContext): ItemReader {
  const byText = articlesByText(context.articles);
  const reader = regionReader(context);
  const names = new Map<number, string>();
  for (const [name, id] of context.annotatorIds ?? []) names.set(id, name);
  // The line of the first JSON-MIN task met: the ones after it point there (qa51 #10).
  let minimal: number | null = null;
  return (item, line, out) => {
    const parsed = taskSchema.safeParse(item);
    if (!parsed.success) {
      if (isJsonMin(item)) {
        out.errors.push({
          line,
          message:
            minimal === null
              ? `this is Label Studio's JSON-MIN export, which loses which region each attribute belongs to: export the project as "JSON" instead and import that`
              : `a JSON-MIN task, as on line ${minimal}`,
        });
        minimal ??= line;
        return;
      }
      out.errors.push({ line, message: describeIssue(parsed.error) });
      return;
    }
    const task = parsed.data;
    const named = task.data.article;
    const article = named !== undefined ? context.articles.get(named) : byText.get(task.data.text);
    if (!article) {
      out.errors.push({
        line,
        message:
          named !== undefined
            ? `unknown article ${quotedValue(named)}`
            : 'no data.article and no article with this text',
      });
      return;
    }
    const taskNames = new Map(Object.entries(task.data.annotators ?? {}));
    const length = codePoints(task.data.text).length;
    const results = [
      ...(task.annotations ?? []).map((annotation, index) => ({
        annotation,
        field: `annotations.${index}`,
        suggestion: false,
      })),
      ...(task.predictions ?? []).map((prediction, index) => ({
        annotation: { result: prediction.result } as z.infer<typeof annotationSchema>,
        field: `predictions.${index}`,
        // margin's own suggestions come back as they left: proposals, never annotations.
        suggestion: isMarginSuggestion(prediction.model_version),
      })),
    ];
    for (const { annotation, field, suggestion } of results) {
      if (suggestion) {
        out.suggestions = (out.suggestions ?? 0) + 1;
        continue;
      }
      if (annotation.was_cancelled) {
        out.ignored++;
        continue;
      }
      const user = annotation.completed_by;
      const id = typeof user === 'number' ? user : user?.id;
      const given =
        (id !== undefined ? (names.get(id) ?? taskNames.get(String(id))) : undefined) ??
        annotation.annotator;
      // What is wrong is named and skipped alone: one annotator's odd region, or a name that
      // cannot be used, discarded every annotator's work on the task and named only the first.
      const credited = given === undefined ? null : importedAnnotator(given);
      if (credited !== null && credited.problem !== null) {
        out.errors.push({ line, message: `${field}: annotator: ${credited.problem}` });
        continue;
      }
      const annotator = credited?.annotator ?? context.fallbackAnnotator;
      const created = isoOrUndefined(annotation.created_at);
      const updated = isoOrUndefined(annotation.updated_at) ?? created;
      const { spans, problems } = reader(annotation.result, length, `${field}.result`);
      for (const message of problems) out.errors.push({ line, message });
      for (const span of spans) {
        const imported: ImportedSpan = {
          ...span,
          line,
          article,
          text: task.data.text,
          annotator,
          ...(created ? { created } : {}),
          ...(updated ? { updated } : {}),
        };
        out.annotations.push(...spanCandidates(imported, context));
      }
    }
  };
}

/**
 * A task of Label Studio's JSON-MIN export: the task's data at the top (no `data`), each
 * control's results under its name (`"label":[{"start","end","text","labels"}]`) and the
 * annotation's `annotator`, `annotation_id`, `lead_time`. Read back, it would give labels
 * without the attributes of their regions: refused, with the way to the full JSON.
 */
function isJsonMin(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const task = item as Record<string, unknown>;
  if ('data' in task || typeof task.text !== 'string') return false;
  const regions = Object.values(task).some(
    (value) =>
      Array.isArray(value) &&
      value.some(
        (region) => typeof region === 'object' && region !== null && Array.isArray(region.labels),
      ),
  );
  return regions || 'annotation_id' in task || 'lead_time' in task;
}

type RegionSpan = Pick<ImportedSpan, 'start' | 'end' | 'label' | 'note' | 'attributes' | 'id'>;

/** Reads one annotation's results into spans, and says what is wrong with each one skipped. */
function regionReader(context: ImportContext) {
  const matchLabel = labelMatcher(context.labels, studioLabel);
  const declared = declaredAttributes(context.labels);
  // A fixed value as Label Studio spells it → the value itself.
  const values = new Map<string, Map<string, string>>();
  for (const [name, attribute] of declared) {
    values.set(name, new Map((attribute.values ?? []).map((value) => [studioValue(value), value])));
  }
  return (
    results: Region[],
    length: number,
    field: string,
  ): { spans: RegionSpan[]; problems: string[] } => {
    const problems: string[] = [];
    const attributes = new Map<string, Array<[string, string]>>();
    for (const [index, region] of results.entries()) {
      if (region.id === undefined || !region.from_name.startsWith('attr_')) continue;
      const name = fromIdentifier(region.from_name.slice('attr_'.length));
      if (name === null) continue;
      let value: string;
      if (region.type === 'textarea') {
        const parsed = textValue.safeParse(region.value);
        if (!parsed.success) {
          problems.push(`${field}.${index}.value.text: expected a list of texts`);
          continue;
        }
        value = parsed.data.text.join('\n');
      } else if (region.type === 'choices') {
        const parsed = choicesValue.safeParse(region.value);
        if (!parsed.success) {
          problems.push(`${field}.${index}.value.choices: expected a list of choices`);
          continue;
        }
        const choice = parsed.data.choices[0]!;
        value = values.get(name)?.get(choice) ?? choice;
      } else continue;
      const key = String(region.id);
      attributes.set(key, [...(attributes.get(key) ?? []), [name, value]]);
    }
    const spans: RegionSpan[] = [];
    for (const [index, region] of results.entries()) {
      if (region.type !== 'labels') continue;
      const parsed = labelsValue.safeParse(region.value);
      if (!parsed.success) {
        problems.push(
          `${field}.${index}.value: expected start, end and labels (a region of a Text object)`,
        );
        continue;
      }
      const { start, end, labels } = parsed.data;
      const wrong = spanProblem(start, end, length);
      if (wrong) {
        problems.push(`${field}.${index}.value: ${wrong}`);
        continue;
      }
      const own = [
        ...Object.entries(region.meta?.attributes ?? {}),
        ...(region.id === undefined ? [] : (attributes.get(String(region.id)) ?? [])),
      ];
      const note = region.meta?.text?.join('\n');
      for (const [position, name] of labels.entries()) {
        const label = matchLabel(name);
        if (label === null) {
          problems.push(
            `${field}.${index}.value.labels: ${quotedValue(name)} is not one of ${labelList(context.labels)}`,
          );
          continue;
        }
        spans.push({
          start,
          end,
          label,
          // A region with several labels is one annotation per label; the first keeps the id.
          ...(region.id !== undefined && position === 0 ? { id: String(region.id) } : {}),
          ...(note ? { note } : {}),
          ...(own.length > 0 ? { attributes: Object.fromEntries(own) } : {}),
        });
      }
    }
    return { spans, problems };
  };
}

/** `margin export --suggestions` names its model `margin-suggest-r<decisions>`. */
function isMarginSuggestion(version: unknown): boolean {
  return typeof version === 'string' && version.startsWith('margin-suggest-');
}
