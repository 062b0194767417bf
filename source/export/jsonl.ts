import type { ReviewStatus } from '../store/types.js';
import { visible } from '../text/untrusted.js';
import { compare, type Entry } from './model.js';
import { exportedSpan } from './record.js';
import type { FormatWriter, KeptFormat, StoryOf } from './writer.js';

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

/** jsonl's export of every annotation from the lines kept of each file (`keptLines`). */
export function keptJsonl(): KeptFormat {
  // The heads and tails of the article last rendered, for its kept lines: rendered once, not
  // twice (each tail's fields were a fifth of the first export's main thread at 100,000 articles).
  let rendered = new Map<Entry['annotation'], [head: string, tail: string]>();
  return {
    kind: KEPT_JSONL,
    start: () => '',
    end: () => '',
    article(selected) {
      // As `jsonlWriter`'s (with no story), keeping each line's two parts.
      const articlePart = articleFields(selected.article);
      rendered = new Map();
      let out = '';
      for (const entry of selected.entries) {
        const head = lineHead(entry);
        const tail = lineTail(entry, selected.status(entry.annotation.annotator));
        rendered.set(entry.annotation, [head, tail]);
        out += `${head},${articlePart}${tail}\n`;
      }
      return visible(out);
    },
    keep: (entries, status) => keptLines(entries, status, rendered),
    fromKept: linesFromKept,
  };
}

/**
 * One annotator's lines of one article as the store keeps them between exports (entries in
 * `byPosition` order, all of one annotator, no story): per annotation a row of `start`, `end`
 * (UTF-16, as `byPosition` sorts), the label as JSON, the line's head and its tail, separated by
 * tabs, which JSON text never holds raw. Already made visible.
 */
export function keptLines(
  entries: readonly Entry[],
  status: ReviewStatus,
  /** Each line's head and tail as rendered for the export just before, where it was. */
  rendered?: ReadonlyMap<Entry['annotation'], [head: string, tail: string]>,
): string {
  let out = '';
  for (const entry of entries) {
    const { annotation } = entry;
    const start = annotation.placement?.start ?? annotation.anchor.start;
    const end = annotation.placement?.end ?? annotation.anchor.end;
    const [head, tail] = rendered?.get(annotation) ?? [lineHead(entry), lineTail(entry, status)];
    if (out !== '') out += '\n';
    out += `${start}\t${end}\t${json(annotation.label)}\t${head}\t${tail}`;
  }
  return visible(out);
}

/** One kept line, as byte ranges of its file's kept rendering. */
interface KeptRow {
  bytes: Buffer;
  start: number;
  end: number;
  annotator: string;
  label: [from: number, to: number];
  head: [from: number, to: number];
  tail: [from: number, to: number];
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/**
 * The article's lines from its files' kept renderings (`keptLines`), as UTF-8, in the order the
 * writer above gives them: by position, label, annotator, id. The renderings come as the store
 * index holds them, UTF-8, and go out as they are: decoding 200 MB into JavaScript strings and
 * encoding them again for the output cost more than the rest of the export together.
 */
export function linesFromKept(
  article: Entry['article'],
  kept: ReadonlyArray<{ annotator: string; text: Uint8Array }>,
): { bytes: Buffer; lines: number } {
  const articlePart = Buffer.from(`,${visible(articleFields(article))}`);
  const rows: KeptRow[] = [];
  let size = 0;
  for (const { annotator, text } of kept) {
    const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    for (let from = 0; from < bytes.length; ) {
      let to = bytes.indexOf(NEWLINE, from);
      if (to === -1) to = bytes.length;
      const t1 = bytes.indexOf(TAB, from);
      const t2 = bytes.indexOf(TAB, t1 + 1);
      const t3 = bytes.indexOf(TAB, t2 + 1);
      const t4 = bytes.indexOf(TAB, t3 + 1);
      rows.push({
        bytes,
        start: Number(bytes.toString('latin1', from, t1)),
        end: Number(bytes.toString('latin1', t1 + 1, t2)),
        annotator,
        label: [t2 + 1, t3],
        head: [t3 + 1, t4],
        tail: [t4 + 1, to],
      });
      size += t4 - t3 - 1 + articlePart.length + (to - t4 - 1) + 1;
      from = to + 1;
    }
  }
  // One annotator's rows are in order already; several annotators' are merged.
  if (kept.length > 1) rows.sort(byKeptPosition);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const { bytes, head, tail } of rows) {
    at += bytes.copy(out, at, head[0], head[1]);
    at += articlePart.copy(out, at);
    at += bytes.copy(out, at, tail[0], tail[1]);
    out[at++] = NEWLINE;
  }
  return { bytes: out, lines: rows.length };
}

/** A kept row's text between two of its tabs. */
function field(row: KeptRow, [from, to]: [number, number]): string {
  return row.bytes.toString('utf8', from, to);
}

function byKeptPosition(a: KeptRow, b: KeptRow): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  const labels = a.bytes.compare(b.bytes, b.label[0], b.label[1], a.label[0], a.label[1]);
  return (
    (labels === 0 ? 0 : compare(JSON.parse(field(a, a.label)), JSON.parse(field(b, b.label)))) ||
    compare(a.annotator, b.annotator) ||
    // `{"id":` and the id as JSON.
    compare(JSON.parse(field(a, a.head).slice(6)), JSON.parse(field(b, b.head).slice(6)))
  );
}
