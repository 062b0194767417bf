import { safeJson } from '../text/untrusted.js';
import type { QuotedText } from './article-text.js';
import { keptTextLines } from './kept-text-lines.js';
import { type Entry, groupByAnnotator, labelName } from './model.js';
import { spanOf } from './spans.js';
import type { ExportSummary, FormatWriter, KeptFormat } from './writer.js';

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
        const { label, details, orphans, overlapping } = doccanoSpans(own);
        summary.skippedOrphans += orphans;
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

/** One annotator's entries as doccano's spans and their details; orphans are counted instead. */
function doccanoSpans(own: readonly Entry[]): {
  label: Array<[number, number, string]>;
  details: DoccanoDetail[];
  orphans: number;
  overlapping: boolean;
} {
  const label: Array<[number, number, string]> = [];
  const details: DoccanoDetail[] = [];
  let orphans = 0;
  let reach = -1;
  let overlapping = false;
  for (const entry of own) {
    const span = spanOf(entry);
    if (!span) {
      orphans++;
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
  return { label, details, orphans, overlapping };
}

/**
 * doccano's export of every annotation (no filter) as kept between exports (see
 * `keptTextLines`): per file its line but the text and the article's id.
 */
export function keptDoccano(
  summary: Pick<ExportSummary, 'skippedOrphans' | 'overlapping'>,
  quoted?: QuotedText,
): KeptFormat {
  return keptTextLines(
    {
      kind: 'doccano 1',
      render(_article, own) {
        const { label, details, orphans, overlapping } = doccanoSpans(own);
        if (label.length === 0) return { orphans, overlapping: false, members: null };
        const annotator = own[0]!.annotation.annotator;
        const rest = details.length > 0 ? { annotator, details } : { annotator };
        return {
          orphans,
          overlapping,
          members: { before: `"label":${safeJson(label)}`, after: safeJson(rest).slice(1) },
        };
      },
      articleMembers: (article) => `"article":${safeJson(article.id)}`,
      idOnly: true,
    },
    summary,
    quoted,
  );
}
