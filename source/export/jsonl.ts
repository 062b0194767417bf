import { jsonLines, LineBuffer } from './lines.js';
import type { Entry, ExportFilter, ExportInput } from './model.js';
import { progressReporter, selectEntries } from './model.js';
import { articleCodePoints } from './offsets.js';

/**
 * The native format: one `ExportRecord` (see record.ts) per line, the input of `margin import`.
 * Lines are assembled field by field, without an intermediate object per annotation.
 */
export function toJsonl(input: ExportInput, filter?: ExportFilter): string {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  const lines = new LineBuffer();
  for (let i = 0; i < entries.length; i++) {
    lines.push(jsonlLine(entries[i]!, input.statuses));
    report(i + 1);
  }
  return jsonLines(lines);
}

const json = JSON.stringify;

/** Exactly `JSON.stringify(toRecord(entry, statuses))`, keys in the same order. */
export function jsonlLine(entry: Entry, statuses: ExportInput['statuses']): string {
  const { article, annotation } = entry;
  const { anchor, placement } = annotation;
  const points = articleCodePoints(article);
  const text = placement ? article.text.slice(placement.start, placement.end) : anchor.quote;
  const start = points.toCodePoint(placement?.start ?? anchor.start);
  const end = points.toCodePoint(placement?.end ?? anchor.end);
  const quote = text === anchor.quote ? '' : `,"quote":${json(anchor.quote)}`;
  return (
    `{"id":${json(annotation.id)},"article":${json(article.id)},"title":${json(article.title)}` +
    `,"source":${json(article.source)},"date":${json(article.date)}` +
    `,"annotator":${json(annotation.annotator)},"label":${json(annotation.label)}` +
    `,"sentence":${json(placement?.sentence ?? anchor.sentence)},"text":${json(text)}` +
    `,"start":${start},"end":${end}${quote},"prefix":${json(anchor.prefix)}` +
    `,"suffix":${json(anchor.suffix)},"textHash":${json(anchor.textHash)}` +
    `,"note":${json(annotation.note ?? null)},"attributes":${json(annotation.attributes ?? {})}` +
    `,"status":${json(statuses(annotation.article, annotation.annotator))}` +
    `,"created":${json(annotation.created)},"updated":${json(annotation.updated)}` +
    `,"orphan":${placement === null}}`
  );
}
