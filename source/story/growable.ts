/**
 * Typed arrays that grow: compact per-sentence storage without an object each. They grow by a
 * quarter (not double) once large, and `trim` gives back the spare room, because at a hundred
 * thousand articles spare room is most of the memory.
 */

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

export class Int32List {
  data: Int32Array;
  length = 0;

  /**
   * Gives back the spare room; `shared`: into shared memory, which worker threads read without
   * a copy each (see `ComparePool`). One copy, not a trimmed one and then a shared one: at
   * 100,000 articles the two together held 150 MB more for a while.
   */
  trim(shared = false): void {
    this.data = trimmed(this.data, this.length, shared, (buffer) => new Int32Array(buffer));
  }

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }

  reserve(size: number): void {
    if (size <= this.data.length) return;
    const grown = new Int32Array(grownCapacity(this.data.length, size));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

export class Uint32List {
  data: Uint32Array;
  length = 0;

  /**
   * Gives back the spare room; `shared`: into shared memory, which worker threads read without
   * a copy each (see `ComparePool`). One copy, not a trimmed one and then a shared one: at
   * 100,000 articles the two together held 150 MB more for a while.
   */
  trim(shared = false): void {
    this.data = trimmed(this.data, this.length, shared, (buffer) => new Uint32Array(buffer));
  }

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(grownCapacity(this.data.length, this.length + 1));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

export class Float64List {
  data: Float64Array;
  length = 0;

  /** Gives back the spare room. */
  trim(): void {
    const capacity = trimmedCapacity(this.length);
    if (this.data.length > capacity) this.data = this.data.slice(0, capacity);
  }

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Float64Array(grownCapacity(this.data.length, this.length + 1));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

export class Float32List {
  data: Float32Array;
  length = 0;

  /** Gives back the spare room. */
  trim(): void {
    const capacity = trimmedCapacity(this.length);
    if (this.data.length > capacity) this.data = this.data.slice(0, capacity);
  }

  constructor(capacity = 1024) {
    this.data = new Float32Array(capacity);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Float32Array(grownCapacity(this.data.length, this.length + 1));
      grown.set(this.data);
      this.data = grown;
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
  private nodes = new Int32Array(1 << 12).fill(-1);
  private used = 0;

  constructor(
    private readonly high: (node: number) => number,
    private readonly low: (node: number) => number,
  ) {}

  get(h1: number, h2: number): number {
    const slot = this.slot(h1, h2);
    return this.nodes[slot]! >= 0 ? this.nodes[slot]! : -1;
  }

  /** Maps a fingerprint to `node`, whose own fingerprint (as the callers read it) it must be. */
  set(h1: number, h2: number, node: number): void {
    if ((this.used + 1) * 10 > this.nodes.length * 7) this.grow();
    const slot = this.slot(h1, h2);
    if (this.nodes[slot] === -1) this.used++;
    this.nodes[slot] = node;
  }

  /** Forgets a fingerprint; its slot stays a tombstone so later probes still pass it. */
  delete(h1: number, h2: number): void {
    const slot = this.slot(h1, h2);
    if (this.nodes[slot]! >= 0) this.nodes[slot] = -2;
  }

  private slot(h1: number, h2: number): number {
    const mask = this.nodes.length - 1;
    let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    for (;;) {
      const node = this.nodes[slot]!;
      if (node === -1 || (node >= 0 && this.high(node) === h1 && this.low(node) === h2)) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { nodes } = this;
    this.nodes = new Int32Array(nodes.length * 2).fill(-1);
    this.used = 0;
    for (let slot = 0; slot < nodes.length; slot++) {
      const node = nodes[slot]!;
      if (node >= 0) this.set(this.high(node), this.low(node), node);
    }
  }
}

/**
 * `data` with no more room than `trimmedCapacity(length)`; `shared`: in shared memory (copied
 * once, there or not at all).
 */
function trimmed<T extends Int32Array | Uint32Array>(
  data: T,
  length: number,
  shared: boolean,
  view: (buffer: SharedArrayBuffer) => T,
): T {
  const capacity = trimmedCapacity(length);
  if (shared && !(data.buffer instanceof SharedArrayBuffer)) {
    const copy = view(new SharedArrayBuffer(Math.min(capacity, data.length) * 4));
    copy.set(data.subarray(0, copy.length));
    return copy;
  }
  return data.length > capacity ? (data.slice(0, capacity) as T) : data;
}
