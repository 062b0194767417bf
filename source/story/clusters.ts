/**
 * Groups from verified pairs, one connected component at a time. Joining along every verified
 * pair would chain: A is an edit of B, B of C, and C no longer says what A says. So pairs are
 * taken best first, and two groups join only when their anchors (earliest members) report the
 * same thing as well, when no reviewer unlinked them, and when they would not hold two different
 * sentences of one article (an article rarely says the same thing twice in other words).
 * A reviewer's link joins regardless of the anchors; a reviewer's unlink of `a` and `b` takes
 * `b` out of `a`'s group, whose other members stay (`b`'s pairs are taken after all others).
 * The result depends only on the component, not on the order sentences arrived in.
 *
 * A component of boilerplate-like sentences can hold half a million sentences and millions of
 * pairs, so everything per sentence or per pair is a typed array, sorted by radix, and a large
 * one is given back as soon as it is done with (`scratch`), not when the collector comes.
 */
import { release, scratch } from './released.js';
import { type AheadJob, aheadJob, answered, REPORT_EVERY } from './verdicts-ahead.js';

export interface ComponentAccess {
  /**
   * The verified pairs of a node, with their scores (0..1], and whether the verdict found was
   * `same(node, other)` (a pair is compared once, in one order; the verdict is the same either
   * way since the engine's version 6, but reusing it the other way round is not measured yet).
   */
  edges(node: number, visit: (other: number, score: number, asked: boolean) => void): void;
  /**
   * Every verified pair of the index once, `same(a, b)` the verdict asked, as another source
   * of a component's pairs than `edges` (those outside it are passed over): a large component
   * formed after its edges were let go of reads them from the build's log.
   */
  pairs?(visit: (a: number, b: number, score: number) => void): void;
  /**
   * Told once a component of three nodes or more has read its nodes' articles (`articles`),
   * before its pairs: a caller may set aside what they are read from until the groups are
   * formed.
   */
  articlesRead?(): void;
  /** Reviewers' links and unlinks between nodes. */
  links: ReadonlyArray<readonly [number, number]>;
  unlinks: ReadonlyArray<readonly [number, number]>;
  /** The article a node occurs in, or the articles of a node that stands for copies in several. */
  articles(node: number): number | readonly number[];
  /** Whether two nodes report the same thing (> 0). */
  same(a: number, b: number): number;
  /**
   * Scratch owned by the caller, one entry per node of the index, every entry -1: this
   * function writes each component node's rank there and sets it back to -1 before it returns.
   */
  rank: Int32Array;
  /**
   * Has another thread answer a large component's anchors' verdicts ahead of the joins
   * (`verdicts-ahead.ts`); false where none can.
   */
  ahead?(job: AheadJob): boolean;
}

/** Pairs from which a component's anchors' verdicts are answered ahead, where `ahead` can. */
const AHEAD_FROM = 1 << 16;

const LINK = Number.POSITIVE_INFINITY;

/**
 * The groups of one component, each as nodes in anchor order, anchor first. `sorted` holds the
 * component's nodes in anchor order (earliest-dated first).
 */
export function clusterComponent(sorted: ArrayLike<number>, access: ComponentAccess): number[][] {
  const groups: number[][] = [];
  eachGroup(sorted, access, (nodes, from, to) =>
    groups.push(Array.from({ length: to - from }, (_, i) => nodes[from + i]!)),
  );
  return groups;
}

/**
 * `clusterComponent`'s groups handed to `group` one at a time, in the same order, each as
 * `nodes[from..to)`, to read before the next: as lists, the component of 760,697 template
 * sentences at 100,000 articles made some 290,000 in the heap, standing at the grouping's peak.
 */
export function eachGroup(
  sorted: ArrayLike<number>,
  access: ComponentAccess,
  group: (nodes: ArrayLike<number>, from: number, to: number) => void,
): void {
  const size = sorted.length;
  if (size === 1) {
    group(sorted, 0, 1);
    return;
  }
  if (size === 2) {
    for (const nodes of formPair(sorted[0]!, sorted[1]!, access)) group(nodes, 0, nodes.length);
    return;
  }
  const { rank } = access;
  for (let i = 0; i < size; i++) rank[sorted[i]!] = i;
  try {
    formGroups(sorted, access, group);
  } finally {
    for (let i = 0; i < size; i++) rank[sorted[i]!] = -1;
  }
}

