import { safeJson } from '../text/untrusted.js';
import { jsonLines, LineBuffer } from './lines.js';
import { articleGroups, type ExportFilter, type ExportInput } from './model.js';
import { spanOf } from './spans.js';

/**
 * Prodigy tasks, one JSON line per article and annotator: `text`, `spans` (code point offsets,
 * as Python indexes `str`; labels upper case, as Prodigy recipes spell them), `meta` (shown under
 * the task) and `answer: "accept"`. Orphans have no span in the current text: they are counted in
 * `meta.orphans` instead, and a task
 * left with no span at all is not written.
 */
export function prodigyParts(input: ExportInput, filter?: ExportFilter): string[] {
  const lines = new LineBuffer();
  for (const { article, annotators } of articleGroups(input, filter)) {
    for (const { annotator, entries } of annotators) {
      const spans = [];
      let orphans = 0;
      for (const entry of entries) {
        const span = spanOf(entry);
        if (span) {
          spans.push({
            start: span.start,
            end: span.end,
            label: entry.annotation.label.toUpperCase(),
          });
        } else orphans++;
      }
      // An accepted task without spans would teach Prodigy "nothing to find here".
      if (spans.length === 0) continue;
      const meta: Record<string, string | number> = { article: article.id };
      if (article.title !== null) meta.title = article.title;
      if (article.source !== null) meta.source = article.source;
      if (article.date !== null) meta.date = article.date;
      meta.annotator = annotator;
      meta.status = input.statuses(article.id, annotator);
      if (orphans > 0) meta.orphans = orphans;
      lines.push(safeJson({ text: article.text, spans, meta, answer: 'accept' }));
    }
  }
  return jsonLines(lines);
}

/** The whole output as one string (tests, small exports). */
export function toProdigy(input: ExportInput, filter?: ExportFilter): string {
  return prodigyParts(input, filter).join('');
}
