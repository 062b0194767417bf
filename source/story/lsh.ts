/**
 * Locality-sensitive hashing over MinHash signatures (the banding technique of Leskovec,
 * Rajaraman & Ullman, "Mining of Massive Datasets", ch. 3): the signature is cut into `bands`
 * bands of `rows` rows; two sentences are candidates when they agree on every row of some band.
 *
 * Per band, only the built nodes sorted by band value (4 bytes per node per band) and every
 * 16th value (a quarter of a byte per node): a node's band value is computed again from its
 * words whenever it is needed (the last steps of a bucket's search, a removal), which costs
 * microseconds, where keeping every value would cost as much memory again. The build
 * goes band by band, so only one band's values exist at a time. Nodes added later go into a
 * small map per band, and removed nodes are skipped. A pair that shares several bands is
 * compared once, in the first band it shares.
 */
import { lowerBound } from '../text/lower-bound.js';
import { type BandOrders, OrderArrays, OrderFile } from './band-orders.js';
import { grownCapacity, trimmedCapacity } from './growable.js';
import { mix, SHINGLE_WEIGHT, seed, TWICE_WEIGHT } from './minhash.js';
import { releasable, release } from './released.js';
import { ID_MASK, NAME_BIT } from './tokens.js';

export interface LshShape {
  bands: number;
  rows: number;
  /**
   * Bands whose values the caller gives rather than MinHash (default none): keys such as a
   * sentence's rarest words, for candidates that share little else.
   */
  keys?: number;
}

/** What the index asks of the nodes it holds. */
export interface LshSource {
  /** Whether a node is to be indexed at the build (alive, and long enough to compare). */
  indexable(node: number): boolean;
  /** Band `band`'s value of a node: the same every time it is asked, removed nodes included. */
  value(node: number, band: number): number;
  /** The node's day (0..0xffff): a bucket's nodes stand in date order. */
  day(node: number): number;
  /**
   * The most nodes a bucket of `band` may hold and still give candidates (default: any number).
   * A bucket shared by a crowd is evidence of nothing, as a stop word is of no shared subject.
   */
  limit?(band: number): number;
  /**
   * The days either side of a node within which `band`'s bucket is counted for that limit
   * (default: the whole bucket, whatever its dates). A bucket that holds one speaker's
   * statements of two years is no crowd if they come a few a week: a node is crowded there only
   * when its own days are, and the pairs of the nodes that are not crowded are compared.
   */
  span?(band: number): number;
  /**
   * Whose the node is (an article): a build's pairs are of two owners, and their check reads
   * 16 bits of it kept beside the node's band tags (`otherOwners`), not a table of its own.
   */
  owner?(node: number): number;
}

/**
 * Where a build's bands' orders are kept (see `band-orders.ts`): from `from` indexed nodes on,
 * in a file in `folder` (default: the system's temporary folder); below, in memory.
 */
export interface OrderPlace {
  folder?: string;
  from?: number;
}

/**
 * Indexed nodes from which the bands' orders go to a file: 4 MB of orders (14 bands of
 * 65,536), where the file's reads begin to be worth the memory.
 */
const ORDERS_IN_FILE_FROM = 1 << 16;

/**
 * `LshIndex.minhashWords` for bands of 3 rows (the index's shape), the same value: the minima
 * and the band's seeds in locals, not a loop over the band's rows (`mix` is inlined by V8:
 * written out by hand it was no faster, 2 million bands in turn). The build asks it of every
 * node and MinHash band on the index's thread, while the comparing threads wait for its pairs
 * (a third of that thread's build at 10,000 articles).
 */