/**
 * A component of two nodes (most are): `formGroups`' answer without its arrays. Some twenty typed
 * arrays for each of 300,000 such components at 100,000 articles cost time, and their small
 * buffers left holes in the allocator's heap. As there, a reviewer's unlink of the two keeps them
 * apart, and a link joins them without asking `same`, unless their articles clash.
 */
function formPair(first: number, second: number, access: ComponentAccess): number[][] {
  const joins = (pairs: ReadonlyArray<readonly [number, number]>) =>
    pairs.some(([x, y]) => (x === first && y === second) || (x === second && y === first));
  if (joins(access.unlinks)) return [[first], [second]];
  const linked = joins(access.links);
  // Two nodes handed together need not be paired: joined through a removed node, or two groups
  // around an update (`neighbourhood`).
  let paired = linked;
  // Whether `same(first, second)` was the verdict that paired them: then it need not be asked.
  let agreed = false;
  if (!linked) {
    access.edges(first, (other, _score, asked) => {
      if (other !== second) return;
      paired = true;
      agreed ||= asked;
    });
  }
  if (!paired) return [[first], [second]];
  const of = (node: number) => {
    const articles = access.articles(node);
    return typeof articles === 'number' ? [articles] : articles;
  };
  const theirs = of(second);
  const clash = of(first).some((article) => theirs.includes(article));
  return clash || (!linked && !agreed && access.same(first, second) <= 0)
    ? [[first], [second]]
    : [[first, second]];
}

