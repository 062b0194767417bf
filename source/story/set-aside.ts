/**
 * What a story index does not read while it builds, written to a file and its memory given back
 * until it is read again: which sentence is which node (the occurrences and each node's
 * first), the nodes' fingerprints and the copies' map (`StoryIndex.setAside`), and the pairs
 * found alike (`EdgeLog`). At 100,000 articles they are some 120 MB that stood beside the
 * build's own arrays at its peak, the comparing's last band, read by nothing there.
 */
import { giveBack, type TypedKind, trimmedCapacity, withRoom } from './growable.js';
import { ScratchFile } from './scratch-file.js';

/** Said when the unlinked file cannot be read back in full. */
const LOST = 'the story index lost what it set aside while building';

/**
 * A list whose entries are `data`'s first `length` (a list of `growable.ts`, a map's slots), or
 * from `base` on, those before written aside as it grew (`spill`).
 */
export interface AsideList<T extends Int32Array | Uint32Array> {
  data: T;
  readonly length: number;
  base?: number;
}

/** A list that can be written aside as it grows (`Int32List`). */
interface GrowingList extends AsideList<Int32Array> {
  base: number;
}

interface Kept {
  list: AsideList<Int32Array | Uint32Array>;
  Kind: TypedKind<Int32Array> | TypedKind<Uint32Array>;
  position: number;
  /** Entries in the file, from `position` on. */
  length: number;
  /**
   * Entries to make room for when read back (a list's spare room; a map's every slot); 0: as
   * many as the list has then, and a sixty-fourth to spare (a list written as it grew).
   */
  room: number;
}

export class SetAside {
  private readonly file: ScratchFile;
  private readonly kept: Kept[] = [];
  /** Bytes written so far: the next write's position. */
  private end = 0;

  /** In `folder` (default: the system's temporary folder); throws when no file can be made. */
  constructor(folder?: string) {
    this.file = new ScratchFile('aside', LOST, folder);
  }

  /**
   * Writes `list`'s entries to the file and gives its memory back (at once where it stands in
   * an `own` list's memory); `exact`: read back with no room to spare. False, the list as it
   * was, when the file refuses them (a full disk).
   */
  put<T extends Int32Array | Uint32Array>(
    list: AsideList<T>,
    Kind: TypedKind<T>,
    exact = false,
  ): boolean {
    const growing = this.kept.find((kept) => kept.list === list);
    if (growing) return this.putRest(list as unknown as GrowingList, growing, exact);
    const data = list.data;
    const position = this.end;
    try {
      this.append(new Uint8Array(data.buffer, data.byteOffset, list.length * 4));
    } catch {
      return false;
    }
    this.kept.push({
      list: list as AsideList<Int32Array | Uint32Array>,
      Kind: Kind as TypedKind<Int32Array>,
      position,
      length: list.length,
      room: exact ? list.length : trimmedCapacity(list.length),
    });
    list.data = new Kind(0);
    giveBack(data);
    return true;
  }

  /**
   * Writes `list`'s entries in memory after those it wrote before (the first time, after what
   * the file holds), and takes them from memory: `data` is then written again from its start,
   * so a list that only grows (the occurrences while a large index reads) holds a block of
   * entries, not all. False when the file refuses them (a full disk; the list as it was).
   */
  spill(list: GrowingList): boolean {
    let kept = this.kept.find((entry) => entry.list === list);
    // Its entries stand in the file one after another: nothing else may be written between.
    if (kept && this.end !== kept.position + kept.length * 4) return false;
    const entries = list.length - list.base;
    const position = this.end;
    try {
      this.append(new Uint8Array(list.data.buffer, list.data.byteOffset, entries * 4));
    } catch {
      return false;
    }
    if (!kept) {
      kept = { list, Kind: Int32Array, position, length: 0, room: 0 };
      this.kept.push(kept);
    }
    kept.length += entries;
    list.base = list.length;
    return true;
  }

  /** `put` of a list written aside as it grew (`spill`): the rest of it, then its memory. */
  private putRest(list: GrowingList, kept: Kept, exact: boolean): boolean {
    if (!this.spill(list)) {
      this.takeBack(list);
      return false;
    }
    const data = list.data;
    list.data = new Int32Array(0);
    list.base = 0;
    giveBack(data);
    kept.room = exact ? list.length : trimmedCapacity(list.length);
    return true;
  }

