import { wellFormed } from './kept-fields.js';
import { compare, type Entry } from './model.js';

/**
 * One annotation as a format keeps it between exports (csv, w3c): its position, label and id,
 * which order one article's items from several annotators as `byPosition` does, then the
 * format's own parts (its text as written, what W3C hashes), each read back as it was kept.
 */
export interface KeptItem {
  start: number;
  end: number;
  label: string;
  id: string;
  parts: readonly string[];
}

/** An annotation's item with the format's parts. */
export function keptItem(annotation: Entry['annotation'], ...parts: string[]): KeptItem {
  return {
    start: annotation.placement?.start ?? annotation.anchor.start,
    end: annotation.placement?.end ?? annotation.anchor.end,
    label: annotation.label,
    id: annotation.id,
    parts,
  };
}

/** An item's head as kept: its position, label and id, then each part's length in UTF-8 bytes. */
export type KeptHead = [
  start: number,
  end: number,
  label: string,
  id: string,
  ...lengths: number[],
];

/**
 * A file's items (in `byPosition` order) as kept: one line of JSON, every item's head, then
 * every item's parts one after the other, raw. An export copies the parts' bytes into its
 * output as they are: kept as strings in a JSON list, W3C's items (JSON themselves) were
 * escaped a second time (278 MB kept for 204 MB written, at 300,000 annotations), and every
 * export parsed them into strings and encoded them again (1.5-2 s of the main thread's CPU).
 */
export function keptItemsText(items: readonly KeptItem[]): string {
  // Byte lengths of the parts as SQLite keeps them: whole characters (see `wellFormed`).
  const whole = items.map(({ parts }) => parts.map(wellFormed));
  const heads: KeptHead[] = items.map(({ start, end, label, id }, at) => [
    start,
    end,
    label,
    id,
    ...whole[at]!.map((part) => Buffer.byteLength(part)),
  ]);
  let text = `${JSON.stringify(heads)}\n`;
  for (const parts of whole) text += parts.join('');
  return text;
}

/**
 * An item read back: its head and the kept text it is in, its parts one after the other from
 * `from` (lengths in the head). Parts are copied from `bytes` by offset, not as views: a view per
 * part of 300,000 items cost the collector more than JSON's parse of them had.
 */
export interface ReadItem {
  head: KeptHead;
  bytes: Buffer;
  from: number;
}

/** Where part `n` of an item starts in its `bytes` and how long it is. */
export function partOf(item: ReadItem, n: number): [from: number, length: number] {
  let from = item.from;
  for (let part = 4; part < 4 + n; part++) from += item.head[part] as number;
  return [from, item.head[4 + n] as number];
}

/**
 * One article's items from its files' kept texts (`keptItemsText`), merged in `byPosition`
 * order (position, label, annotator, id).
 */
export function keptItems(
  kept: ReadonlyArray<{ annotator: string; text: Uint8Array }>,
): ReadItem[] {
  if (kept.length === 1) return itemsOf(kept[0]!.text, []);
  const all: ReadItem[] = [];
  const annotators: string[] = [];
  for (const { annotator, text } of kept) {
    itemsOf(text, all);
    while (annotators.length < all.length) annotators.push(annotator);
  }
  const order = all.map((_, at) => at);
  order.sort((x, y) => {
    const a = all[x]!.head;
    const b = all[y]!.head;
    return (
      a[0] - b[0] ||
      a[1] - b[1] ||
      compare(a[2], b[2]) ||
      compare(annotators[x]!, annotators[y]!) ||
      compare(a[3], b[3])
    );
  });
  return order.map((at) => all[at]!);
}

const NEWLINE = 0x0a;

/** A file's items, added to `items`. */
function itemsOf(text: Uint8Array, items: ReadItem[]): ReadItem[] {
  const bytes = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  // JSON text never holds a raw line break: the first ends the heads.
  const line = bytes.indexOf(NEWLINE);
  const heads = JSON.parse(bytes.toString('utf8', 0, line)) as KeptHead[];
  let at = line + 1;
  for (const head of heads) {
    items.push({ head, bytes, from: at });
    for (let part = 4; part < head.length; part++) at += head[part] as number;
  }
  // Lengths that do not add up to the text are no kept text of this format: never written.
  if (at !== bytes.length) throw new Error('a kept rendering does not match its heads');
  return items;
}