function formGroups(
  sorted: ArrayLike<number>,
  access: ComponentAccess,
  group: (nodes: ArrayLike<number>, from: number, to: number) => void,
): void {
  const size = sorted.length;
  // The nodes' articles first where a caller sets aside what they are read from
  // (`articlesRead`); else after the pairs, whose arrays are given back by then.
  const early = access.articlesRead ? articleTable(sorted, access) : null;
  access.articlesRead?.();
  const { rank } = access;
  const inside = (x: number, y: number) => rank[x]! >= 0 && rank[y]! >= 0 && x !== y;
  const { pairs } = access;
  // Each pair once (from its lower rank), counted first so that the arrays are made once.
  let count = 0;
  if (pairs) {
    pairs((x, y) => {
      if (inside(x, y)) count++;
    });
  } else {
    for (let a = 0; a < size; a++) {
      access.edges(sorted[a]!, (other) => {
        if (rank[other]! > a) count++;
      });
    }
  }
  for (const [x, y] of access.links) if (inside(x, y)) count++;
  const pairA = scratch(Int32Array, count);
  const pairB = scratch(Int32Array, count);
  const pairScore = scratch(Float32Array, count);
  // Whether the pair's verdict was `same` of its lower rank and its higher: while both are their
  // groups' anchors (two lone sentences, the commonest join), that is the anchors' verdict, so
  // it is not asked again (some 40 % of the anchors' verdicts in a component of templates).
  const agreed = scratch(Uint8Array, count);
  let at = 0;
  if (pairs) {
    // In the order found: put in the edges' order (by the ranks) by the sort below.
    pairs((x, y, score) => {
      if (!inside(x, y)) return;
      const asked = rank[x]! < rank[y]!;
      agreed[at] = asked ? 1 : 0;
      pairA[at] = asked ? rank[x]! : rank[y]!;
      pairB[at] = asked ? rank[y]! : rank[x]!;
      pairScore[at++] = score;
    });
  } else {
    for (let a = 0; a < size; a++) {
      const from = at;
      access.edges(sorted[a]!, (other, score, asked) => {
        const b = rank[other]!;
        if (b > a) {
          agreed[at] = asked ? 1 : 0;
          pairA[at] = a;
          pairB[at] = b;
          pairScore[at++] = score;
        }
      });
      sortRun(pairB, pairScore, agreed, from, at);
    }
  }
  let linked = false;
  for (const [x, y] of access.links) {
    if (!inside(x, y)) continue;
    linked = true;
    pairA[at] = Math.min(rank[x]!, rank[y]!);
    pairB[at] = Math.max(rank[x]!, rank[y]!);
    pairScore[at++] = LINK;
  }
  // Best pair first; ties by the ranks, so the order depends on the component alone. The pairs
  // stand by their ranks already (a node's few in a run of their own, sorted in place): a stable
  // sort by the score alone keeps that order among ties, two radix passes of the six that
  // sorting by the ranks again took over the 1.1 million pairs of the component of template
  // sentences. Reviewers' links come last, in their file's order: sorted by the ranks too, as
  // are pairs read in the order found (`pairs`).
  const scoreBits = new Uint32Array(pairScore.buffer, pairScore.byteOffset, count);
  const unlinks = access.unlinks
    .filter(([x, y]) => inside(x, y))
    .map(([x, y]) => [rank[x]!, rank[y]!] as const);
  // A reviewer's unlink of `a` and `b` takes `b` out of `a`'s group ("this counterpart does not
  // report the same thing"): every pair of a `b` comes after the others, so that `a`'s group
  // forms without it first and `b` then joins what it can. Taken best first with the rest, `b`
  // could pair first with a third sentence and shut `a` out of that one's group instead (qa51).
  // A reviewer's link still comes first.
  const later = unlinks.length > 0 ? demoted(count, pairA, pairB, pairScore, unlinks) : null;
  // Scores are positive floats (a link's infinity too): their bits sort as the scores do.
  const keys: RadixKey[] =
    linked || pairs
      ? [
          [pairB, size],
          [pairA, size],
          [scoreBits, 0x1_0000_0000, true],
        ]
      : [[scoreBits, 0x1_0000_0000, true]];
  if (later) keys.push([later, 2]);
  const order = radixOrder(count, keys);

  // The pairs in the joins' order, read one after another: `~a` for a reviewer's link, `~b`
  // where the verdict of `a` and `b` is known. In shared memory where another thread answers
  // ahead (it reads them and the union-find there), the pairs' five arrays given back: at the
  // component of template sentences, 8 bytes a pair held through the joins instead of 17.
  const job = count >= AHEAD_FROM && access.ahead ? aheadJob(sorted, count) : null;
  const joinA = job ? job.pairA : scratch(Int32Array, count);
  const joinB = job ? job.pairB : scratch(Int32Array, count);
  for (let k = 0; k < count; k++) {
    const pair = order[k]!;
    joinA[k] = pairScore[pair] === LINK ? ~pairA[pair]! : pairA[pair]!;
    joinB[k] = agreed[pair] === 1 ? ~pairB[pair]! : pairB[pair]!;
  }
  release(pairA, pairB, pairScore, agreed, order);
  const parent = job ? job.parent : scratch(Int32Array, size);
  // A group's anchor is its lowest rank; members are collected at the end, in rank order.
  const anchor = job ? job.anchor : scratch(Int32Array, size);
  for (let i = 0; i < size; i++) {
    parent[i] = i;
    anchor[i] = i;
  }
  const answering = job !== null && access.ahead!(job);
  // The anchors' verdict, answered ahead where it was for these anchors, else asked here.
  const sameAnchors = (k: number, a: number, b: number): boolean => {
    const given = answering ? answered(job, k, a, b) : 0;
    return given !== 0 ? given > 0 : access.same(sorted[a]!, sorted[b]!) > 0;
  };
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const articles = early ?? articleTable(sorted, access);
  // A root's members as a list (typed: next and last), and how many articles they occur in.
  const next = scratch(Int32Array, size).fill(-1);
  const last = scratch(Int32Array, size);
  const occurrences = scratch(Int32Array, size);
  for (let i = 0; i < size; i++) {
    last[i] = i;
    occurrences[i] = articles.start[i + 1]! - articles.start[i]!;
  }
  // Whether a member of root `small` occurs in an article that a member of root `large` does:
  // each article's few ranks in the component are looked up, not a set of every root's articles
  // (those held a component of template sentences' 860,000 nodes in some 150 MB of heap).
  // Per root, 64 bits of its members' articles (bit `article & 63` of the component's dense
  // numbering, in two words): two groups whose bits do not meet share no article, told without
  // the walk below, which read some fifteen ranks a pair in the component of template
  // sentences, where most pairs join two groups of one or two articles each.
  const low = scratch(Int32Array, size);
  const high = scratch(Int32Array, size);
  for (let i = 0; i < size; i++) {
    for (let at = articles.start[i]!; at < articles.start[i + 1]!; at++) {
      const article = articles.local[at]!;
      if (article & 32) high[i]! |= 1 << (article & 31);
      else low[i]! |= 1 << (article & 31);
    }
  }
  const clashes = (small: number, large: number): boolean => {
    if ((low[small]! & low[large]!) === 0 && (high[small]! & high[large]!) === 0) return false;
    for (let member = small; member !== -1; member = next[member]!) {
      for (let at = articles.start[member]!; at < articles.start[member + 1]!; at++) {
        const article = articles.local[at]!;
        for (let k = articles.rankStart[article]!; k < articles.rankStart[article + 1]!; k++) {
          if (find(articles.ranks[k]!) === large) return true;
        }
      }
    }
    return false;
  };
  const forbidden = (rootA: number, rootB: number) =>
    unlinks.some(([x, y]) => {
      const fx = find(x);
      const fy = find(y);
      return (fx === rootA && fy === rootB) || (fx === rootB && fy === rootA);
    });

  // What the pair `LOOK` ahead reads first (its nodes' parents, and there their groups' sizes,
  // anchors and article bits), read now so that it waits on none of this pair's reads: a
  // component of template sentences' union-find and tables, some 40 MB, are past the cache.
  let looked = 0;
  try {
    for (let k = 0; k < count; k++) {
      if (answering && k % REPORT_EVERY === 0) Atomics.store(job.progress, 0, k);
      if (k + LOOK < count) {
        const x = joinA[k + LOOK]!;
        const y = joinB[k + LOOK]!;
        const up = parent[x < 0 ? ~x : x]!;
        const other = parent[y < 0 ? ~y : y]!;
        looked |= occurrences[up]! ^ anchor[up]! ^ low[up]! ^ occurrences[other]! ^ anchor[other]!;
      }
      let a = joinA[k]!;
      let b = joinB[k]!;
      const linked = a < 0;
      const agreed = b < 0;
      if (linked) a = ~a;
      if (agreed) b = ~b;
      const rootA = find(a);
      const rootB = find(b);
      if (rootA === rootB) continue;
      const anchorA = anchor[rootA]!;
      const anchorB = anchor[rootB]!;
      // Not a pair made and taken apart: the joins' loop runs a million times and more.
      const aSmaller = occurrences[rootA]! <= occurrences[rootB]!;
      const small = aSmaller ? rootA : rootB;
      const large = aSmaller ? rootB : rootA;
      // The anchors are asked first when the smaller group is large: one comparison, against a
      // walk of its members' articles, again for every pair that joins the two groups (in a
      // component of template sentences, thousands). The answer is the same in either order.
      const walkFirst = occurrences[small]! <= WALK_FIRST;
      const known = linked || (agreed && anchorA === a && anchorB === b);
      if (
        (unlinks.length > 0 && forbidden(rootA, rootB)) ||
        (!known && !walkFirst && !sameAnchors(k, anchorA, anchorB)) ||
        clashes(small, large) ||
        (!known && walkFirst && !sameAnchors(k, anchorA, anchorB))
      ) {
        continue;
      }
      const keep = anchorA < anchorB ? rootA : rootB;
      const gone = anchorA < anchorB ? rootB : rootA;
      parent[gone] = keep;
      anchor[keep] = Math.min(anchorA, anchorB);
      next[last[keep]!] = gone;
      last[keep] = last[gone]!;
      occurrences[keep]! += occurrences[gone]!;
      low[keep]! |= low[gone]!;
      high[keep]! |= high[gone]!;
    }
  } finally {
    // The answering thread stops.
    if (answering) Atomics.store(job.progress, 0, -1);
    kept.looked |= looked;
  }
  release(joinA, joinB, anchor, next, last, occurrences, low, high);
  articles.release();
  // Groups in the order of their first member, members in rank order: counted, then placed
  // one after another (`start[g]` the first of group g), in `parent`'s memory once read.
  const slot = scratch(Int32Array, size).fill(-1);
  let groups = 0;
  for (let i = 0; i < size; i++) {
    // Each rank's parent made its root: `find` then never passes a rank already read here.
    const root = find(i);
    parent[i] = root;
    if (slot[root] === -1) slot[root] = groups++;
  }
  // `parent` now holds each rank's group.
  for (let i = 0; i < size; i++) parent[i] = slot[parent[i]!]!;
  const start = scratch(Int32Array, groups + 1);
  for (let i = 0; i < size; i++) start[parent[i]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const nodes = slot;
  for (let i = 0; i < size; i++) nodes[start[parent[i]!]!++] = sorted[i]!;
  release(parent);
  // Each group's start moved to its end while placing: the previous group's end is its start.
  for (let g = 0, from = 0; g < groups; from = start[g++]!) {
    group(nodes, from, start[g]!);
  }
  release(nodes, start);
}

/**
 * Sorts one node's pairs `[from, to)` by their other rank (`other`), their scores and verdicts
 * moved with them: a node's pairs are few (insertion), a template sentence's some thousands.
 */
function sortRun(
  other: Int32Array,
  score: Float32Array,
  agreed: Uint8Array,
  from: number,
  to: number,
): void {
  if (to - from < 2) return;
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, i) => from + i).sort(
      (x, y) => other[x]! - other[y]!,
    );
    const others = order.map((i) => other[i]!);
    const scores = order.map((i) => score[i]!);
    const verdicts = order.map((i) => agreed[i]!);
    other.set(others, from);
    score.set(scores, from);
    agreed.set(verdicts, from);
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const b = other[i]!;
    const s = score[i]!;
    const v = agreed[i]!;
    let j = i - 1;
    for (; j >= from && other[j]! > b; j--) {
      other[j + 1] = other[j]!;
      score[j + 1] = score[j]!;
      agreed[j + 1] = agreed[j]!;
    }
    other[j + 1] = b;
    score[j + 1] = s;
    agreed[j + 1] = v;
  }
}

