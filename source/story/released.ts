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

/** Gives back an array's memory now (one made by `releasable`); it must not be read again. */
export function release(array: Typed | null): void {
  const buffer = array?.buffer as Resizable | undefined;
  if (buffer?.resizable) buffer.resize(0);
}
