import { declaredAttributes } from '../store/labels.js';
import { safeJson } from '../text/untrusted.js';
import {
  attributeControl,
  LABELS_CONTROL,
  studioLabel,
  studioValue,
  TEXT_OBJECT,
} from './label-studio-config.js';
import { compare, type Entry, groupByAnnotator } from './model.js';
import { spanOf } from './spans.js';
import { suggestedSpans } from './suggested-spans.js';
import type { FormatWriter, WriterOptions } from './writer.js';

/**
 * A Label Studio task list, streamed as a JSON array: one task per article (`data.text` plus the
 * article's metadata), one entry in `annotations` per annotator, one `labels` region per
 * annotation. Offsets are code points: Label Studio's frontend counts them since
 * heartexlabs/label-studio-frontend#308 (the fix for emoji shifting regions,
 * label-studio#1008/#1347; pinned by its "NER - Emoji - Text" end-to-end test), as do its Python
 * converters. `value.text` makes any mismatch visible.
 *
 * Label Studio's import keeps of an annotation only `result`, `completed_by`, `ground_truth`,
 * `was_cancelled`, `lead_time` and `id`, and `completed_by` must be the id of one of its users
 * (it refuses the whole file otherwise). So each annotation carries the annotator's numeric id
 * (`annotatorIds`), and `data.annotators` (kept with the task) maps the ids of the task back to
 * names, for `margin import --format label-studio`. Attributes are per-region results of the
 * controls `--config` declares (`choices` or `textarea`, with the region's id); attributes the
 * labels do not declare, and the note, go in the region's `meta` (`meta.text` is where Label
 * Studio shows a region's note). Orphans are left out.
 */
export function labelStudioWriter(
  options: WriterOptions,
  summary: { skippedOrphans: number },
): FormatWriter {
  const declared = declaredAttributes(options.labels);
  const idOf = annotatorIdMap(options.annotators ?? [], options.annotatorIds);
  let first = true;
  return {
    start: () => '[',
    article({ article, entries }) {
      const annotations: unknown[] = [];
      const names: Array<[string, string]> = [];
      for (const { annotator, entries: own } of groupByAnnotator(entries)) {
        const { annotation, orphans } = studioAnnotation(annotator, own, declared);
        summary.skippedOrphans += orphans;
        if (!annotation) continue;
        const id = idOf(annotator);
        names.push([String(id), annotator]);
        annotations.push({ completed_by: id, ...annotation });
      }
      const predictions = options.suggestions ? labelStudioPredictions(article, options) : [];
      if (annotations.length === 0 && predictions.length === 0) return '';
      const task = safeJson({
        data: {
          text: article.text,
          article: article.id,
          title: article.title,
          source: article.source,
          date: article.date,
          annotators: Object.fromEntries(names),
        },
        annotations,
        ...(options.suggestions ? { predictions } : {}),
      });
      const separator = first ? '\n' : ',\n';
      first = false;
      return separator + task;
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/** One annotator's annotation of a task, but its `completed_by`, as the task writes it. */
export interface StudioAnnotation {
  annotator: string;
  created_at: string;
  updated_at: string;
  result: unknown[];
}

/**
 * One annotator's entries of an article (in `byPosition` order) as their annotation of the task,
 * null when every one is an orphan, with the number of orphans left out.
 */
export function studioAnnotation(
  annotator: string,
  own: readonly Entry[],
  declared: ReturnType<typeof declaredAttributes>,
): { annotation: StudioAnnotation | null; orphans: number } {
  const result: unknown[] = [];
  let orphans = 0;
  let created = '';
  let updated = '';
  for (const entry of own) {
    const span = spanOf(entry);
    if (!span) {
      orphans++;
      continue;
    }
    const { annotation } = entry;
    if (created === '' || annotation.created < created) created = annotation.created;
    if (annotation.updated > updated) updated = annotation.updated;
    const where = { start: span.start, end: span.end };
    const attributes = Object.entries(annotation.attributes ?? {}).sort(([a], [b]) =>
      compare(a, b),
    );
    const others = attributes.filter(([name]) => !declared.has(name));
    const meta = {
      ...(annotation.note ? { text: [annotation.note] } : {}),
      ...(others.length > 0 ? { attributes: Object.fromEntries(others) } : {}),
    };
    result.push({
      id: annotation.id,
      from_name: LABELS_CONTROL,
      to_name: TEXT_OBJECT,
      type: 'labels',
      value: { ...where, text: span.text, labels: [studioLabel(annotation.label)] },
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
    });
    for (const [name, value] of attributes) {
      const attribute = declared.get(name);
      if (!attribute) continue;
      result.push({
        id: annotation.id,
        from_name: attributeControl(name),
        to_name: TEXT_OBJECT,
        ...(attribute.values
          ? { type: 'choices', value: { ...where, choices: [studioValue(value)] } }
          : { type: 'textarea', value: { ...where, text: [value] } }),
      });
    }
  }
  if (result.length === 0) return { annotation: null, orphans };
  // Read back by margin before Label Studio drops it; `data.annotators` survives.
  return {
    annotation: { annotator, created_at: created, updated_at: updated, result },
    orphans,
  };
}

/**
 * Each annotator's Label Studio user id: the one `given` (`--annotator-ids`), else the smallest
 * positive number not taken, handed out in name order over every annotator of the store, so the
 * same store gives the same ids whatever the filter.
 */
export function annotatorIdMap(
  annotators: readonly string[],
  given: ReadonlyMap<string, number> = new Map(),
): (annotator: string) => number {
  const ids = new Map(given);
  const taken = new Set(given.values());
  let next = 1;
  const assign = (annotator: string): number => {
    while (taken.has(next)) next++;
    ids.set(annotator, next);
    taken.add(next);
    return next;
  };
  for (const annotator of [...annotators].sort(compare)) {
    if (!ids.has(annotator)) assign(annotator);
  }
  return (annotator) => ids.get(annotator) ?? assign(annotator);
}

/**
 * margin's suggestions as one Label Studio prediction: a `labels` region per suggested label
 * (with its `score`), and the attributes the config declares as `choices` or `textarea` results
 * of the same region, as annotations carry them. The prediction's `score` is the mean of its regions'.
 */
function labelStudioPredictions(
  article: Parameters<FormatWriter['article']>[0]['article'],
  options: WriterOptions,
): unknown[] {
  const source = options.suggestions;
  if (!source) return [];
  const declared = declaredAttributes(options.labels);
  const spans = suggestedSpans(article, source);
  if (spans.length === 0) return [];
  const result: unknown[] = [];
  for (const span of spans) {
    const id = `${span.sentence}-${span.label}`;
    const where = { start: span.start, end: span.end };
    result.push({
      id,
      from_name: LABELS_CONTROL,
      to_name: TEXT_OBJECT,
      type: 'labels',
      value: { ...where, text: span.text, labels: [studioLabel(span.label)] },
      score: span.score,
    });
    for (const [name, value] of Object.entries(span.attributes).sort(([a], [b]) => compare(a, b))) {
      const attribute = declared.get(name);
      if (!attribute) continue;
      // The control `--config` declares for it: a fixed list is a `Choices`, free text a `TextArea`.
      result.push({
        id,
        from_name: attributeControl(name),
        to_name: TEXT_OBJECT,
        ...(attribute.values
          ? { type: 'choices', value: { ...where, choices: [studioValue(value)] } }
          : { type: 'textarea', value: { ...where, text: [value] } }),
      });
    }
  }
  const score = spans.reduce((sum, span) => sum + span.score, 0) / spans.length;
  return [{ model_version: source.version, score: Math.round(score * 1000) / 1000, result }];
}
