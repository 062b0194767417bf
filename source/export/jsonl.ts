import type { ReviewStatus } from '../store/types.js';
import { visible } from '../text/untrusted.js';
import type { Entry } from './model.js';
import { exportedSpan } from './record.js';
import type { FormatWriter, StoryOf } from './writer.js';

/**
 * The native format: one `ExportRecord` (see record.ts) per line, the input of `margin import`.
 * Lines are assembled field by field, without an intermediate object per annotation.
 */
export function jsonlWriter(storyOf?: StoryOf): FormatWriter {
  return {
    start: () => '',
    article(selected) {
      // The article's fields are serialised once per article, not per line.
      const articlePart = articleFields(selected.article);
      let out = '';
      for (const entry of selected.entries) {
        out += `${jsonLine(entry, selected.status(entry.annotation.annotator), articlePart, storyOf)}\n`;
      }
      // What `safeJson` does per value, once over the article's lines: C1 controls and bidi
      // overrides can only stand inside JSON strings, where a \u escape means the same.
      return visible(out);
    },
    end: () => '',
  };
}

const json = (value: unknown): string => JSON.stringify(value);

/** The article's part of a line: `"article":…,"date":…`. */
function articleFields(article: Entry['article']): string {
  return (
    `"article":${json(article.id)},"title":${json(article.title)}` +
    `,"source":${json(article.source)},"date":${json(article.date)}`
  );
}

/** Exactly `safeJson(toRecord(entry, status))`, keys in the same order. */
export function jsonlLine(entry: Entry, status: ReviewStatus, storyOf?: StoryOf): string {
  return visible(jsonLine(entry, status, articleFields(entry.article), storyOf));
}

/** `JSON.stringify(toRecord(entry, status))`, assembled field by field. */
function jsonLine(
  entry: Entry,
  status: ReviewStatus,
  articlePart: string,
  storyOf?: StoryOf,
): string {
  const { article, annotation } = entry;
  const { anchor, placement } = annotation;
  const { text, start, end } = exportedSpan(entry);
  const quote = text === anchor.quote ? '' : `,"quote":${json(anchor.quote)}`;
  const sentence = placement?.sentence ?? anchor.sentence;
  const story = storyOf ? `,"story":${json(storyOf(article.id, sentence))}` : '';
  return (
    `{"id":${json(annotation.id)},${articlePart}` +
    `,"annotator":${json(annotation.annotator)},"label":${json(annotation.label)}` +
    `,"sentence":${json(sentence)},"text":${json(text)}` +
    `,"start":${start},"end":${end}${quote},"prefix":${json(anchor.prefix)}` +
    `,"suffix":${json(anchor.suffix)},"textHash":${json(anchor.textHash)}` +
    `,"note":${json(annotation.note ?? null)},"attributes":${json(annotation.attributes ?? {})}` +
    `,"status":${json(status)}` +
    `,"created":${json(annotation.created)},"updated":${json(annotation.updated)}` +
    `,"orphan":${placement === null}${story}}`
  );
}
