/**
 * Typed arrays that grow: compact per-sentence storage without an object each. A list past
 * `RESERVED_FROM` entries moves once into a growable `SharedArrayBuffer` with address space
 * reserved far beyond it (`RESERVE_BYTES`), and from then on grows where it stands: no copy,
 * no old array left to collect, and no spare room in RSS, as pages are resident only once
 * written. Copied on each growth, a hundred thousand articles' pools held their old and new
 * arrays at once, and the freed ones left holes in the allocator's heap that the process kept
 * (`bench/diagnose/story-memory`). The pools are then shared memory too, which the worker
 * threads that compare a build's pairs read without a copy (see `ComparePool`).
 */

import { readFileSync } from 'node:fs';

/**
 * The room `trim` keeps for `length` entries: a sixty-fourth to spare, so that the first
 * articles added after a build (an import, a changed file) do not grow every pool by a quarter,
 * each copied whole (a hundred megabytes at 100,000 articles) while a reviewer waits.
 */
export function trimmedCapacity(length: number): number {
  return length + 1024 + (length >>> 6);
}

export function grownCapacity(capacity: number, needed: number): number {
  let grown = capacity;
  while (grown < needed) grown = grown < 1 << 20 ? grown * 2 : Math.floor(grown * 1.25);
  return grown;
}

/**
 * Bytes from which a list's room is reserved (1 MB): smaller lists, most of them (an index of a
 * few articles, a test's), stay ordinary arrays and reserve no address space.
 */
export const RESERVED_FROM = 1 << 20;
/**
 * Address space a reserved list holds (4 GiB, a billion entries): only what it has grown to is
 * committed, and only what was written is resident. Beyond it, a list moves to a room twice its
 * size.
 */
const RESERVE_BYTES = 2 ** 32;

/** ES2024's growable `SharedArrayBuffer`: Node 20 has it, the project's TypeScript lib not. */
interface Growable extends SharedArrayBuffer {
  readonly growable: boolean;
  readonly maxByteLength: number;
  grow(bytes: number): void;
}
const GrowableBuffer = SharedArrayBuffer as unknown as new (
  bytes: number,
  options: { maxByteLength: number },
) => Growable;

function growable(buffer: ArrayBufferLike): buffer is Growable {
  return buffer instanceof SharedArrayBuffer && (buffer as Growable).growable;
}

/**
 * ES2024's resizable `ArrayBuffer`, for a list that is given back while a build runs
 * (`SetAside`): it grows where it stands as a growable one does, and unlike shared memory,
 * which stays until the collector finds it unused, it gives its pages back when shrunk.
 * Arrays over it are slower to read in Node 20's V8, so only such a list stands there, and only
 * until it is set aside.
 */
interface Resizable extends ArrayBuffer {
  readonly resizable: boolean;
  readonly maxByteLength: number;
  resize(bytes: number): void;
}
const ResizableBuffer = ArrayBuffer as unknown as new (
  bytes: number,
  options: { maxByteLength: number },
) => Resizable;

function resizable(buffer: ArrayBufferLike): buffer is Resizable {
  return buffer instanceof ArrayBuffer && (buffer as Resizable).resizable === true;
}

/** The typed arrays the story engine keeps its tables in (here and in `released.ts`). */
export type Typed =
  | Int32Array
  | Uint32Array
  | Uint16Array
  | Uint8Array
  | Float32Array
  | Float64Array;
