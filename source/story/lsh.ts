/**
 * Locality-sensitive hashing over MinHash signatures (the banding technique of Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3): the signature is cut into `bands`
 * bands of `rows` rows; two sentences are candidates when they agree on every row of some band.
 *
 * Per band, each node's band value and the nodes sorted by it (8 bytes per node per band, no
 * object per sentence), built once over all nodes; nodes added later go into a small map per
 * band, and removed nodes are skipped. A pair that shares several bands is compared once, in
 * the first band it shares.
 */
import { grownCapacity } from './growable.js';
import { mix, signature } from './minhash.js';

export interface LshShape {
  bands: number;
  rows: number;
  /**
   * Bands whose values the caller gives rather than MinHash (default none): keys such as a
   * sentence's rarest words, for candidates that share little else.
   */
  keys?: number;
}

export class LshIndex {
  readonly shape: LshShape;
  /** Per band, each node's band value (0 for a node not indexed). */
  private values: Uint32Array[];
  /** Per band, the built nodes in order of their band value. */
  private order: Int32Array[] = [];
  private added: Array<Map<number, number[]>>;
  private indexed = new Uint8Array(1024);
  private readonly scratch: Uint32Array;
  /** MinHash bands and keyed bands. */
  readonly total: number;

  constructor(shape: LshShape) {
    this.shape = shape;
    this.total = shape.bands + (shape.keys ?? 0);
    this.values = Array.from({ length: this.total }, () => new Uint32Array(1024));
    this.added = Array.from({ length: this.total }, () => new Map());
    this.scratch = new Uint32Array(shape.bands * shape.rows);
  }

  /** The MinHash band values of a set of shingles (ids); keyed bands are left to the caller. */
  bandValues(
    items: readonly number[],
    out: Uint32Array = new Uint32Array(this.total),
  ): Uint32Array {
    const sig = signature(items, this.scratch);
    const { rows } = this.shape;
    for (let band = 0; band < this.shape.bands; band++) {
      let h = mix(band + 1);
      for (let r = 0; r < rows; r++) h = mix(h ^ sig[band * rows + r]!);
      out[band] = h;
    }
    return out;
  }

  /**
   * Indexes nodes `0..count-1` afresh; `valuesOf` fills a node's band values, or returns false
   * for a node that is not to be indexed (removed, or too short to compare).
   */
  build(
    count: number,
    valuesOf: (node: number, out: Uint32Array) => boolean,
    dayOf: (node: number) => number = () => 0,
  ): void {
    this.ensure(count, true);
    this.indexed.fill(0);
    const nodes = new Int32Array(count);
    let total = 0;
    const values = new Uint32Array(this.total);
    for (let node = 0; node < count; node++) {
      if (!valuesOf(node, values)) continue;
      for (let band = 0; band < values.length; band++) this.values[band]![node] = values[band]!;
      this.indexed[node] = 1;
      nodes[total++] = node;
    }
    // Within a bucket, nodes stand in date order: the members a node is compared with (the
    // nearest before it) are then those of the same days, where the same story is told.
    const days = new Uint32Array(total);
    for (let i = 0; i < total; i++) days[i] = Math.max(0, Math.min(0xffff, dayOf(nodes[i]!)));
    const byDay = radixSort(days, nodes.subarray(0, total), [0]);
    nodes.set(byDay);
    this.order = [];
    for (let band = 0; band < this.total; band++) {
      const keys = new Uint32Array(total);
      for (let i = 0; i < total; i++) keys[i] = this.values[band]![nodes[i]!]!;
      this.order.push(radixSort(keys, nodes.subarray(0, total)));
    }
    this.added = Array.from({ length: this.total }, () => new Map());
  }

  /** Adds a node after the build. */
  add(node: number, values: Uint32Array): void {
    this.ensure(node + 1);
    this.indexed[node] = 1;
    for (let band = 0; band < values.length; band++) {
      this.values[band]![node] = values[band]!;
      const map = this.added[band]!;
      const bucket = map.get(values[band]!);
      if (bucket) bucket.push(node);
      else map.set(values[band]!, [node]);
    }
  }

  /** Removes a node (it is skipped from now on). */
  remove(node: number): void {
    if (node >= this.indexed.length || !this.indexed[node]) return;
    this.indexed[node] = 0;
    for (let band = 0; band < this.total; band++) {
      const bucket = this.added[band]!.get(this.values[band]![node]!);
      const at = bucket?.indexOf(node) ?? -1;
      if (bucket && at >= 0) bucket.splice(at, 1);
    }
  }

  /** The nodes sharing band `band`'s bucket `value` (built ones first, in date order). */
  bucket(band: number, value: number): number[] {
    const found: number[] = [];
    const order = this.order[band];
    const values = this.values[band]!;
    if (order && order.length > 0) {
      let low = 0;
      let high = order.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (values[order[middle]!]! < value) low = middle + 1;
        else high = middle;
      }
      for (let at = low; at < order.length && values[order[at]!] === value; at++) {
        if (this.indexed[order[at]!]) found.push(order[at]!);
      }
    }
    for (const node of this.added[band]!.get(value) ?? []) found.push(node);
    return found;
  }

  /** The first band in which two indexed nodes share a bucket, or `bands` when none. */
  firstSharedBand(a: number, b: number): number {
    for (let band = 0; band < this.total; band++) {
      if (this.values[band]![a] === this.values[band]![b]) return band;
    }
    return this.total;
  }

  /** Calls back with each run of two or more built nodes sharing a bucket, band by band. */
  eachBuiltRun(visit: (band: number, nodes: Int32Array) => void): void {
    for (let band = 0; band < this.order.length; band++) {
      const order = this.order[band]!;
      const values = this.values[band]!;
      let start = 0;
      for (let at = 1; at <= order.length; at++) {
        if (at < order.length && values[order[at]!] === values[order[start]!]) continue;
        if (at - start > 1) visit(band, order.subarray(start, at));
        start = at;
      }
    }
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    let total = this.indexed.byteLength;
    for (const values of this.values) total += values.byteLength;
    for (const order of this.order) total += order.byteLength;
    return total;
  }

  private ensure(size: number, exact = false): void {
    if (size <= this.indexed.length) return;
    // The build knows its size: no room to spare at a hundred thousand articles.
    const capacity = exact ? size + 1024 : grownCapacity(this.indexed.length, size);
    const indexed = new Uint8Array(capacity);
    indexed.set(this.indexed);
    this.indexed = indexed;
    this.values = this.values.map((old) => {
      const grown = new Uint32Array(capacity);
      grown.set(old);
      return grown;
    });
  }
}

/** Sorts keys (with their nodes) in 16-bit passes: linear, and stable. */
function radixSort(keys: Uint32Array, nodes: Int32Array, shifts = [0, 16]): Int32Array {
  let inKeys = new Uint32Array(keys);
  let inNodes = new Int32Array(nodes);
  let outKeys = new Uint32Array(keys.length);
  let outNodes = new Int32Array(keys.length);
  const counts = new Int32Array(65_537);
  for (const shift of shifts) {
    counts.fill(0);
    for (let i = 0; i < inKeys.length; i++) counts[((inKeys[i]! >>> shift) & 0xffff) + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    for (let i = 0; i < inKeys.length; i++) {
      const at = counts[(inKeys[i]! >>> shift) & 0xffff]!++;
      outKeys[at] = inKeys[i]!;
      outNodes[at] = inNodes[i]!;
    }
    [inKeys, outKeys] = [outKeys, inKeys];
    [inNodes, outNodes] = [outNodes, inNodes];
  }
  return inNodes;
}
