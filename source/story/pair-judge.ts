/**
 * Whether two nodes of a story index report the same thing (`sameStatement`), read from the
 * index's typed pools: on the index's thread, and on the threads that compare a build's
 * candidate pairs (`compare-worker.ts`) over the same pools, shared.
 */
import { readExtras } from './node-extras.js';
import { type Comparable, sameStatement } from './similarity.js';
import type { Vocabulary } from './tokens.js';

/** A typed pool and how much of it is in use (`Int32List`, `Uint32List`, or a shared copy). */
export interface Pool<T extends Int32Array | Uint32Array> {
  data: T;
  length: number;
}

/**
 * What a node's comparison reads: per node a start in each pool, its article (whose day is the
 * node's) and its figures.
 */
export interface NodeTables {
  wordStart: Pool<Int32Array>;
  words: Pool<Uint32Array>;
  /** Speakers, sources, units and quoted words (`node-extras.ts`). */
  extraStart: Pool<Int32Array>;
  extras: Pool<Uint32Array>;
  nodeArticle: Pool<Int32Array>;
  articleDay: Pool<Int32Array>;
  nodeFigures: Pool<Uint32Array>;
}

/** The pools' names, in the order they cross to a worker. */
export const TABLE_NAMES = [
  'wordStart',
  'words',
  'extraStart',
  'extras',
  'nodeArticle',
  'articleDay',
  'nodeFigures',
] as const satisfies ReadonlyArray<keyof NodeTables>;

export const NO_DAY = -2_147_483_648;

/** Views of nodes kept for comparing: the window, the node, one more. */
const VIEW_SLOTS = 5;

export class PairJudge {
  constructor(
    private readonly tables: NodeTables,
    private readonly vocabulary: Vocabulary,
  ) {}

  /**
   * Views of the nodes compared last, each filled once: the build compares a node with the
   * `window` before it in a bucket, and the next nodes with it, so a node is filled once per
   * bucket rather than once per pair (four views made per three pairs cost a sixth of the
   * comparing at 10,000 articles).
   */
  private readonly views: Comparable[] = Array.from({ length: VIEW_SLOTS }, () => ({
    words: [],
    speakers: [],
    sources: [],
    day: 0,
    figures: 0,
    units: [],
    quoted: [],
    borrowed: false,
    initials: 0,
  }));

  /** The node each view holds (-1: none), and when it was last used. */
  private readonly viewNodes = new Int32Array(VIEW_SLOTS).fill(-1);
  private readonly viewUsed = new Float64Array(VIEW_SLOTS);
  private viewClock = 0;

  /** Forgets the views: pools replaced (trimmed, shared, let go of) would be kept alive by them. */
  forget(): void {
    this.viewNodes.fill(-1);
    for (const view of this.views) {
      view.words = NONE;
      view.speakers = NONE;
      view.sources = NONE;
      view.units = NONE;
      view.quoted = NONE;
    }
  }

  /**
   * Reads what filling the views of the nodes of `pairs[from..to)` reads (their starts, article,
   * figures, then their first words, extras and day), which the comparisons then read again
   * from the cache: here each read waits on none before it, so the processor has many in
   * flight, where a view's fill waits on each in turn (`LshIndex.warm`). Filling views was some
   * two fifths of the comparing's CPU at 100,000 articles, nearly all of it waiting on memory.
   */
  warm(pairs: Int32Array, from: number, to: number): void {
    const t = this.tables;
    const wordStart = t.wordStart.data;
    const extraStart = t.extraStart.data;
    const nodeArticle = t.nodeArticle.data;
    const nodeFigures = t.nodeFigures.data;
    let any = 0;
    for (let i = from; i < to; i++) {
      const node = pairs[i]!;
      any |= wordStart[node]! ^ extraStart[node]! ^ nodeArticle[node]! ^ nodeFigures[node]!;
    }
    const words = t.words.data;
    const extras = t.extras.data;
    const articleDay = t.articleDay.data;
    for (let i = from; i < to; i++) {
      const node = pairs[i]!;
      const word = wordStart[node]!;
      const extra = extraStart[node]!;
      const article = nodeArticle[node]!;
      if (word < words.length) any |= words[word]!;
      if (extra < extras.length) any |= extras[extra]!;
      if (article >= 0 && article < articleDay.length) any |= articleDay[article]!;
    }
    this.warmth |= any;
  }

  /** Kept only so that `warm`'s reads are not dropped as unused. */
  private warmth = 0;

  /** Whether two nodes report the same thing: `sameStatement`'s score, 0 when not. */
  same(a: number, b: number): number {
    const slotA = this.viewOf(a, -1);
    const slotB = this.viewOf(b, slotA);
    return sameStatement(this.views[slotA]!, this.views[slotB]!, this.vocabulary);
  }

  /** The slot holding a view of `node`, filled in the least recently used one (not `keep`). */
  private viewOf(node: number, keep: number): number {
    const nodes = this.viewNodes;
    let oldest = -1;
    for (let slot = 0; slot < VIEW_SLOTS; slot++) {
      if (nodes[slot] === node) {
        this.viewUsed[slot] = ++this.viewClock;
        return slot;
      }
      if (slot !== keep && (oldest < 0 || this.viewUsed[slot]! < this.viewUsed[oldest]!)) {
        oldest = slot;
      }
    }
    this.fillView(oldest, node);
    this.viewUsed[oldest] = ++this.viewClock;
    return oldest;
  }

  private fillView(slot: number, node: number): void {
    const view = this.views[slot]!;
    const t = this.tables;
    this.viewNodes[slot] = node;
    const day = t.articleDay.data[t.nodeArticle.data[node]!]!;
    view.words = slice(t.wordStart, t.words, node);
    view.initials = 0;
    readExtras(t.extraStart, t.extras, node, view);
    view.day = day === NO_DAY ? Number.NaN : day;
    view.figures = t.nodeFigures.data[node]!;
  }
}

const NONE = new Uint32Array(0);

/**
 * Node `node`'s entries of a pool kept as one list and each node's start in it. Most nodes have
 * no speaker, source, unit or quotation: those get one empty array, not a view each (views
 * made per comparison were a sixth of the comparing's time, and their collection more).
 */
export function slice(
  starts: Pool<Int32Array>,
  pool: Pool<Uint32Array>,
  node: number,
): Uint32Array {
  const start = starts.data[node]!;
  const end = node + 1 < starts.length ? starts.data[node + 1]! : pool.length;
  return start === end ? NONE : pool.data.subarray(start, end);
}