/** A typed array's constructor, to make one of a kind from a length or over a buffer. */
export interface TypedKind<T extends Typed> {
  new (length: number): T;
  new (buffer: ArrayBufferLike, offset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

let limited: boolean | undefined;

/**
 * Whether this process may map only so much (`ulimit -v`): there the first 4 GiB reserved could
 * leave too little for ordinary allocations (a limit of 6 GB failed a 1.5 GB buffer after one
 * reservation), so lists grow by copies instead. Read from Linux's `/proc`; elsewhere none.
 */
function addressSpaceLimited(): boolean {
  if (limited === undefined) {
    try {
      const limits = readFileSync('/proc/self/limits', 'utf8');
      limited = /^Max address space\s+\d/m.test(limits);
    } catch {
      limited = false;
    }
  }
  return limited;
}

/**
 * A growable buffer of `bytes` with room reserved beyond them, or null where address space
 * cannot be reserved (a limit on virtual memory): the list is then copied as it grows.
 */
function reserve(bytes: number, own = false): Growable | Resizable | null {
  if (addressSpaceLimited()) return null;
  const room = { maxByteLength: Math.max(RESERVE_BYTES, 2 * bytes) };
  try {
    return own ? new ResizableBuffer(bytes, room) : new GrowableBuffer(bytes, room);
  } catch {
    return null;
  }
}

/**
 * Bytes of a list that are resident: a reserved list's spare room is not (never written).
 */
export function residentBytes(list: { data: Typed; length: number; base?: number }): number {
  const entries = list.length - (list.base ?? 0);
  return reserved(list.data) ? entries * list.data.BYTES_PER_ELEMENT : list.data.byteLength;
}

/** Whether `data` stands in reserved room (see `RESERVED_FROM`), shared or not. */
export function reserved(data: Typed): boolean {
  return growable(data.buffer) || resizable(data.buffer);
}

/**
 * Gives back the memory of `data` at once when it stands in a resizable buffer (an `own`
 * list's, see `withRoom`); else the collector does, once nothing holds it. It must not be read
 * again.
 */
export function giveBack(data: Typed): void {
  if (resizable(data.buffer)) data.buffer.resize(0);
}

/**
 * `data` (of which `used` entries hold values) with room for `capacity` entries: the same
 * memory grown when it is reserved; else a copy, reserved when that large (`own`: in this
 * thread's memory, which `giveBack` returns at once, not shared). A fixed-length view, not one
 * that follows the buffer's length: those are slower to read in V8.
 */
export function withRoom<T extends Typed>(
  data: T,
  used: number,
  capacity: number,
  Kind: TypedKind<T>,
  own = false,
): T {
  const bytes = capacity * Kind.BYTES_PER_ELEMENT;
  const buffer = data.buffer;
  if (growable(buffer) && bytes <= buffer.maxByteLength) {
    if (bytes > buffer.byteLength) buffer.grow(bytes);
    return new Kind(buffer, 0, capacity);
  }
  if (resizable(buffer) && bytes <= buffer.maxByteLength) {
    if (bytes > buffer.byteLength) buffer.resize(bytes);
    return new Kind(buffer, 0, capacity);
  }
  const room = bytes < RESERVED_FROM ? null : reserve(bytes, own);
  const grown = room ? new Kind(room, 0, capacity) : new Kind(capacity);
  grown.set(data.subarray(0, Math.min(used, capacity)));
  return grown;
}

export class Int32List {
  /** The entries from `base` on. */
  data: Int32Array;
  length = 0;
  /**
   * Entries written aside while the list grows (`SetAside.spill`), before `data`'s first: 0
   * but while a large index reads, and `data` is then read by none but `push`.
   */
  base = 0;

  /**
   * Gives back the spare room; `shared`: into shared memory, which worker threads read without
   * a copy each (see `ComparePool`). One copy, not a trimmed one and then a shared one: at
   * 100,000 articles the two together held 150 MB more for a while. A reserved list is shared
   * already, and its spare room is not resident: it stays.
   */
  trim(shared = false): void {
    const entries = this.length - this.base;
    this.data = trimmed(this.data, entries, shared, (buffer) => new Int32Array(buffer));
  }

  /**
   * `own`: a list set aside while a build runs (`SetAside`), grown in memory that it can give
   * back at once rather than in shared memory.
   */
  constructor(
    capacity = 1024,
    private readonly own = false,
  ) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): number {
    const at = this.length - this.base;
    if (at === this.data.length) this.reserve(this.length + 1);
    this.data[at] = value;
    return this.length++;
  }

  reserve(size: number): void {
    const room = size - this.base;
    if (room <= this.data.length) return;
    const capacity = grownCapacity(this.data.length, room);
    this.data = withRoom(this.data, this.length - this.base, capacity, Int32Array, this.own);
  }
}

export class Uint32List {
  data: Uint32Array;
  length = 0;

  /** As `Int32List.trim`. */
  trim(shared = false): void {
    this.data = trimmed(this.data, this.length, shared, (buffer) => new Uint32Array(buffer));
  }