/**
 * Per pair, 1 where it is a pair of a sentence some reviewer took out of another's group (the
 * second of an unlink, by rank) and not a reviewer's link, else 0: the joins' last sort key.
 */
function demoted(
  count: number,
  pairA: Int32Array,
  pairB: Int32Array,
  pairScore: Float32Array,
  unlinks: ReadonlyArray<readonly [number, number]>,
): Uint8Array {
  const rejected = new Set(unlinks.map(([, b]) => b));
  const later = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    if (pairScore[i] === LINK) continue;
    if (rejected.has(pairA[i]!) || rejected.has(pairB[i]!)) later[i] = 1;
  }
  return later;
}

/** How far ahead of the joins their next pair's first reads are made (`formGroups`). */
const LOOK = 8;
/** Kept only so that the joins' reads ahead are not dropped as unused. */
const kept = { looked: 0 };

/** Up to this many articles, a group's clashes are looked for before its anchor is asked. */
const WALK_FIRST = 16;

/**
 * Per rank, the articles its node occurs in (dense indices of this component's articles,
 * `local[start[i]..start[i + 1])`: no array of ends, 3 MB in a component of 760,000 template
 * sentences), and per such article the ranks that occur in it
 * (`ranks[rankStart[a]..rankStart[a + 1])`).
 */
