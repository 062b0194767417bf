/**
 * A component's nodes in anchor order (`StoryIndex.inAnchorOrder`): by their earliest
 * occurrence (dated before undated, then by date, article id and position), then by node.
 */
import { radixOrder } from './clusters.js';
import { NO_DAY } from './pair-judge.js';
import { release } from './released.js';

/** Components from this many nodes are put in anchor order by radix (`radixAnchorOrder`). */
export const RADIX_ANCHORS = 4096;

/**
 * Node `nodes[i]`'s earliest occurrence is on `day[i]` (`NO_DAY`: undated) in article
 * `article[i]` (whose id is `ids[article[i]]`) at position `sentence[i]`; gives the nodes sorted.
 * A big component's `day` and `article` are written over (`radixAnchorOrder`).
 */
export function anchorOrder(
  nodes: ArrayLike<number>,
  day: Int32Array,
  article: Int32Array,
  sentence: Int32Array,
  ids: readonly string[],
): Int32Array {
  const count = nodes.length;
  if (count >= RADIX_ANCHORS) return radixAnchorOrder(nodes, day, article, sentence, ids);
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort(
    (x, y) =>
      compareAnchor(day[x]!, article[x]!, sentence[x]!, day[y]!, article[y]!, sentence[y]!, ids) ||
      nodes[x]! - nodes[y]!,
  );
  return Int32Array.from(order, (i) => nodes[i]!);
}

/**
 * `anchorOrder`'s sort for a big component (a component of template sentences holds 860,000
 * at 100,000 articles): by radix on the same keys, the component's articles ranked by id
 * first. Sorted by comparison, with an article id compared as a string at each step, it took
 * some two seconds on the building thread while the comparing threads stood idle. `day` and
 * `article` are written over with the sort's keys.
 */
export function radixAnchorOrder(
  nodes: ArrayLike<number>,
  day: Int32Array,
  article: Int32Array,
  sentence: Int32Array,
  ids: readonly string[],
): Int32Array {
  const count = nodes.length;
  // The articles' ranks by id (`compareAnchor`: ids compared as strings).
  const seen = new Int32Array(ids.length).fill(-1);
  const distinct: number[] = [];
  for (let i = 0; i < count; i++) {
    if (seen[article[i]!] === -1) {
      seen[article[i]!] = 0;
      distinct.push(article[i]!);
    }
  }
  distinct.sort((a, b) => (ids[a]! < ids[b]! ? -1 : 1));
  for (let r = 0; r < distinct.length; r++) seen[distinct[r]!] = r;
  // Undated last (`NO_DAY`), the rest by day from the earliest.
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    if (day[i] === NO_DAY) continue;
    first = Math.min(first, day[i]!);
    last = Math.max(last, day[i]!);
  }
  const days = last >= first ? last - first + 1 : 0;
  // The keys written over the days and articles they are made from, and the nodes (never
  // negative) their own key: three arrays of each node fewer at the grouping's peak (10 MB in
  // the component of template sentences at 100,000 articles).
  const dayKey = day;
  const articleKey = article;
  let sentences = 1;
  let bound = 1;
  for (let i = 0; i < count; i++) {
    dayKey[i] = day[i] === NO_DAY ? days : day[i]! - first;
    articleKey[i] = seen[article[i]!]!;
    sentences = Math.max(sentences, sentence[i]! + 1);
    bound = Math.max(bound, nodes[i]! + 1);
  }
  const order = radixOrder(count, [
    [nodes, bound],
    [sentence, sentences],
    [articleKey, distinct.length],
    [dayKey, days + 1],
  ]);
  const sorted = new Int32Array(count);
  for (let i = 0; i < count; i++) sorted[i] = nodes[order[i]!]!;
  release(order);
  return sorted;
}

/** `compareMember` over an anchor's parts: day, article (dense index) and position. */
export function compareAnchor(
  dayA: number,
  articleA: number,
  sentenceA: number,
  dayB: number,
  articleB: number,
  sentenceB: number,
  ids: readonly string[],
): number {
  if (dayA !== dayB) {
    if (dayA === NO_DAY) return 1;
    if (dayB === NO_DAY) return -1;
    return dayA - dayB;
  }
  if (articleA !== articleB) return ids[articleA]! < ids[articleB]! ? -1 : 1;
  return sentenceA - sentenceB;
}
