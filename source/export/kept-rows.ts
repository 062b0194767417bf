import { compare, type Entry } from './model.js';

/**
 * One annotation as a format keeps it between exports (csv, w3c): its position and label and its
 * id, which order one article's rows from several annotators as `byPosition` does, then the
 * format's own text. A file's rows are kept as one JSON list, in `byPosition` order. The
 * format renders an article once: its kept rows reuse what it wrote.
 */
export type KeptRow = [start: number, end: number, label: string, id: string, ...text: string[]];

/** One article's kept rows from its files' kept texts, merged in `byPosition` order. */
export function keptRows(kept: ReadonlyArray<{ annotator: string; text: Uint8Array }>): KeptRow[] {
  if (kept.length === 1) return parse(kept[0]!.text);
  const all: Array<{ row: KeptRow; annotator: string }> = [];
  for (const { annotator, text } of kept) {
    for (const row of parse(text)) all.push({ row, annotator });
  }
  all.sort(
    (a, b) =>
      a.row[0] - b.row[0] ||
      a.row[1] - b.row[1] ||
      compare(a.row[2], b.row[2]) ||
      compare(a.annotator, b.annotator) ||
      compare(a.row[3], b.row[3]),
  );
  return all.map(({ row }) => row);
}

function parse(text: Uint8Array): KeptRow[] {
  return JSON.parse(
    Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'),
  ) as KeptRow[];
}

/** An annotation's row with the format's text. */
export function keptRow(annotation: Entry['annotation'], ...text: string[]): KeptRow {
  return [
    annotation.placement?.start ?? annotation.anchor.start,
    annotation.placement?.end ?? annotation.anchor.end,
    annotation.label,
    annotation.id,
    ...text,
  ];
}
