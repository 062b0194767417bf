import type { ReviewStatus } from '../store/types.js';
import { visible } from '../text/untrusted.js';
import { compare, type Entry } from './model.js';
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
  return `${lineHead(entry)},${articlePart}${lineTail(entry, status, storyOf)}`;
}

/** A line up to the article's fields: `{"id":…`. */
function lineHead(entry: Entry): string {
  return `{"id":${json(entry.annotation.id)}`;
}

/** A line from the annotator on: `,"annotator":…}`. */
function lineTail(entry: Entry, status: ReviewStatus, storyOf?: StoryOf): string {
  const { article, annotation } = entry;
  const { anchor, placement } = annotation;
  const { text, start, end } = exportedSpan(entry);
  const quote = text === anchor.quote ? '' : `,"quote":${json(anchor.quote)}`;
  const sentence = placement?.sentence ?? anchor.sentence;
  const story = storyOf ? `,"story":${json(storyOf(article.id, sentence))}` : '';
  return (
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

/**
 * The store's name for what `keptLines` renders: a change to a line above needs a new one, so
 * that renderings kept by an older margin are not written out.
 */
export const KEPT_JSONL = 'jsonl 1';

/**
 * One annotator's lines of one article as the store keeps them between exports (entries in
 * `byPosition` order, all of one annotator, no story): per annotation a row of `start`, `end`
 * (UTF-16, as `byPosition` sorts), the label as JSON, the line's head and its tail, separated by
 * tabs, which JSON text never holds raw. Already made visible.
 */
export function keptLines(entries: readonly Entry[], status: ReviewStatus): string {
  let out = '';
  for (const entry of entries) {
    const { annotation } = entry;
    const start = annotation.placement?.start ?? annotation.anchor.start;
    const end = annotation.placement?.end ?? annotation.anchor.end;
    if (out !== '') out += '\n';
    out += `${start}\t${end}\t${json(annotation.label)}\t${lineHead(entry)}\t${lineTail(entry, status)}`;
  }
  return visible(out);
}

interface KeptRow {
  start: number;
  end: number;
  label: string;
  annotator: string;
  head: string;
  tail: string;
}

/**
 * The article's lines from its files' kept renderings (`keptLines`), in the order the writer
 * above gives them: by position, label, annotator, id.
 */
export function linesFromKept(
  article: Entry['article'],
  kept: ReadonlyArray<{ annotator: string; text: string }>,
): { text: string; lines: number } {
  const articlePart = `,${visible(articleFields(article))}`;
  const rows: KeptRow[] = [];
  for (const { annotator, text } of kept) {
    for (const line of text.split('\n')) {
      const [start, end, label, head, tail] = line.split('\t') as [
        string,
        string,
        string,
        string,
        string,
      ];
      rows.push({ start: Number(start), end: Number(end), label, annotator, head, tail });
    }
  }
  // One annotator's rows are in order already; several annotators' are merged.
  if (kept.length > 1) rows.sort(byKeptPosition);
  let text = '';
  for (const row of rows) text += `${row.head}${articlePart}${row.tail}\n`;
  return { text, lines: rows.length };
}

function byKeptPosition(a: KeptRow, b: KeptRow): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    (a.label === b.label ? 0 : compare(JSON.parse(a.label), JSON.parse(b.label))) ||
    compare(a.annotator, b.annotator) ||
    // `{"id":` and the id as JSON.
    compare(JSON.parse(a.head.slice(6)), JSON.parse(b.head.slice(6)))
  );
}
