import { safeJson } from '../text/untrusted.js';
import { jsonLines, LineBuffer } from './lines.js';
import type { Entry, ExportFilter, ExportInput } from './model.js';
import { progressReporter, selectEntries } from './model.js';
import { articleCodePoints } from './offsets.js';

/**
 * The native format: one `ExportRecord` (see record.ts) per line, the input of `margin import`.
 * Lines are assembled field by field, without an intermediate object per annotation.
 */
export function jsonlParts(input: ExportInput, filter?: ExportFilter): string[] {
  const entries = selectEntries(input, filter);
  const report = progressReporter(entries.length, input.onProgress);
  const lines = new LineBuffer();
  // Entries come grouped by article: its fields are serialised once per article, not per line.
  let article: Entry['article'] | null = null;
  let articlePart = '';
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.article !== article) {
      article = entry.article;
      articlePart = articleFields(article);
    }
    lines.push(jsonlLine(entry, input.statuses, articlePart));
    report(i + 1);
  }
  return jsonLines(lines);
}

/** The whole output as one string (tests, small exports). */
export function toJsonl(input: ExportInput, filter?: ExportFilter): string {
  return jsonlParts(input, filter).join('');
}

// C1 controls and bidi overrides, which JSON.stringify leaves raw, as \u escapes.
const json = (value: unknown): string => safeJson(value);

/** The article's part of a line: `"article":…,"date":…`. */
function articleFields(article: Entry['article']): string {
  return (
    `"article":${json(article.id)},"title":${json(article.title)}` +
    `,"source":${json(article.source)},"date":${json(article.date)}`
  );
}

/** Exactly `safeJson(toRecord(entry, statuses))`, keys in the same order. */
export function jsonlLine(
  entry: Entry,
  statuses: ExportInput['statuses'],
  articlePart = articleFields(entry.article),
): string {
  const { article, annotation } = entry;
  const { anchor, placement } = annotation;
  const points = articleCodePoints(article);
  const text = placement ? article.text.slice(placement.start, placement.end) : anchor.quote;
  const start = points.toCodePoint(placement?.start ?? anchor.start);
  const end = points.toCodePoint(placement?.end ?? anchor.end);
  const quote = text === anchor.quote ? '' : `,"quote":${json(anchor.quote)}`;
  return (
    `{"id":${json(annotation.id)},${articlePart}` +
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
