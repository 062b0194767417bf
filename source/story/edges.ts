/**
 * The index's edges: each pair found alike as two halves, one from each of its nodes, with the
 * pair's score and which half is the verdict's order (`same(from, to)` was asked). A build's
 * edges, all but an update's few, are laid out once per node (`lay`): a node's halves in one run
 * of slots, and a start per node. Those added after stand in per-node linked lists. As linked
 * lists, a build's 1.6 million pairs at 100,000 articles held a next half per half (13 MB) and
 * a head per node through the grouping's peak; laid out, a slot holds its other node and its
 * score, and the starts take the heads' place.
 */
import { Float32List, grownCapacity, Int32List, residentBytes } from './growable.js';

/**
 * Visits one half: its other node, the pair's score, whether the verdict was asked from here.
 * Returning true stops the visits.
 */
export type HalfVisit = (other: number, score: number, asked: boolean) => unknown;

/** A source of pairs that can be read more than once, in the order they were found. */
export type PairReplay = (pair: (a: number, b: number, score: number) => void) => void;

export class EdgeTable {
  /** Node n's laid halves are slots `start[n] .. start[n + 1]`; nodes past its end have none. */
  private start = new Int32Array(1);
  /** A laid half's other node, or `~other` where the pair's verdict was asked from this side. */
  private other = new Int32Array(0);
  private score = new Float32Array(0);
  /** The edges added after the build: per node the last half added, each half the one before. */
  private head = new Int32Array(0);
  private readonly target = new Int32List();
  private readonly before = new Int32List();
  private readonly halfScore = new Float32List();

  /**
   * Lays out the pairs `replay` hands (in the order found; read twice: counted, then placed),
   * each node's newest first, as the linked lists read them. Where edges were laid before (a
   * second build), they are added as an update's are.
   */
  lay(nodes: number, replay: PairReplay): void {
    if (this.other.length > 0) {
      replay((a, b, score) => this.add(a, b, score));
      return;
    }
    // Each node's count, then the end of its run; a half placed takes the slot before the end,
    // so that every `start[n]` is its run's start when all are placed.
    const start = new Int32Array(nodes + 1);
    let halves = 0;
    replay((a, b) => {
      start[a]!++;
      start[b]!++;
      halves += 2;
    });
    for (let node = 1; node <= nodes; node++) start[node]! += start[node - 1]!;
    const other = new Int32Array(halves);
    const score = new Float32Array(halves);
    replay((a, b, pairScore) => {
      const fromA = --start[a]!;
      other[fromA] = ~b;
      score[fromA] = pairScore;
      const fromB = --start[b]!;
      other[fromB] = a;
      score[fromB] = pairScore;
    });
    this.start = start;
    this.other = other;
    this.score = score;
  }

  /** A pair found after the build, its verdict asked as `same(a, b)`. */
  add(a: number, b: number, score: number): void {
    this.addHalf(a, b, score);
    this.addHalf(b, a, score);
  }

  /** Whether `node` has a half. */
  has(node: number): boolean {
    if ((this.head[node] ?? -1) !== -1) return true;
    return node + 1 < this.start.length && this.start[node] !== this.start[node + 1];
  }

  /** Visits each half of `node`, newest first, until `visit` returns true. */
  each(node: number, visit: HalfVisit): void {
    for (let half = this.head[node] ?? -1; half !== -1; half = this.before.data[half]!) {
      if (visit(this.target.data[half]!, this.halfScore.data[half]!, (half & 1) === 0) === true) {
        return;
      }
    }
    if (node + 1 >= this.start.length) return;
    const other = this.other;
    const score = this.score;
    for (let slot = this.start[node]!; slot < this.start[node + 1]!; slot++) {
      const to = other[slot]!;
      if (visit(to < 0 ? ~to : to, score[slot]!, to < 0) === true) return;
    }
  }

  /** Lets go of every edge (an index built once, its groups formed: see `StoryIndex`'s `once`). */
  forget(): void {
    this.start = new Int32Array(1);
    this.other = new Int32Array(0);
    this.score = new Float32Array(0);
    this.head = new Int32Array(0);
  }

  /** The lists grown by updates, for the index to trim with its pools. */
  get lists(): readonly [Int32List, Int32List, Float32List] {
    return [this.target, this.before, this.halfScore];
  }

  get bytes(): number {
    return (
      this.start.byteLength +
      this.other.byteLength +
      this.score.byteLength +
      this.head.byteLength +
      this.lists.reduce((sum, list) => sum + residentBytes(list), 0)
    );
  }

  /** Halves are added in pairs, the first from `a`: an even half is the verdict's order. */
  private addHalf(from: number, to: number, score: number): void {
    if (from >= this.head.length) {
      const head = new Int32Array(grownCapacity(Math.max(1024, this.head.length), from + 1));
      head.fill(-1).set(this.head);
      this.head = head;
    }
    const half = this.target.push(to);
    this.halfScore.push(score);
    this.before.push(this.head[from]!);
    this.head[from] = half;
  }
}
