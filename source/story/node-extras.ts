/**
 * A node's speakers, sources, units and quoted words, in one pool with one start a node. Most
 * nodes have none of the four: four pools with a start each in every node cost 16 bytes a node
 * (36 MB at 100,000 articles) to say so. Here a node with none takes only its start; a node
 * with some takes a header (the four counts, a byte each) before them, or, when a count does
 * not fit a byte, a header of all ones and the four counts in full. Whether the speakers were
 * borrowed from a neighbouring sentence is the top bit of their count (of its byte, below 127).
 */
import type { Pool } from './pair-judge.js';

/** A node's four lists, as `readExtras` fills them. */
export interface Extras {
  speakers: ArrayLike<number>;
  sources: ArrayLike<number>;
  units: ArrayLike<number>;
  quoted: ArrayLike<number>;
  /** Whether the speakers were taken from a neighbouring sentence (a bare quote, "he said"). */
  borrowed?: boolean;
}

/** A pool that takes entries at its end (`Uint32List`). */
interface Appendable {
  push(value: number): number;
}

const WIDE = 0xffff_ffff;
/** The borrowed speakers' mark: in the header's first byte, or in the full count. */
const BORROWED_BYTE = 0x80;
const BORROWED_WIDE = 0x8000_0000;
const NONE = new Uint32Array(0);

/** Appends a node's four lists to `pool` (its start is the pool's length before). */
export function pushExtras(
  pool: Appendable,
  speakers: readonly number[],
  sources: readonly number[],
  units: readonly number[],
  quoted: readonly number[],
  borrowed = false,
): void {
  const lists = [speakers, sources, units, quoted];
  if (lists.every((list) => list.length === 0)) return;
  const mark = borrowed && speakers.length > 0;
  if (speakers.length < BORROWED_BYTE - 1 && lists.every((list) => list.length < 0xff)) {
    const first = speakers.length | (mark ? BORROWED_BYTE : 0);
    pool.push((first | (sources.length << 8) | (units.length << 16) | (quoted.length << 24)) >>> 0);
  } else {
    pool.push(WIDE);
    pool.push((speakers.length | (mark ? BORROWED_WIDE : 0)) >>> 0);
    for (const list of lists.slice(1)) pool.push(list.length);
  }
  for (const list of lists) for (const value of list) pool.push(value);
}

/**
 * Fills `into` with node `node`'s lists, views of `pool` (one shared empty array for an empty
 * list: views made per comparison were a sixth of the comparing's time).
 */
export function readExtras(
  starts: Pool<Int32Array>,
  pool: Pool<Uint32Array>,
  node: number,
  into: Extras,
): Extras {
  const start = starts.data[node]!;
  const end = node + 1 < starts.length ? starts.data[node + 1]! : pool.length;
  if (start === end) {
    into.speakers = NONE;
    into.sources = NONE;
    into.units = NONE;
    into.quoted = NONE;
    into.borrowed = false;
    return into;
  }
  // No array or closure made here: it runs for every view filled while comparing.
  const data = pool.data;
  const header = data[start]!;
  const wide = header === WIDE;
  const first = wide ? data[start + 1]! : header & 0xff;
  const mark = wide ? BORROWED_WIDE : BORROWED_BYTE;
  const speakers = first & ~mark;
  into.borrowed = (first & mark) !== 0;
  const sources = wide ? data[start + 2]! : (header >>> 8) & 0xff;
  const units = wide ? data[start + 3]! : (header >>> 16) & 0xff;
  const quoted = wide ? data[start + 4]! : header >>> 24;
  let at = start + (wide ? 5 : 1);
  into.speakers = speakers === 0 ? NONE : data.subarray(at, at + speakers);
  at += speakers;
  into.sources = sources === 0 ? NONE : data.subarray(at, at + sources);
  at += sources;
  into.units = units === 0 ? NONE : data.subarray(at, at + units);
  at += units;
  into.quoted = quoted === 0 ? NONE : data.subarray(at, at + quoted);
  return into;
}