function minhashWords3(
  words: Uint32Array,
  start: number,
  end: number,
  weight: (word: number) => number,
  band: number,
): number {
  const s0 = seed(band * 3);
  const s1 = seed(band * 3 + 1);
  const s2 = seed(band * 3 + 2);
  let m0 = 0xffff_ffff;
  let m1 = 0xffff_ffff;
  let m2 = 0xffff_ffff;
  for (let i = start; i < end; i++) {
    const word = words[i]!;
    const w = weight(word);
    if (w < SHINGLE_WEIGHT) continue;
    const id = word & ID_MASK;
    // One shingle, or two for a rare word (its id with the name bit): `lower` once or twice.
    for (let shingle = w >= TWICE_WEIGHT ? 2 : 1, key = id; shingle > 0; shingle--) {
      const base = mix(key);
      key = (id | NAME_BIT) >>> 0;
      const h0 = mix(base ^ s0);
      if (h0 < m0) m0 = h0;
      const h1 = mix(base ^ s1);
      if (h1 < m1) m1 = h1;
      const h2 = mix(base ^ s2);
      if (h2 < m2) m2 = h2;
    }
  }
  let h = mix(band + 1);
  h = mix(h ^ m0);
  h = mix(h ^ m1);
  return mix(h ^ m2);
}

export class LshIndex {
  readonly shape: LshShape;
  /** Per band, the built nodes in order of their band value, then of their day. */
  private orders: BandOrders = new OrderArrays(0);
  private readonly place: OrderPlace;
  /**
   * Per band, every `FENCE`th value of `order`: a bucket is found among them without computing
   * a value, then within `FENCE` nodes with four. Probing `order` alone computed some thirty
   * values a lookup (a keyed band's from all of the node's rare words): half of an update's
   * time at 100,000 articles.
   */
  private fences: Uint32Array[] = [];
  private added: Array<Map<number, number[]>>;
  private indexed = new Uint8Array(1024);
  /** Nodes removed since the build (they still stand in `order`). */
  private removedCount = 0;
  /**
   * During the build only, a row of 16-bit entries per indexed node, in date order (`rows`;
   * `stride`, 32 bytes for 14 bands):
   * 16 bits of its value per band done, to skip pairs already handed on (a pair whose bits
   * agree by chance, one in 65,536, is skipped too); a bit for each band done whose bucket was
   * too crowded (`crowdAt`); 16 bits of its owner (`ownerAt`). A pair's every check then reads
   * one cache line a node: with the tags, the crowd marks and the owners in arrays of their
   * own, four reads from main memory a node were some 90 % of the build's time finding pairs
   * at 100,000 articles, on the index's thread that the comparing threads wait for.
   */
  private tags: Uint16Array | null = null;
  /** During the build only, each row's node: the indexed nodes in date order. */
  private rows: Int32Array | null = null;
  private readonly stride: number;
  private readonly crowdAt: number;
  private readonly ownerAt: number;
  private readonly source: LshSource;
  private readonly minima: Uint32Array;
  /** MinHash bands and keyed bands. */
  readonly total: number;

  constructor(shape: LshShape, source: LshSource, place: OrderPlace = {}) {
    this.shape = shape;
    this.source = source;
    this.place = place;
    this.total = shape.bands + (shape.keys ?? 0);
    if (this.total > 32) throw new RangeError('an LSH index holds at most 32 bands');
    this.crowdAt = this.total;
    this.ownerAt = this.total + (this.total > 16 ? 2 : 1);
    this.stride = Math.ceil((this.ownerAt + 1) / 16) * 16;
    this.minima = new Uint32Array(shape.rows);
    this.added = Array.from({ length: this.total }, () => new Map());
  }

  /**
   * MinHash band `band`'s value of the shingles (`shingles`) of `words[start..end)`, without
   * making them: one hash of the `rows` minima. The build asks it for every node and MinHash
   * band (18 million times at 100,000 articles).
   */
  minhashWords(
    words: Uint32Array,
    start: number,
    end: number,
    weight: (word: number) => number,
    band: number,
  ): number {
    const { rows } = this.shape;
    if (rows === 3) return minhashWords3(words, start, end, weight, band);
    const minima = this.minima;
    minima.fill(0xffff_ffff);
    for (let i = start; i < end; i++) {
      const word = words[i]!;
      const w = weight(word);
      if (w < SHINGLE_WEIGHT) continue;
      const id = word & ID_MASK;
      this.lower(mix(id), band);
      if (w >= TWICE_WEIGHT) this.lower(mix((id | NAME_BIT) >>> 0), band);
    }
    let h = mix(band + 1);
    for (let r = 0; r < rows; r++) h = mix(h ^ minima[r]!);
    return h;
  }

