/**
 * The anchors' verdicts of a large component's joins (`clusters.ts`), worked out ahead on a
 * comparing thread while the index's thread joins. At 100,000 articles the component of
 * template sentences (834,594 nodes, 1.3 million pairs) asked 883,915 of them, some 7 of its
 * 14 s, on the index's thread alone while the other core stood idle.
 *
 * The joins stay on the index's thread, in their order. The other thread reads the union-find
 * as the index's thread writes it (shared memory, without locks) a little ahead of it, and
 * answers each pair's verdict for the anchors it found there. A verdict depends on its two
 * nodes alone, so the index's thread takes an answer only when it was given for the anchors it
 * has itself, and asks `same` where none was: the groups are the same whatever the other
 * thread managed, read stale or missed.
 */

/** What a thread needs to answer ahead (shared memory, read-only but for the answers). */
export interface AheadJob {
  /** Each rank's node. */
  sorted: Int32Array;
  /**
   * The pairs in the joins' order, by rank: `pairA` is `~a` for a reviewer's link (joined
   * without a verdict), `pairB` is `~b` where the verdict of `a` and `b` is known.
   */
  pairA: Int32Array;
  pairB: Int32Array;
  /** The union-find as the index's thread writes it: each rank's parent, each root's anchor. */
  parent: Int32Array;
  anchor: Int32Array;
  /**
   * `[0]`: the pair the index's thread is at (-1: done); answers for the pair at `k` stand in
   * slot `k % WINDOW`: `slotPair` (written last, the answer's mark), `slotA`, `slotB` (the
   * anchors asked), `slotVerdict` (1: the same, -1: not).
   */
  progress: Int32Array;
  slotPair: Int32Array;
  slotA: Int32Array;
  slotB: Int32Array;
  slotVerdict: Int8Array;
}

/**
 * Slots for answers: how far the answering thread may run ahead of the index's thread. Further
 * ahead, the anchors it reads are more often changed by the joins in between.
 */
export const WINDOW = 1 << 14;
/**
 * How far ahead of the index's thread the answering thread starts when it has fallen behind:
 * the pairs just ahead are being joined already.
 */
const LEAD = 64;
/** Pairs whose anchors' tables the answering thread reads ahead at a time (`answerAhead`). */
const WARM_PAIRS = 256;
/** Pairs between the index's thread's reports of where it is. */
export const REPORT_EVERY = 64;

/** The shared memory for a component's `count` pairs, the pairs and union-find not yet filled. */
export function aheadJob(sorted: ArrayLike<number>, count: number): AheadJob {
  const ints = (length: number) => new Int32Array(new SharedArrayBuffer(4 * length));
  const job: AheadJob = {
    sorted: ints(sorted.length),
    pairA: ints(count),
    pairB: ints(count),
    parent: ints(sorted.length),
    anchor: ints(sorted.length),
    progress: ints(1),
    slotPair: ints(WINDOW).fill(-1),
    slotA: ints(WINDOW),
    slotB: ints(WINDOW),
    slotVerdict: new Int8Array(new SharedArrayBuffer(WINDOW)),
  };
  job.sorted.set(sorted);
  return job;
}

/**
 * The answer given ahead for pair `k` joining the groups anchored at ranks `a` and `b`: 1 the
 * same, -1 not, 0 none (ask `same`).
 */
export function answered(job: AheadJob, k: number, a: number, b: number): number {
  const slot = k & (WINDOW - 1);
  // The mark is read first and written last: the anchors and verdict read after it are its own.
  if (Atomics.load(job.slotPair, slot) !== k) return 0;
  return job.slotA[slot] === a && job.slotB[slot] === b ? job.slotVerdict[slot]! : 0;
}

/**
 * Answers ahead of the index's thread until it is done (on the answering thread): each pair's
 * groups as the union-find reads now, and where they are two and their verdict is not known,
 * `same` of their anchors; `warm` reads the anchors' tables of the pairs just ahead.
 */
export function answerAhead(
  job: AheadJob,
  same: (a: number, b: number) => number,
  warm?: (nodes: Int32Array, from: number, to: number) => void,
): void {
  const { sorted, pairA, pairB, parent, anchor, progress } = job;
  const count = pairA.length;
  // The anchors' nodes of the next `WARM_PAIRS` pairs as the union-find reads now, their tables
  // read ahead (`PairJudge.warm`): each verdict's first reads then come from the cache.
  const warmed = new Int32Array(2 * WARM_PAIRS);
  let warmedTo = 0;
  // Without compressing paths: only the index's thread writes the union-find. A parent read
  // stale is an ancestor still, so the walk ends at a root of some moment.
  const find = (i: number): number => {
    for (let up = parent[i]!; up !== i; up = parent[i]!) i = up;
    return i;
  };
  let k = 0;
  for (;;) {
    const at = Atomics.load(progress, 0);
    if (at < 0) return;
    if (k < at + LEAD) k = at + LEAD;
    if (k >= count) return;
    if (k >= at + WINDOW) {
      // Its slots are full: wait a moment for the index's thread.
      Atomics.wait(progress, 0, at, 1);
      continue;
    }
    if (warm && k >= warmedTo) {
      let nodes = 0;
      warmedTo = Math.min(count, k + WARM_PAIRS);
      for (let i = k; i < warmedTo; i++) {
        const x = pairA[i]!;
        if (x < 0) continue;
        const y = pairB[i]!;
        warmed[nodes++] = sorted[anchor[find(x)]!]!;
        warmed[nodes++] = sorted[anchor[find(y < 0 ? ~y : y)]!]!;
      }
      warm(warmed, 0, nodes);
    }
    const a = pairA[k]!;
    if (a < 0) {
      k++;
      continue;
    }
    const rootA = find(a);
    const b = pairB[k]!;
    const rootB = find(b < 0 ? ~b : b);
    if (rootA !== rootB) {
      const anchorA = anchor[rootA]!;
      const anchorB = anchor[rootB]!;
      const known = b < 0 && anchorA === a && anchorB === ~b;
      if (!known) {
        const slot = k & (WINDOW - 1);
        const verdict = same(sorted[anchorA]!, sorted[anchorB]!) > 0 ? 1 : -1;
        job.slotA[slot] = anchorA;
        job.slotB[slot] = anchorB;
        job.slotVerdict[slot] = verdict;
        Atomics.store(job.slotPair, slot, k);
      }
    }
    k++;
  }
}
