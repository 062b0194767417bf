/**
 * A posting list on disk: ascending numbers (sentence keys, or article numbers for titles) as
 * variable-length deltas behind a 4-byte header holding the last number, so that two lists of
 * consecutive segments join by copying bytes: only the first delta of the second is rewritten.
 */

/** Encodes ascending numbers. */
export function encodePostings(numbers: ArrayLike<number>): Buffer {
  const bytes = Buffer.allocUnsafe(4 + numbers.length * 5);
  let at = 4;
  let previous = 0;
  for (let i = 0; i < numbers.length; i++) {
    at = writeVarint(bytes, at, numbers[i]! - previous);
    previous = numbers[i]!;
  }
  bytes.writeUInt32LE(previous, 0);
  return bytes.subarray(0, at);
}

function writeVarint(bytes: Buffer, at: number, value: number): number {
  let rest = value;
  while (rest >= 0x80) {
    bytes[at++] = (rest & 0x7f) | 0x80;
    rest >>>= 7;
  }
  bytes[at++] = rest;
  return at;
}

/** How many numbers a list holds (its length in varints). */
export function countPostings(list: Uint8Array): number {
  let count = 0;
  for (let at = 4; at < list.length; at++) if (list[at]! < 0x80) count++;
  return count;
}

/**
 * Decodes several lists of consecutive segments into one ascending array. A search process runs
 * this in V8's interpreter (it ends before the optimiser would start), where each step counts:
 * no counting pass first (the array is sized by the bytes, one key at most each, and cut to
 * what was read), a delta of one byte (most of them) in one test, and no `**`, which the
 * interpreter does not do inline: 3-4 times less CPU for a typo query's lists in a new process.
 */
export function decodePostings(lists: readonly Uint8Array[]): Uint32Array {
  let bytes = 0;
  for (const list of lists) bytes += Math.max(0, list.length - 4);
  const out = new Uint32Array(bytes);
  let length = 0;
  for (const list of lists) {
    // Each list starts from 0 again: its first delta is its first number.
    let value = 0;
    let at = 4;
    const end = list.length;
    while (at < end) {
      let byte = list[at++]!;
      if (byte < 0x80) {
        value += byte;
        out[length++] = value;
        continue;
      }
      let delta = byte & 0x7f;
      let scale = 0x80;
      do {
        byte = list[at++]!;
        delta += (byte & 0x7f) * scale;
        scale *= 0x80;
      } while (byte >= 0x80);
      value += delta;
      out[length++] = value;
    }
  }
  return length === bytes ? out : out.subarray(0, length);
}

/**
 * The numbers of one list, at most `most` at a time, each run decoded when it is asked for: the
 * first hits of common words (`said Rachel`, `--limit 3`) are in the head of the first segment's
 * list of `said` (52,817 keys at 100,000 articles), which `decodePostings` decoded whole, 5 ms of
 * CPU in a new process, where the loop runs in V8's interpreter.
 */
export function* decodeRuns(list: Uint8Array, most: number): Generator<Uint32Array> {
  let value = 0;
  let at = 4;
  const end = list.length;
  while (at < end) {
    const out = new Uint32Array(Math.min(most, end - at));
    let length = 0;
    while (at < end && length < out.length) {
      let byte = list[at++]!;
      if (byte < 0x80) {
        value += byte;
        out[length++] = value;
        continue;
      }
      let delta = byte & 0x7f;
      let scale = 0x80;
      do {
        byte = list[at++]!;
        delta += (byte & 0x7f) * scale;
        scale *= 0x80;
      } while (byte >= 0x80);
      value += delta;
      out[length++] = value;
    }
    yield length === out.length ? out : out.subarray(0, length);
  }
}

/** Joins the lists of consecutive segments into one list, copying all but one delta of each. */
export function joinPostings(lists: readonly Uint8Array[]): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  let first = true;
  const header = Buffer.alloc(4);
  parts.push(header);
  for (const list of lists) {
    if (list.length <= 4) continue;
    // The first delta of a list is its first number; after the previous list, it is relative.
    let at = 4;
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = list[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte >= 0x80);
    const rebased = Buffer.allocUnsafe(5);
    parts.push(rebased.subarray(0, writeVarint(rebased, 0, first ? value : value - last)));
    parts.push(Buffer.from(list.buffer, list.byteOffset + at, list.length - at));
    last = Buffer.from(list.buffer, list.byteOffset, 4).readUInt32LE(0);
    first = false;
  }
  header.writeUInt32LE(last, 0);
  return Buffer.concat(parts);
}
