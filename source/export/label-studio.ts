import { LABELS } from '../store/types.js';
import { safeJson } from '../text/untrusted.js';
import { jsonArray, LineBuffer } from './lines.js';
import { articleGroups, type ExportFilter, type ExportInput, labelName } from './model.js';
import { spanOf } from './spans.js';

/**
 * A Label Studio task list: one task per article (`data.text` plus the article's metadata), one
 * entry in `annotations` per annotator, one `labels` region per annotation. Offsets are code
 * points: Label Studio's frontend counts them since heartexlabs/label-studio-frontend#308 (the
 * fix for emoji shifting regions, label-studio#1008/#1347; pinned by its "NER - Emoji - Text"
 * end-to-end test), as do its Python converters. `value.text` makes any mismatch visible. Notes go in the region's
 * `meta.text`, where Label Studio shows region notes; orphans are left out.
 */
export function labelStudioParts(input: ExportInput, filter?: ExportFilter): string[] {
  const tasks = new LineBuffer(',\n');
  for (const { article, annotators } of articleGroups(input, filter)) {
    const annotations: unknown[] = [];
    for (const { annotator, entries } of annotators) {
      const result: unknown[] = [];
      let created = '';
      let updated = '';
      for (const entry of entries) {
        const span = spanOf(entry);
        if (!span) continue;
        const { annotation } = entry;
        if (created === '' || annotation.created < created) created = annotation.created;
        if (annotation.updated > updated) updated = annotation.updated;
        result.push({
          id: annotation.id,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          value: {
            start: span.start,
            end: span.end,
            text: span.text,
            labels: [labelName(annotation.label)],
          },
          ...(annotation.note ? { meta: { text: [annotation.note] } } : {}),
        });
      }
      if (result.length === 0) continue;
      // Label Studio ignores keys it does not know on import; `annotator` keeps who made it.
      annotations.push({ annotator, created_at: created, updated_at: updated, result });
    }
    if (annotations.length === 0) continue;
    tasks.push(
      safeJson({
        data: {
          text: article.text,
          article: article.id,
          title: article.title,
          source: article.source,
          date: article.date,
        },
        annotations,
      }),
    );
  }
  return jsonArray(tasks);
}

/** The whole output as one string (tests, small exports). */
export function toLabelStudio(input: ExportInput, filter?: ExportFilter): string {
  return labelStudioParts(input, filter).join('');
}

/** The labeling config that matches the tasks (`margin export --format label-studio --config`). */
export function labelStudioConfig(): string {
  const labels = LABELS.map((label) => `    <Label value="${labelName(label)}"/>`);
  return [
    '<View>',
    '  <Labels name="label" toName="text">',
    ...labels,
    '  </Labels>',
    '  <Text name="text" value="$text"/>',
    '</View>',
    '',
  ].join('\n');
}