function articleTable(sorted: ArrayLike<number>, access: ComponentAccess) {
  const size = sorted.length;
  // Counted, then placed: a list of a million numbers grown in the heap stood beside the rest.
  const start = scratch(Int32Array, size + 1);
  let total = 0;
  for (let i = 0; i < size; i++) {
    const articles = access.articles(sorted[i]!);
    start[i] = total;
    total += typeof articles === 'number' ? 1 : articles.length;
  }
  start[size] = total;
  const keys = scratch(Int32Array, total);
  let bound = 1;
  for (let i = 0; i < size; i++) {
    const articles = access.articles(sorted[i]!);
    if (typeof articles === 'number') keys[start[i]!] = articles;
    else keys.set(articles, start[i]!);
  }
  for (let k = 0; k < keys.length; k++) bound = Math.max(bound, keys[k]! + 1);
  // Articles numbered densely in order of their ids: sorted, then each run one number.
  const byArticle = radixOrder(keys.length, [[keys, bound]]);
  const local = scratch(Int32Array, total);
  const rankOf = scratch(Int32Array, total);
  for (let i = 0; i < size; i++) for (let at = start[i]!; at < start[i + 1]!; at++) rankOf[at] = i;
  const rankStart: number[] = [0];
  const ranks = scratch(Int32Array, total);
  for (let k = 0; k < byArticle.length; k++) {
    const at = byArticle[k]!;
    if (k > 0 && keys[at] !== keys[byArticle[k - 1]!]) rankStart.push(k);
    local[at] = rankStart.length - 1;
    ranks[k] = rankOf[at]!;
  }
  rankStart.push(byArticle.length);
  release(keys, byArticle, rankOf);
  return {
    start,
    local,
    ranks,
    rankStart: Int32Array.from(rankStart),
    release: () => release(start, local, ranks),
  };
}