  /** As `Int32List`'s. */
  constructor(
    capacity = 1024,
    private readonly own = false,
  ) {
    this.data = new Uint32Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      this.data = withRoom(
        this.data,
        this.length,
        grownCapacity(this.data.length, this.length + 1),
        Uint32Array,
        this.own,
      );
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

export class Float64List {
  data: Float64Array;
  length = 0;

  /** Gives back the spare room (a reserved list's is not resident). */
  trim(): void {
    const capacity = trimmedCapacity(this.length);
    if (!reserved(this.data) && this.data.length > capacity) {
      this.data = this.data.slice(0, capacity);
    }
  }

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      this.data = withRoom(
        this.data,
        this.length,
        grownCapacity(this.data.length, this.length + 1),
        Float64Array,
      );
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

export class Float32List {
  data: Float32Array;
  length = 0;

  /** Gives back the spare room (a reserved list's is not resident). */
  trim(): void {
    const capacity = trimmedCapacity(this.length);
    if (!reserved(this.data) && this.data.length > capacity) {
      this.data = this.data.slice(0, capacity);
    }
  }

  constructor(capacity = 1024) {
    this.data = new Float32Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      this.data = withRoom(
        this.data,
        this.length,
        grownCapacity(this.data.length, this.length + 1),
        Float32Array,
      );
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

/**
 * An open-addressing map from a 64-bit fingerprint (two 32-bit halves) to a node. Slots hold
 * only nodes (4 bytes): a slot's fingerprint is read from the caller's per-node arrays, which
 * already hold it, so millions of sentences do not pay for it twice.
 */
export class FingerprintMap {
  /** Slots (-1: empty, -2: a tombstone), a power of two; read and set whole by `SetAside`. */
  data = slots(1 << 12);
  private used = 0;

  constructor(
    private readonly high: (node: number) => number,
    private readonly low: (node: number) => number,
  ) {}

  /** Slots in `data` (as a list's length, for `SetAside`). */
  get length(): number {
    return this.data.length;
  }

  get(h1: number, h2: number): number {
    const slot = this.slot(h1, h2);
    return this.data[slot]! >= 0 ? this.data[slot]! : -1;
  }

  /** Maps a fingerprint to `node`, whose own fingerprint (as the callers read it) it must be. */
  set(h1: number, h2: number, node: number): void {
    if ((this.used + 1) * 10 > this.data.length * 7) this.grow();
    const slot = this.slot(h1, h2);
    if (this.data[slot] === -1) this.used++;
    this.data[slot] = node;
  }

  /** Forgets a fingerprint; its slot stays a tombstone so later probes still pass it. */
  delete(h1: number, h2: number): void {
    const slot = this.slot(h1, h2);
    if (this.data[slot]! >= 0) this.data[slot] = -2;
  }

  private slot(h1: number, h2: number): number {
    const mask = this.data.length - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    for (;;) {
      const node = this.data[slot]!;
      if (node === -1 || (node >= 0 && this.high(node) === h1 && this.low(node) === h2)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.data;
    this.data = slots(old.length * 2);
    this.used = 0;
    for (let slot = 0; slot < old.length; slot++) {
      const node = old[slot]!;
      if (node >= 0) this.set(this.high(node), this.low(node), node);
    }
    giveBack(old);
  }
}

/**
 * A map's empty slots: past `RESERVED_FROM`, in memory given back at once when the map grows
 * or is set aside (`giveBack`), not when the collector next finds it (16 MB at 100,000 articles,
 * and the 8 MB before it).
 */
function slots(count: number): Int32Array {
  const bytes = count * 4;
  if (bytes >= RESERVED_FROM) {
    try {
      return new Int32Array(new ResizableBuffer(bytes, { maxByteLength: bytes })).fill(-1);
    } catch {}
  }
  return new Int32Array(count).fill(-1);
}

/**
 * `data` with no more room than `trimmedCapacity(length)`; `shared`: in shared memory (copied
 * once, there or not at all). Reserved room is kept as it is (shared, its spare room not
 * resident).
 */
function trimmed<T extends Int32Array | Uint32Array>(
  data: T,
  length: number,
  shared: boolean,
  view: (buffer: SharedArrayBuffer) => T,
): T {
  if (growable(data.buffer) || (resizable(data.buffer) && !shared)) return data;
  const capacity = trimmedCapacity(length);
  if (shared && !(data.buffer instanceof SharedArrayBuffer)) {
    const copy = view(new SharedArrayBuffer(Math.min(capacity, data.length) * 4));
    copy.set(data.subarray(0, copy.length));
    return copy;
  }
  return data.length > capacity ? (data.slice(0, capacity) as T) : data;
}