  private lower(base: number, band: number): void {
    const { rows } = this.shape;
    const minima = this.minima;
    for (let r = 0; r < rows; r++) {
      const value = mix(base ^ seed(band * rows + r));
      if (value < minima[r]!) minima[r] = value;
    }
  }

  /**
   * Indexes nodes `0..count-1` afresh, band by band, and calls `visit` with each run of two or
   * more nodes sharing a bucket (in date order, as rows: see `building`) while that band is at
   * hand.
   */
  build(
    count: number,
    visit: (band: number, rows: Int32Array) => void = () => {},
    keep = true,
  ): void {
    for (const _ of this.building(count, visit, keep));
  }

  /**
   * `build`, a band at a time: it yields after each band, so that a caller comparing the
   * candidates elsewhere (worker threads) can wait for them between bands, and within a band
   * after a run whose `visit` returned true (the caller has enough pairs waiting).
   *
   * A run is given as the build's rows (`node` names each row's node): a row is an indexed node's
   * place in date order, and the tags, crowd marks and owners are kept a row each, so a node that
   * is not indexed (a fifth of them: lighter than a comparison needs) takes none.
   *
   * `keep` false: the bands' orders and their fences are not kept, for an index that looks no
   * bucket up after its build (built once, `forget` at its end): at 100,000 articles the fences
   * were 6.5 MB through the comparing, and the orders 100 MB written to a file, each band's
   * rows turned into nodes first, on the thread the comparing threads wait for. No bucket can
   * then be looked up (`bucket`) until the next build.
   */
  *building(
    count: number,
    visit: (band: number, rows: Int32Array) => unknown,
    keep = true,
  ): Generator<number> {
    this.ensure(count, true);
    this.indexed.fill(0);
    const indexed = this.indexed;
    // Within a bucket, nodes stand in date order: the members a node is compared with (the
    // nearest before it) are then those of the same days, where the same story is told. A
    // counting sort by day, stable in node order; what the build alone uses is given back as
    // soon as it is done (see `released.ts`).
    const counts = new Int32Array(DAYS + 1);
    let total = 0;
    for (let node = 0; node < count; node++) {
      if (!this.source.indexable(node)) continue;
      indexed[node] = 1;
      counts[this.clampedDay(node) + 1]!++;
      total++;
    }
    for (let day = 1; day <= DAYS; day++) counts[day]! += counts[day - 1]!;
    const byDay = releasable(Int32Array, total);
    for (let node = 0; node < count; node++) {
      if (indexed[node]) byDay[counts[this.clampedDay(node)]!++] = node;
    }
    this.rows = byDay;
    this.orders.close();
    this.orders = keep ? this.ordersFor(total) : new OrderArrays(0);
    // Per band, its values in node order (`values`), where a node's words stand one after
    // another in memory, then taken in date order (`keys`): in date order every node's words
    // were a read from main memory, most of the build's time on the thread the comparing threads
    // wait for. The values' array then holds the band's keys in bucket order (`sorted`).
    const keys = releasable(Uint32Array, total);
    const values = releasable(Uint32Array, Math.max(count, total));
    const sorted = values.subarray(0, total);
    // With the orders in a file, each band's is written there once its band is done, and the
    // next band's is sorted into the same array; as it is where they are not kept.
    const reused = !keep || this.orders instanceof OrderFile ? releasable(Int32Array, total) : null;
    this.fences = [];
    const stride = this.stride;
    this.tags = releasable(Uint16Array, total * stride);
    if (this.source.owner) {
      for (let row = 0; row < total; row++) {
        this.tags[row * stride + this.ownerAt] = this.source.owner(byDay[row]!);
      }
    }
    for (let band = 0; band < this.total; band++) {
      const tags = this.tags;
      for (let node = 0; node < count; node++) {
        if (indexed[node]) values[node] = this.source.value(node, band);
      }
      for (let row = 0; row < total; row++) {
        const value = values[byDay[row]!]!;
        keys[row] = value;
        tags[row * stride + band] = value >>> 16;
      }
      const order =
        reused && (!keep || this.orders instanceof OrderFile) ? reused : new Int32Array(total);
      sortRows(keys, order, sorted);
      if (keep) {
        const fences = new Uint32Array(Math.ceil(total / FENCE));
        for (let i = 0; i < fences.length; i++) fences[i] = sorted[i * FENCE]!;
        this.fences.push(fences);
      }
      const limit = this.limit(band);
      const span = this.span(band);
      let start = 0;
      for (let at = 1; at <= total; at++) {
        if (at < total && sorted[at] === sorted[start]) continue;
        if (at - start <= limit) {
          if (at - start > 1 && visit(band, order.subarray(start, at))) yield band;
        } else if (span === Number.POSITIVE_INFINITY) {
          for (let i = start; i < at; i++) this.crowd(order[i]!, band);
        } else yield* this.visitSparse(band, order.subarray(start, at), limit, span, visit);
        start = at;
      }
      // What is kept, for updates, is each band's nodes.
      if (keep) {
        for (let i = 0; i < total; i++) order[i] = byDay[order[i]!]!;
        this.keep(band, order);
      }
      yield band;
    }
    for (const array of [this.tags, keys, byDay, values, reused]) release(array);
    this.tags = null;
    this.rows = null;
    this.removedCount = 0;
    this.added = Array.from({ length: this.total }, () => new Map());
  }

