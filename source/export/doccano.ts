import { safeJson } from '../text/untrusted.js';
import { groupByAnnotator, labelName } from './model.js';
import { spanOf } from './spans.js';
import type { ExportSummary, FormatWriter } from './writer.js';

/** A span's note and attributes, which doccano's `[start, end, label]` has no room for. */
export interface DoccanoDetail {
  start: number;
  end: number;
  label: string;
  note?: string;
  attributes?: Record<string, string>;
}

/**
 * doccano sequence-labeling JSONL, one line per article and annotator: `text` and
 * `label: [[start, end, "Claim"]]` in code points (doccano is Python). doccano keeps any other
 * key as document metadata, so `article`, `annotator` and `details` (each span's note and
 * attributes, when it has any) travel along and come back with doccano's own export. A sentence
 * with two labels gives two overlapping spans on one line: a doccano project keeps both only
 * with "Allow overlapping spans" on, so such lines are counted for the command to say so.
 * Orphans are left out.
 */
export function doccanoWriter(
  summary: Pick<ExportSummary, 'skippedOrphans' | 'overlapping'>,
): FormatWriter {
  return {
    start: () => '',
    article({ article, entries }) {
      let out = '';
      for (const { annotator, entries: own } of groupByAnnotator(entries)) {
        const label: Array<[number, number, string]> = [];
        const details: DoccanoDetail[] = [];
        let reach = -1;
        let overlapping = false;
        for (const entry of own) {
          const span = spanOf(entry);
          if (!span) {
            summary.skippedOrphans++;
            continue;
          }
          const name = labelName(entry.annotation.label);
          label.push([span.start, span.end, name]);
          // Entries come by position: a span that starts before an earlier one ended overlaps it.
          if (span.start < reach) overlapping = true;
          reach = Math.max(reach, span.end);
          const { note, attributes } = entry.annotation;
          const hasAttributes = attributes !== undefined && Object.keys(attributes).length > 0;
          if (note || hasAttributes) {
            details.push({
              start: span.start,
              end: span.end,
              label: name,
              ...(note ? { note } : {}),
              ...(hasAttributes ? { attributes } : {}),
            });
          }
        }
        if (label.length === 0) continue;
        if (overlapping) summary.overlapping++;
        const line = { text: article.text, label, article: article.id, annotator };
        out += `${safeJson(details.length > 0 ? { ...line, details } : line)}\n`;
      }
      return out;
    },
    end: () => '',
  };
}
