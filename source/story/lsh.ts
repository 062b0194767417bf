/**
 * Locality-sensitive hashing over MinHash signatures (the banding technique of Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3): the signature is cut into `bands`
 * bands of `rows` rows; two sentences are candidates when they agree on every row of some band.
 *
 * Built once over all nodes as sorted typed arrays (per band: the band values in order and the
 * node of each, 8 bytes per node per band, no object per sentence); nodes added later go into a
 * small map per band, and removed nodes are skipped until the next build.
 */
import { mix, signature } from './minhash.js';

export interface LshShape {
  bands: number;
  rows: number;
}

export class LshIndex {
  readonly shape: LshShape;
  private keys: Uint32Array[] = [];
  private nodes: Int32Array[] = [];
  private added: Array<Map<number, number[]>>;
  private dead = new Uint8Array(1024);
  private readonly scratch: Uint32Array;

  constructor(shape: LshShape) {
    this.shape = shape;
    this.added = Array.from({ length: shape.bands }, () => new Map());
    this.scratch = new Uint32Array(shape.bands * shape.rows);
  }

  /** The band values of a set of shingles (ids). */
  bandValues(
    items: readonly number[],
    out: Uint32Array = new Uint32Array(this.shape.bands),
  ): Uint32Array {
    const sig = signature(items, this.scratch);
    const { rows } = this.shape;
    for (let band = 0; band < out.length; band++) {
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
  build(count: number, valuesOf: (node: number, out: Uint32Array) => boolean): void {
    const all = Array.from({ length: this.shape.bands }, () => new Uint32Array(count));
    const indexed = new Int32Array(count);
    let total = 0;
    const values = new Uint32Array(this.shape.bands);
    for (let node = 0; node < count; node++) {
      if (!valuesOf(node, values)) continue;
      for (let band = 0; band < values.length; band++) all[band]![total] = values[band]!;
      indexed[total++] = node;
    }
    this.keys = [];
    this.nodes = [];
    for (let band = 0; band < this.shape.bands; band++) {
      const [keys, nodes] = radixSort(all[band]!.subarray(0, total), indexed.subarray(0, total));
      all[band] = new Uint32Array(0);
      this.keys.push(keys);
      this.nodes.push(nodes);
    }
    this.added = Array.from({ length: this.shape.bands }, () => new Map());
    this.dead = new Uint8Array(Math.max(1024, count));
  }

  /** Adds a node after the build. */
  add(node: number, values: Uint32Array): void {
    if (node < this.dead.length) this.dead[node] = 0;
    for (let band = 0; band < values.length; band++) {
      const map = this.added[band]!;
      const bucket = map.get(values[band]!);
      if (bucket) bucket.push(node);
      else map.set(values[band]!, [node]);
    }
  }

  /** Removes a node (it is skipped from now on). */
  remove(node: number, values: Uint32Array): void {
    if (node >= this.dead.length) {
      const grown = new Uint8Array(Math.max(node + 1, this.dead.length * 2));
      grown.set(this.dead);
      this.dead = grown;
    }
    this.dead[node] = 1;
    for (let band = 0; band < values.length; band++) {
      const bucket = this.added[band]!.get(values[band]!);
      const at = bucket?.indexOf(node) ?? -1;
      if (bucket && at >= 0) bucket.splice(at, 1);
    }
  }

  /** The nodes sharing band `band`'s bucket `value`, in node order (built ones first). */
  bucket(band: number, value: number): number[] {
    const found: number[] = [];
    const keys = this.keys[band];
    if (keys && keys.length > 0) {
      const nodes = this.nodes[band]!;
      for (let at = lowerBound(keys, value); at < keys.length && keys[at] === value; at++) {
        const node = nodes[at]!;
        if (!this.isDead(node)) found.push(node);
      }
    }
    for (const node of this.added[band]!.get(value) ?? []) found.push(node);
    return found;
  }

  /** Calls back with each run of two or more built nodes sharing a bucket, band by band. */
  eachBuiltRun(visit: (band: number, nodes: Int32Array) => void): void {
    for (let band = 0; band < this.keys.length; band++) {
      const keys = this.keys[band]!;
      const nodes = this.nodes[band]!;
      let start = 0;
      for (let at = 1; at <= keys.length; at++) {
        if (at < keys.length && keys[at] === keys[start]) continue;
        if (at - start > 1) visit(band, nodes.subarray(start, at));
        start = at;
      }
    }
  }

  /** Bytes held by the built arrays. */
  get bytes(): number {
    let total = this.dead.byteLength;
    for (let band = 0; band < this.keys.length; band++) {
      total += this.keys[band]!.byteLength + this.nodes[band]!.byteLength;
    }
    return total;
  }

  private isDead(node: number): boolean {
    return node < this.dead.length && this.dead[node] === 1;
  }
}

function lowerBound(keys: Uint32Array, value: number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Sorts keys (with their nodes) in two 16-bit passes: linear, and stable in node order. */
function radixSort(keys: Uint32Array, nodes: Int32Array): [Uint32Array, Int32Array] {
  let inKeys = new Uint32Array(keys);
  let inNodes = new Int32Array(nodes);
  let outKeys = new Uint32Array(keys.length);
  let outNodes = new Int32Array(keys.length);
  const counts = new Int32Array(65_537);
  for (const shift of [0, 16]) {
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
  return [inKeys, inNodes];
}