  /** Writes `bytes` after what was written; where they start. */
  append(bytes: Uint8Array): number {
    const position = this.end;
    this.file.write(bytes, position);
    this.end += bytes.length;
    return position;
  }

  /** Fills `bytes` from `position`. */
  read(bytes: Uint8Array, position: number): void {
    this.file.read(bytes, position);
  }

  /**
   * `list` (one put), read back into reserved shared memory where large, whose arrays V8 reads
   * fastest (see `withRoom`); nothing when it is not set aside here.
   */
  takeBack(list: object): void {
    const at = this.kept.findIndex((kept) => kept.list === list);
    if (at < 0) return;
    const [{ Kind, position, length, room }] = this.kept.splice(at, 1) as [Kept];
    const Typed = Kind as TypedKind<Int32Array>;
    const aside = list as AsideList<Int32Array>;
    // A list written aside as it grew (`spill`) may have its last entries still in memory.
    const rest = aside.base ? aside.length - aside.base : 0;
    const data = withRoom(new Typed(0), 0, room || trimmedCapacity(length + rest), Typed);
    this.read(new Uint8Array(data.buffer, data.byteOffset, length * 4), position);
    if (aside.base) {
      data.set(aside.data.subarray(0, rest), length);
      giveBack(aside.data);
      aside.base = 0;
    }
    aside.data = data;
  }

  /** Every list still set aside, read back (`takeBack`), and the file closed. */
  restore(): void {
    try {
      while (this.kept.length > 0) this.takeBack(this.kept[0]!.list);
    } finally {
      this.kept.length = 0;
      this.file.close();
    }
  }
}

/** Edges per chunk of the log (768 KB): written to the file whole. */
const CHUNK_EDGES = 1 << 16;

/**
 * The pairs a build finds alike, in the order found, kept as they come (12 bytes a pair, in
 * `aside`'s file when there is one) and made into the index's edges once the build's own
 * arrays are given back (`replay`): as lists of edges per node they were 24 bytes a pair and a
 * head per node (48 MB at 100,000 articles) standing beside the build's peak.
 */
export class EdgeLog {
  private chunk = new Int32Array(3 * CHUNK_EDGES);
  private scores = new Float32Array(this.chunk.buffer);
  private filled = 0;
  /** Full chunks in order: where the file holds one, or the chunk itself (no file, or refused). */
  private readonly full: Array<number | Int32Array> = [];

  constructor(private readonly aside: SetAside | null) {}

  add(a: number, b: number, score: number): void {
    const at = 3 * this.filled;
    this.chunk[at] = a;
    this.chunk[at + 1] = b;
    this.scores[at + 2] = score;
    if (++this.filled < CHUNK_EDGES) return;
    let position = -1;
    if (this.aside) {
      try {
        position = this.aside.append(new Uint8Array(this.chunk.buffer));
      } catch {}
    }
    this.full.push(position >= 0 ? position : this.chunk);
    if (position < 0) {
      this.chunk = new Int32Array(3 * CHUNK_EDGES);
      this.scores = new Float32Array(this.chunk.buffer);
    }
    this.filled = 0;
  }

  /**
   * Hands every pair to `edge` in the order added, as often as asked (the edges are laid out
   * from two readings: counted, then placed).
   */
  replay(edge: (a: number, b: number, score: number) => void): void {
    const last = this.chunk.subarray(0, 3 * this.filled);
    const read = new Int32Array(3 * CHUNK_EDGES);
    for (const entry of [...this.full, last]) {
      let chunk: Int32Array;
      if (typeof entry === 'number') {
        this.aside!.read(new Uint8Array(read.buffer), entry);
        chunk = read;
      } else chunk = entry;
      const scores = new Float32Array(chunk.buffer, chunk.byteOffset, chunk.length);
      for (let at = 0; at < chunk.length; at += 3)
        edge(chunk[at]!, chunk[at + 1]!, scores[at + 2]!);
    }
  }
}
