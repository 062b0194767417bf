/**
 * Arrays a build needs for a while and then gives back at once, not when the collector next
 * runs: in a resizable `ArrayBuffer`, shrunk to nothing when done, which returns its pages at
 * once. At 100,000 articles the LSH build's tags, crowd marks and sort scratch (some 120 MB)
 * otherwise stayed resident through the grouping that follows, and into what comes after it.
 */

import type { Typed, TypedKind } from './growable.js';

/** ES2024's resizable `ArrayBuffer`: Node 20 has it, the project's TypeScript lib not. */
interface Resizable extends ArrayBuffer {
  readonly resizable: boolean;
  resize(bytes: number): void;
}
const ResizableBuffer = ArrayBuffer as unknown as new (
  bytes: number,
  options: { maxByteLength: number },
) => Resizable;

/** A zeroed array of `length` entries that `release` can give back. */
export function releasable<T extends Typed>(Kind: TypedKind<T>, length: number): T {
  const bytes = length * Kind.BYTES_PER_ELEMENT;
  try {
    return new Kind(new ResizableBuffer(bytes, { maxByteLength: bytes }), 0, length);
  } catch {
    return new Kind(length);
  }
}

/**
 * Entries from which `scratch` makes an array releasable: below, a mapping of its own costs
 * more than the memory it gives back.
 */
const SCRATCH_FROM = 1 << 16;
/** Bytes from which `release` gives an array's memory back (below, it is left to the collector). */
const RELEASED_FROM = SCRATCH_FROM;

/**
 * A zeroed array for one step of work, given back by `release` when done: releasable when
 * large (the grouping of a component of 860,000 template sentences at 100,000 articles makes
 * some thirty arrays of up to 14 MB, which stood together until the collector came).
 */
export function scratch<T extends Typed>(Kind: TypedKind<T>, length: number): T {
  return length >= SCRATCH_FROM ? releasable(Kind, length) : new Kind(length);
}

/**
 * Gives back the memory of arrays made by `releasable` (or `scratch`) now; they must not be
 * read again. Others are left to the collector.
 */
export function release(...arrays: Array<Typed | null>): void {
  for (const array of arrays) {
    // A small array is left to the collector, its buffer not asked for: V8 keeps an array of a
    // few entries in the heap and makes it a buffer of its own when asked (`buffer`), which was
    // a ninth of the grouping's time in the small components at 100,000 articles (some 15
    // arrays each, most of a few entries); what a small one would give back is nothing.
    if (!array || array.byteLength < RELEASED_FROM) continue;
    const buffer = array.buffer as Resizable;
    if (buffer.resizable) buffer.resize(0);
  }
}