  /** During the build, the node of a row (see `building`). */
  node(row: number): number {
    return this.rows![row]!;
  }

  /**
   * A bucket over the limit in a band with a span (its rows, in date order): each row whose days
   * hold more than `limit` of its members is crowded, and each run of rows between them is visited,
   * with a pause (the band yielded) after a run whose `visit` returned true, as for any bucket:
   * one speaker quoted all year makes thousands of runs.
   */
  private *visitSparse(
    band: number,
    run: Int32Array,
    limit: number,
    span: number,
    visit: (band: number, rows: Int32Array) => unknown,
  ): Generator<number> {
    const day = (at: number) => this.clampedDay(this.node(run[at]!));
    let low = 0;
    let high = 0;
    let from = 0;
    for (let at = 0; at <= run.length; at++) {
      let crowded = true;
      if (at < run.length) {
        const mine = day(at);
        while (day(low) < mine - span) low++;
        while (high < run.length && day(high) <= mine + span) high++;
        crowded = high - low > limit;
        if (crowded) this.crowd(run[at]!, band);
      }
      if (!crowded) continue;
      if (at - from > 1 && visit(band, run.subarray(from, at))) yield band;
      from = at + 1;
    }
  }

  /** Marks a row's bucket of `band` too crowded (during the build). */
  private crowd(row: number, band: number): void {
    this.tags![row * this.stride + this.crowdAt + (band >>> 4)]! |= 1 << (band & 15);
  }

  /** The bands done whose buckets were too crowded for a row (during the build; else none). */
  private crowdOf(row: number): number {
    const tags = this.tags;
    if (!tags) return 0;
    const at = row * this.stride + this.crowdAt;
    return this.total > 16 ? tags[at]! | (tags[at + 1]! << 16) : tags[at]!;
  }

  private clampedDay(node: number): number {
    return Math.max(0, Math.min(0xffff, this.source.day(node)));
  }