/**
 * A sort key: its values per item, their bound (values below it), and whether it sorts them
 * from the highest (`descending`: the value's bits inverted, as unsigned).
 */
export type RadixKey = readonly [ArrayLike<number>, number, boolean?];

/**
 * The order of `count` items sorted by several keys, least significant key first, each with
 * its bound (keys below it): a stable radix sort in 16-bit passes, linear in `count`. A large
 * order is `scratch`: the caller `release`s it when done.
 *
 * Each key is read once per item, in the order so far, into an array that its passes then move
 * with the order: a pass that read `key[order[i]]` read from all over the key, twice (to count
 * and to place), which was two fifths of the last component's preparation at 100,000 articles
 * (its 1.5 million pairs sorted by three keys in six passes, 1.8 s of the index's thread).
 */
export function radixOrder(count: number, keys: ReadonlyArray<RadixKey>): Uint32Array {
  // A small component (most are) is sorted by comparison: a radix pass costs 65,536 counts.
  if (count < 4096) {
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    return order.sort((x, y) => {
      for (let k = keys.length - 1; k >= 0; k--) {
        const [key, , descending] = keys[k]!;
        const difference = descending ? key[y]! - key[x]! : key[x]! - key[y]!;
        if (difference !== 0) return difference;
      }
      return x - y;
    });
  }
  // All given back here but the order, which the caller `release`s.
  let order = scratch(Uint32Array, count);
  for (let i = 0; i < count; i++) order[i] = i;
  let next = scratch(Uint32Array, count);
  let values = scratch(Uint32Array, count);
  let moved = scratch(Uint32Array, count);
  const counts = new Int32Array(65_537);
  let sorted = false;
  for (const [key, bound, descending] of keys) {
    const flip = descending ? 0xffff_ffff : 0;
    if (!sorted) for (let i = 0; i < count; i++) values[i] = (key[i]! ^ flip) >>> 0;
    else for (let i = 0; i < count; i++) values[i] = (key[order[i]!]! ^ flip) >>> 0;
    for (let shift = 0; shift < 32 && bound - 1 >= 2 ** shift; shift += 16) {
      counts.fill(0);
      for (let i = 0; i < count; i++) counts[((values[i]! >>> shift) & 0xffff) + 1]!++;
      for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
      for (let i = 0; i < count; i++) {
        const value = values[i]!;
        const at = counts[(value >>> shift) & 0xffff]!++;
        next[at] = order[i]!;
        moved[at] = value;
      }
      [order, next] = [next, order];
      [values, moved] = [moved, values];
      sorted = true;
    }
  }
  release(next, values, moved);
  return order;
}
