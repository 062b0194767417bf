/**
 * Sorted keys in one byte buffer (Latin-1), found by binary search. The lexicons (WordNet's
 * index, SUBTLEX's counts) hold about 150,000 keys: as a `Map` of strings each thread that reads
 * or compares sentences built its own, some 75 MB of RSS apiece at its peak. Packed into one
 * `SharedArrayBuffer`, a table is made once and every thread reads the same bytes.
 */

export interface PackedKeys {
  /** Key `i` is `bytes[offsets[i]..offsets[i + 1])`. */
  offsets: Int32Array;
  bytes: Uint8Array;
}

/** Key `i`'s position among the sorted keys of `keys`, or -1. */
export function findKey(keys: PackedKeys, key: string): number {
  const { offsets, bytes } = keys;
  let low = 0;
  let high = offsets.length - 2;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compare(key, bytes, offsets[middle]!, offsets[middle + 1]!);
    if (order === 0) return middle;
    if (order < 0) high = middle - 1;
    else low = middle + 1;
  }
  return -1;
}

/** `key` against the bytes `[start, end)`, by character code (Latin-1). */
function compare(key: string, bytes: Uint8Array, start: number, end: number): number {
  const length = Math.min(key.length, end - start);
  for (let i = 0; i < length; i++) {
    const difference = key.charCodeAt(i) - bytes[start + i]!;
    if (difference !== 0) return difference;
  }
  return key.length - (end - start);
}

/** Whether every character of `key` fits a Latin-1 byte (the others are never looked up). */
export function latin1(key: string): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Orders keys as `findKey` searches them: by character code. */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Lays out, in one shared buffer, Int32 arrays of the given lengths, then the sorted keys'
 * offsets and bytes (a header first: the key count, the array count, each array's length);
 * returns the views. `keys` must be sorted with `byCode`, each Latin-1.
 */
export function packTables(
  arrays: readonly number[],
  keys: readonly string[],
): { buffer: SharedArrayBuffer; arrays: Int32Array[]; keys: PackedKeys } {
  const byteLength = keys.reduce((sum, key) => sum + key.length, 0);
  const ints = 2 + arrays.length + arrays.reduce((sum, n) => sum + n, 0) + keys.length + 1;
  const buffer = new SharedArrayBuffer(4 * ints + byteLength);
  const header = new Int32Array(buffer, 0, 2 + arrays.length);
  header[0] = keys.length;
  header[1] = arrays.length;
  header.set(arrays, 2);
  const views = viewTables(buffer);
  let at = 0;
  keys.forEach((key, index) => {
    views.keys.offsets[index] = at;
    for (let i = 0; i < key.length; i++) views.keys.bytes[at + i] = key.charCodeAt(i);
    at += key.length;
  });
  views.keys.offsets[keys.length] = at;
  return { buffer, ...views };
}

/** The views of a buffer `packTables` made (in this thread or another). */
export function viewTables(buffer: SharedArrayBuffer): { arrays: Int32Array[]; keys: PackedKeys } {
  const [count, arrayCount] = new Int32Array(buffer, 0, 2) as unknown as [number, number];
  const lengths = new Int32Array(buffer, 8, arrayCount);
  let at = 4 * (2 + arrayCount);
  const arrays: Int32Array[] = [];
  for (const length of lengths) {
    arrays.push(new Int32Array(buffer, at, length));
    at += 4 * length;
  }
  const offsets = new Int32Array(buffer, at, count + 1);
  at += 4 * (count + 1);
  return { arrays, keys: { offsets, bytes: new Uint8Array(buffer, at) } };
}

/** Whether `buffer` holds tables as `packTables` lays them out (a file read back may not). */
export function validTables(buffer: SharedArrayBuffer): boolean {
  if (buffer.byteLength < 8) return false;
  const [count, arrayCount] = new Int32Array(buffer, 0, 2) as unknown as [number, number];
  if (count < 0 || arrayCount < 0 || 4 * (2 + arrayCount) > buffer.byteLength) return false;
  const lengths = new Int32Array(buffer, 8, arrayCount);
  let ints = 2 + arrayCount + count + 1;
  for (const length of lengths) {
    if (length < 0) return false;
    ints += length;
  }
  if (4 * ints > buffer.byteLength) return false;
  const { keys } = viewTables(buffer);
  for (let i = 0; i < count; i++) if (keys.offsets[i]! > keys.offsets[i + 1]!) return false;
  return keys.offsets[0] === 0 && keys.offsets[count] === keys.bytes.length;
}