  /** Adds a node after the build, with its band values. */
  add(node: number, values: ArrayLike<number>): void {
    this.ensure(node + 1);
    this.indexed[node] = 1;
    for (let band = 0; band < this.total; band++) {
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
    this.removedCount++;
    for (let band = 0; band < this.total; band++) {
      const map = this.added[band]!;
      if (map.size === 0) continue;
      const bucket = map.get(this.source.value(node, band));
      const at = bucket?.indexOf(node) ?? -1;
      if (bucket && at >= 0) bucket.splice(at, 1);
    }
  }

  /**
   * The nodes sharing band `band`'s bucket `value` (built ones first, in date order), or null
   * when more than `limit` do: a crowded bucket is not read (it can hold a million nodes). In a
   * band with a span, a bucket over the limit is counted, and given, only within the span of
   * node `around`'s day, as the build counts it.
   */
  bucket(band: number, value: number, around?: number): number[] | null {
    const limit = this.limit(band);
    const span = around === undefined ? Number.POSITIVE_INFINITY : this.span(band);
    const spanned = span !== Number.POSITIVE_INFINITY;
    const mine = around === undefined ? 0 : this.clampedDay(around);
    const within = (node: number) => Math.abs(this.clampedDay(node) - mine) <= span;
    const found: number[] = [];
    const orders = this.orders;
    const added = this.added[band]!.get(value) ?? [];
    if (orders.length > 0) {
      const fences = this.fences[band]!;
      const node = (at: number) => orders.at(band, at);
      const valueAt = (at: number) => this.source.value(node(at), band) >>> 0;
      const target = value >>> 0;
      const fenceLow = fenceLowerBound(fences, target);
      const fenceEnd = target === 0xffff_ffff ? fences.length : fenceLowerBound(fences, target + 1);
      // The bucket spans at least the fences between its ends: crowded, wherever they fall.
      const atLeast = (fenceEnd - fenceLow - 1) * FENCE + 1;
      if (!spanned && atLeast > limit + this.removedCount) return null;
      let low = fencedLowerBound(fenceLow, orders.length, target, valueAt);
      let end =
        target === 0xffff_ffff
          ? orders.length
          : fencedLowerBound(fenceEnd, orders.length, target + 1, valueAt);
      if (spanned && end - low > limit + this.removedCount) {
        // A bucket stands in date order: the members of those days are found by their dates.
        const dayAt = (at: number) => this.clampedDay(node(at));
        low = lowerBound(low, end, (at) => dayAt(at) >= mine - span);
        end = lowerBound(low, end, (at) => dayAt(at) > mine + span);
      }
      // Removed nodes still stand in the order: only a bucket that could be small is read.
      if (end - low > limit + this.removedCount) return null;
      for (let at = low; at < end; at++) if (this.indexed[node(at)]) found.push(node(at));
    }
    for (const node of added) found.push(node);
    if (found.length <= limit) return found;
    if (!spanned) return null;
    const near = found.filter(within);
    return near.length > limit ? null : near;
  }

  /**
   * Whether two nodes share a bucket in some band before `band`, one that was not too crowded
   * to give candidates: during the build, two rows (see `building`).
   */
  sharedBefore(a: number, b: number, band: number): boolean {
    const tags = this.tags;
    const crowded = this.crowdOf(a) | this.crowdOf(b);
    for (let earlier = 0; earlier < band; earlier++) {
      if (crowded & (1 << earlier)) continue;
      if (tags) {
        if (tags[a * this.stride + earlier] === tags[b * this.stride + earlier]) return true;
      } else if (this.source.value(a, earlier) === this.source.value(b, earlier)) return true;
    }
    return false;
  }

  /**
   * Reads a run's rows (during the build), which its pairs then read again from
   * the cache: here each read waits on none before it, so the processor has many in flight,
   * where the pairs' checks wait on each one in turn. What it returns is of no use but to keep
   * the reads from being dropped.
   */
  warm(run: Int32Array): number {
    const tags = this.tags;
    if (!tags) return 0;
    let any = 0;
    for (let i = 0; i < run.length; i++) any |= tags[run[i]! * this.stride + this.crowdAt]!;
    return any;
  }

  /**
   * During the build, whether two rows' nodes are surely of other owners (`LshSource.owner`):
   * their owners' 16 bits differ. False when they may be one's (or the source names no owners).
   */
  otherOwners(a: number, b: number): boolean {
    const tags = this.tags;
    if (!tags || !this.source.owner) return false;
    return tags[a * this.stride + this.ownerAt] !== tags[b * this.stride + this.ownerAt];
  }

  /**
   * The first band in which two nodes share a bucket, or `total` when none; bands whose bit is
   * set in `skip` (buckets too crowded) are passed over.
   */
  firstSharedBand(a: number, b: number, skip = 0): number {
    for (let band = 0; band < this.total; band++) {
      if (skip & (1 << band)) continue;
      if (this.source.value(a, band) === this.source.value(b, band)) return band;
    }
    return this.total;
  }

  /** The most nodes a bucket of `band` may hold to give candidates. */
  limit(band: number): number {
    return this.source.limit?.(band) ?? Number.POSITIVE_INFINITY;
  }

  /** The days either side of a node within which a bucket of `band` counts for `limit`. */
  span(band: number): number {
    return this.source.span?.(band) ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Lets go of the bands (an index built once, its groups formed: nothing is looked up after):
   * their orders' file closed, the fences and marks given back.
   */
  forget(): void {
    this.orders.close();
    this.orders = new OrderArrays(0);
    this.fences = [];
    this.indexed = new Uint8Array(0);
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    let total = this.indexed.byteLength + this.orders.bytes;
    for (const fences of this.fences) total += fences.byteLength;
    return total;
  }

  /**
   * Keeps a band's order; where its file cannot take it (a full disk), brings the bands kept
   * there back into memory, and keeps this one and the next there, as before.
   */
  private keep(band: number, order: Int32Array): void {
    const orders = this.orders;
    try {
      orders.put(band, order);
      return;
    } catch (error) {
      if (!(orders instanceof OrderFile)) throw error;
    }
    const arrays = new OrderArrays(orders.length);
    for (let earlier = 0; earlier < band; earlier++) arrays.put(earlier, orders.band(earlier));
    arrays.put(band, order.slice());
    orders.close();
    this.orders = arrays;
  }

  /** Where a build of `total` indexed nodes keeps its bands' orders (`OrderPlace`). */
  private ordersFor(total: number): BandOrders {
    if (total >= (this.place.from ?? ORDERS_IN_FILE_FROM)) {
      try {
        return new OrderFile(total, this.total, this.place.folder);
      } catch {
        // No file can be written there (a read-only or full folder): in memory, as before.
      }
    }
    return new OrderArrays(total);
  }

  private ensure(size: number, exact = false): void {
    if (size <= this.indexed.length) return;
    // The build knows its size: little room to spare at a hundred thousand articles.
    const capacity = exact ? trimmedCapacity(size) : grownCapacity(this.indexed.length, size);
    const indexed = new Uint8Array(capacity);
    indexed.set(this.indexed);
    this.indexed = indexed;
  }
}

/** Every this many nodes of a band's order, its value is kept (see `LshIndex.fences`). */
const FENCE = 16;

/** The first fence whose value is at least `target` (`fences.length` when none). */
function fenceLowerBound(fences: Uint32Array, target: number): number {
  let low = 0;
  let high = fences.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (fences[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The first position whose value is at least `target`, in `count` ascending values, given the
 * first fence at least `target` (`fence`): the position is after the fence before it and at
 * most at that fence, so a binary search of `FENCE` positions finds it, each probe a value
 * computed again.
 */
function fencedLowerBound(
  fence: number,
  count: number,
  target: number,
  valueAt: (at: number) => number,
): number {
  let low = fence === 0 ? 0 : (fence - 1) * FENCE + 1;
  let high = Math.min(fence * FENCE, count);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (valueAt(middle) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Days a node can stand on (0..0xffff, see `LshSource.day`). */
const DAYS = 0x10000;

/**
 * The first pass of `sortRows` places rows by their keys' top 18 bits: some 7 rows share them at
 * 100,000 articles (1.8 million rows), few enough to sort by insertion after; by the top 16, some
 * 28 did, and their insertion sorts took more time than a second counting pass.
 */
const LOW_BITS = 14;
const LOW_MASK = (1 << LOW_BITS) - 1;
const HIGHS = 1 << (32 - LOW_BITS);

/**
 * Runs of one high part at most this large are sorted in place by insertion; larger ones (a
 * crowd's, all of one key or nearly) through a sorted copy.
 */
const INSERTION = 64;

/** Rows at most this many are sorted by comparison alone (`sortRows`). */
const FEW_ROWS = 4096;

/**
 * Sorts rows `0..keys.length-1` by their keys into `order`, rows of one key in ascending order,
 * and writes the keys in that order to `sorted`: by the keys' high parts in one counting pass,
 * then each run of one high part by its low bits. Two 16-bit passes over the rows and keys
 * (LSD) wrote both to scratch arrays between them: an array of every node more beside the
 * build's tags (7 MB at 100,000 articles).
 */
function sortRows(keys: Uint32Array, order: Int32Array, sorted: Uint32Array): void {
  const count = keys.length;
  if (count <= FEW_ROWS) {
    // An index of a few articles (a placing, a group formed again): its counting pass's table
    // of 2^18 starts, cleared and summed for each band, cost more than the rows.
    for (let row = 0; row < count; row++) order[row] = row;
    order.subarray(0, count).sort((a, b) => keys[a]! - keys[b]! || a - b);
    for (let at = 0; at < count; at++) sorted[at] = keys[order[at]!]!;
    return;
  }
  const starts = new Int32Array(HIGHS + 1);
  for (let row = 0; row < count; row++) starts[(keys[row]! >>> LOW_BITS) + 1]!++;
  for (let high = 1; high <= HIGHS; high++) starts[high]! += starts[high - 1]!;
  for (let row = 0; row < count; row++) {
    const key = keys[row]!;
    const at = starts[key >>> LOW_BITS]!++;
    order[at] = row;
    sorted[at] = key;
  }
  // Each high part's run now ends where `starts` stands; its rows are in ascending order.
  let from = 0;
  for (let high = 0; high < HIGHS; high++) {
    const to = starts[high]!;
    if (to - from > 1) sortRun(order, sorted, from, to);
    from = to;
  }
}

/**
 * Sorts `order[from..to)` (ascending rows) by their keys in `sorted[from..to)`, stably: rows of
 * one key stay in ascending order.
 */
function sortRun(order: Int32Array, sorted: Uint32Array, from: number, to: number): void {
  if (to - from <= INSERTION) {
    for (let at = from + 1; at < to; at++) {
      const key = sorted[at]!;
      if (sorted[at - 1]! <= key) continue;
      const row = order[at]!;
      let j = at - 1;
      for (; j >= from && sorted[j]! > key; j--) {
        sorted[j + 1] = sorted[j]!;
        order[j + 1] = order[j]!;
      }
      sorted[j + 1] = key;
      order[j + 1] = row;
    }
    return;
  }
  let ordered = true;
  for (let at = from + 1; at < to && ordered; at++) ordered = sorted[at - 1]! <= sorted[at]!;
  if (ordered) return;
  // A key's low bits and its row, in one number below 2^53: sorted as numbers, rows of one key
  // stay in ascending order.
  const pairs = new Float64Array(to - from);
  for (let at = from; at < to; at++)
    pairs[at - from] = (sorted[at]! & LOW_MASK) * 2 ** 31 + order[at]!;
  pairs.sort();
  const high = sorted[from]! & ~LOW_MASK;
  for (let at = from; at < to; at++) {
    const pair = pairs[at - from]!;
    const low = Math.floor(pair / 2 ** 31);
    order[at] = pair - low * 2 ** 31;
    sorted[at] = (high | low) >>> 0;
  }
}
