import type { Db } from './schema.js';

/**
 * The names of the files the index knows in `folder`, each with the size and modification time
 * it was read at, read a page at a time in the folder index's order: all at once, a folder of
 * 1,000,000 files gave an array of a million strings beside the names packed from it.
 */
export function knownNamesIn(db: Db, folder: string, pageSize = 16_384): KnownNames {
  const pathsAfter = db
    .prepare(
      'SELECT path, size, mtime FROM files WHERE folder = ? AND path > ? ORDER BY path LIMIT ?',
    )
    .raw();
  const names = new KnownNames();
  const prefix = folder === '' ? 0 : folder.length + 1;
  for (let after = ''; ; ) {
    const page = pathsAfter.all(folder, after, pageSize) as Array<[string, number, number]>;
    for (const [path, size, mtime] of page) names.add(path.slice(prefix), size, mtime);
    if (page.length < pageSize) return names;
    after = page[page.length - 1]![0];
  }
}

/**
 * The names of the files the index knows in one folder, each marked once the folder's listing
 * shows it, so that what is left unmarked is what the folder lost. Packed: the names' UTF-8 in
 * one buffer and an open-addressing table of their numbers. Held as a `Map` of paths, a folder
 * of 1,000,000 files cost some 150 MB more at the first command after 100 files were added;
 * packed, its names take about 26 MB and the table 12 MB (and each name's size and time as the
 * index read it, 16 MB more).
 */
export class KnownNames {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** Where name `n` starts in `bytes`; it ends where name `n + 1` starts. */
  private starts = new Uint32Array(1 << 10);
  private hashes = new Uint32Array(1 << 10);
  private seen = new Uint8Array(1 << 10);
  /** Each name's size and modification time as the index read it (NaN: not given). */
  private sizes = new Float64Array(1 << 10);
  private mtimes = new Float64Array(1 << 10);
  private count = 0;
  /** Name number + 1 per slot (0: empty), at most half full. */
  private slots = new Uint32Array(1 << 11);
  private scratch = Buffer.allocUnsafe(1024);

  get size(): number {
    return this.count;
  }

  add(name: string, size = Number.NaN, mtime = Number.NaN): void {
    if (this.find(name) >= 0) return;
    // At most three bytes a UTF-16 unit; a name in ASCII is copied without a call into C++.
    if (this.used + name.length * 3 > this.bytes.length) {
      const grown = Buffer.allocUnsafe(
        Math.max(this.bytes.length * 2, this.used + name.length * 3),
      );
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (this.count + 2 > this.starts.length) {
      this.starts = grow(this.starts, Uint32Array);
      this.hashes = grow(this.hashes, Uint32Array);
      this.seen = grow(this.seen, Uint8Array);
      this.sizes = grow(this.sizes, Float64Array);
      this.mtimes = grow(this.mtimes, Float64Array);
    }
    let length = 0;
    for (; length < name.length; length++) {
      const code = name.charCodeAt(length);
      if (code >= 0x80) break;
      this.bytes[this.used + length] = code;
    }
    if (length < name.length) length = this.bytes.write(name, this.used, 'utf8');
    this.starts[this.count] = this.used;
    this.sizes[this.count] = size;
    this.mtimes[this.count] = mtime;
    this.hashes[this.count] = hashOf(this.bytes, this.used, this.used + length);
    this.used += length;
    this.starts[this.count + 1] = this.used;
    this.count++;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(this.count - 1);
  }

  /** Marks `name` as listed; whether the index knows it. */
  see(name: string): boolean {
    return this.mark(name) >= 0;
  }

  /** Marks `name` as listed; its number (for `sizeOf`, `mtimeOf`), or -1 when the index knows no such name. */
  mark(name: string): number {
    const found = this.find(name);
    if (found >= 0) this.seen[found] = 1;
    return found;
  }

  /** The size name `n` had when the index read it. */
  sizeOf(n: number): number {
    return this.sizes[n]!;
  }

  /** The modification time (ms) name `n` had when the index read it (-1: too recent to trust). */
  mtimeOf(n: number): number {
    return this.mtimes[n]!;
  }

  /**
   * The names as they are held, for another thread to read (`KnownTimes`): their UTF-8 bytes,
   * where each starts (name `n` ends where `n + 1` starts), and each one's size and time.
   */
  packed(): {
    bytes: Uint8Array;
    starts: Uint32Array;
    sizes: Float64Array;
    mtimes: Float64Array;
    count: number;
  } {
    return {
      bytes: this.bytes.subarray(0, this.used),
      starts: this.starts.subarray(0, this.count + 1),
      sizes: this.sizes.subarray(0, this.count),
      mtimes: this.mtimes.subarray(0, this.count),
      count: this.count,
    };
  }

  /** Name `n` itself. */
  nameOf(n: number): string {
    return this.bytes.toString('utf8', this.starts[n]!, this.starts[n + 1]!);
  }

  /** The names never seen, in the order they were added. */
  *unseen(): Generator<string> {
    for (let n = 0; n < this.count; n++) {
      if (this.seen[n] === 0) yield this.nameOf(n);
    }
  }

  /**
   * The number of `name`, or -1. A name in ASCII, as nearly all are, is hashed and compared
   * from its characters, which are its bytes: encoding each of a million names into a buffer
   * first took twice as long as listing the folder.
   */
  private find(name: string): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      if (code >= 0x80) return this.findEncoded(name);
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    hash >>>= 0;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const n = this.slots[slot]! - 1;
      if (this.hashes[n] !== hash) continue;
      const start = this.starts[n]!;
      if (this.starts[n + 1]! - start !== name.length) continue;
      let same = true;
      for (let i = 0; i < name.length && same; i++)
        same = this.bytes[start + i] === name.charCodeAt(i);
      if (same) return n;
    }
    return -1;
  }

  private findEncoded(name: string): number {
    const needed = Buffer.byteLength(name);
    if (needed > this.scratch.length) this.scratch = Buffer.allocUnsafe(needed * 2);
    const length = this.scratch.write(name, 0, 'utf8');
    const hash = hashOf(this.scratch, 0, length);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const n = this.slots[slot]! - 1;
      if (this.hashes[n] !== hash) continue;
      const start = this.starts[n]!;
      if (this.starts[n + 1]! - start !== length) continue;
      if (this.scratch.compare(this.bytes, start, start + length, 0, length) === 0) return n;
    }
    return -1;
  }

  private place(n: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[n]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = n + 1;
  }

  private rehash(): void {
    this.slots = new Uint32Array(this.slots.length * 2);
    for (let n = 0; n < this.count; n++) this.place(n);
  }
}

function grow<T extends Uint32Array | Uint8Array | Float64Array>(
  array: T,
  Kind: { new (length: number): T },
): T {
  const grown = new Kind(array.length * 2);
  grown.set(array);
  return grown;
}

/** FNV-1a of the bytes. */
function hashOf(bytes: Buffer, from: number, to: number): number {
  let hash = 0x811c9dc5;
  for (let at = from; at < to; at++) hash = Math.imul(hash ^ bytes[at]!, 0x01000193);
  return hash >>> 0;
}
