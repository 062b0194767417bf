import { safeJson } from '../text/untrusted.js';
import { jsonLines, LineBuffer } from './lines.js';
import { articleGroups, type ExportFilter, type ExportInput, labelName } from './model.js';
import { spanOf } from './spans.js';

/**
 * doccano sequence-labeling JSONL, one line per article and annotator: `text` and
 * `label: [[start, end, "Claim"]]` in code points (doccano is Python). doccano keeps any other
 * key as document metadata, so `article` and `annotator` travel along. Orphans are left out.
 */
export function doccanoParts(input: ExportInput, filter?: ExportFilter): string[] {
  const lines = new LineBuffer();
  for (const { article, annotators } of articleGroups(input, filter)) {
    for (const { annotator, entries } of annotators) {
      const label: Array<[number, number, string]> = [];
      for (const entry of entries) {
        const span = spanOf(entry);
        if (span) label.push([span.start, span.end, labelName(entry.annotation.label)]);
      }
      if (label.length === 0) continue;
      lines.push(safeJson({ text: article.text, label, article: article.id, annotator }));
    }
  }
  return jsonLines(lines);
}

/** The whole output as one string (tests, small exports). */
export function toDoccano(input: ExportInput, filter?: ExportFilter): string {
  return doccanoParts(input, filter).join('');
}
