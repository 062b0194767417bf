import { jsonLines, LineBuffer } from './lines.js';
import type { ExportFilter, ExportInput } from './model.js';
import {
  groupByAnnotator,
  groupByArticle,
  labelName,
  progressReporter,
  selectEntries,
} from './model.js';
import { spanOf } from './spans.js';

/**
 * doccano sequence-labeling JSONL, one line per article and annotator: `text` and
 * `label: [[start, end, "Claim"]]` in code points (doccano is Python). doccano keeps any other
 * key as document metadata, so `article` and `annotator` travel along. Orphans are left out.
 */
export function doccanoParts(input: ExportInput, filter?: ExportFilter): string[] {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  const lines = new LineBuffer();
  let done = 0;
  for (const group of groupByArticle(entries)) {
    for (const { annotator, entries: own } of groupByAnnotator(group.entries)) {
      const label: Array<[number, number, string]> = [];
      for (const entry of own) {
        const span = spanOf(entry);
        if (span) label.push([span.start, span.end, labelName(entry.annotation.label)]);
        report(++done);
      }
      if (label.length === 0) continue;
      lines.push(
        JSON.stringify({ text: group.article.text, label, article: group.article.id, annotator }),
      );
    }
  }
  return jsonLines(lines);
}

/** The whole output as one string (tests, small exports). */
export function toDoccano(input: ExportInput, filter?: ExportFilter): string {
  return doccanoParts(input, filter).join('');
}
