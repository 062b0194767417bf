/**
 * Groups from verified pairs, one connected component at a time. Joining along every verified
 * pair would chain: A is an edit of B, B of C, and C no longer says what A says. So pairs are
 * taken best first, and two groups join only when their anchors (earliest members) report the
 * same thing as well, when no reviewer unlinked them, and when they would not hold two different
 * sentences of one article (an article rarely says the same thing twice in other words).
 * A reviewer's link joins regardless of the anchors. The result depends only on the component,
 * not on the order sentences arrived in.
 */

export interface ComponentAccess {
  /** The verified pairs of a node, with their scores. */
  edges(node: number, visit: (other: number, score: number) => void): void;
  /** Reviewers' links and unlinks between nodes. */
  links: ReadonlyArray<readonly [number, number]>;
  unlinks: ReadonlyArray<readonly [number, number]>;
  /** Anchor order: earliest-dated first. */
  order(a: number, b: number): number;
  /** The articles a node occurs in (a node may stand for copies in several). */
  articles(node: number): number[];
  /** Whether two nodes report the same thing (> 0). */
  same(a: number, b: number): number;
}

/** The groups of one component, each as nodes in anchor order, anchor first. */
export function clusterComponent(nodes: readonly number[], access: ComponentAccess): number[][] {
  if (nodes.length === 1) return [[nodes[0]!]];
  const sorted = [...nodes].sort(access.order);
  const rank = new Map<number, number>();
  sorted.forEach((node, index) => {
    rank.set(node, index);
  });
  // Pairs in typed arrays: a component of boilerplate-like sentences has millions of them.
  let count = 0;
  let pairA = new Int32Array(1024);
  let pairB = new Int32Array(1024);
  let pairScore = new Float64Array(1024);
  const push = (a: number, b: number, score: number) => {
    if (count === pairA.length) {
      const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
        const grown = make(old.length * 2);
        grown.set(old);
        return grown;
      };
      pairA = grow(pairA, (n) => new Int32Array(n));
      pairB = grow(pairB, (n) => new Int32Array(n));
      pairScore = grow(pairScore, (n) => new Float64Array(n));
    }
    pairA[count] = a;
    pairB[count] = b;
    pairScore[count++] = score;
  };
  for (const node of sorted) {
    const a = rank.get(node)!;
    access.edges(node, (other, score) => {
      const b = rank.get(other);
      if (b !== undefined && a < b) push(a, b, score);
    });
  }
  for (const [x, y] of access.links) {
    const a = rank.get(x);
    const b = rank.get(y);
    if (a !== undefined && b !== undefined && a !== b) {
      push(Math.min(a, b), Math.max(a, b), Number.POSITIVE_INFINITY);
    }
  }
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort(
    (p, q) => pairScore[q]! - pairScore[p]! || pairA[p]! - pairA[q]! || pairB[p]! - pairB[q]!,
  );

  const size = sorted.length;
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  // A group's anchor is its lowest rank; members are collected at the end, in rank order.
  const anchor = Int32Array.from({ length: size }, (_, i) => i);
  // A root's articles: a short list, or a set once long.
  const articles: Array<number[] | Set<number>> = sorted.map((node) => access.articles(node));
  const has = (list: number[] | Set<number>, article: number) =>
    Array.isArray(list) ? list.includes(article) : list.has(article);
  const sizeOf = (list: number[] | Set<number>) => (Array.isArray(list) ? list.length : list.size);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const unlinks = access.unlinks
    .map(([x, y]) => [rank.get(x), rank.get(y)] as const)
    .filter(
      (pair): pair is readonly [number, number] => pair[0] !== undefined && pair[1] !== undefined,
    );
  const forbidden = (rootA: number, rootB: number) =>
    unlinks.some(([x, y]) => {
      const fx = find(x);
      const fy = find(y);
      return (fx === rootA && fy === rootB) || (fx === rootB && fy === rootA);
    });

  for (let k = 0; k < count; k++) {
    const at = order[k]!;
    const a = pairA[at]!;
    const b = pairB[at]!;
    const score = pairScore[at]!;
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB || forbidden(rootA, rootB)) continue;
    const [small, large] =
      sizeOf(articles[rootA]!) <= sizeOf(articles[rootB]!) ? [rootA, rootB] : [rootB, rootA];
    let clash = false;
    for (const article of articles[small]!) {
      if (has(articles[large]!, article)) {
        clash = true;
        break;
      }
    }
    if (clash) continue;
    const anchorA = anchor[rootA]!;
    const anchorB = anchor[rootB]!;
    if (
      score !== Number.POSITIVE_INFINITY &&
      access.same(sorted[anchorA]!, sorted[anchorB]!) <= 0
    ) {
      continue;
    }
    const [keep, gone] = anchorA < anchorB ? [rootA, rootB] : [rootB, rootA];
    parent[gone] = keep;
    anchor[keep] = Math.min(anchorA, anchorB);
    let merged = articles[keep]!;
    for (const article of articles[gone]!) {
      if (Array.isArray(merged)) {
        merged.push(article);
        if (merged.length > 16) merged = new Set(merged);
      } else merged.add(article);
    }
    articles[keep] = merged;
    articles[gone] = [];
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < size; i++) {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(sorted[i]!);
    else groups.set(root, [sorted[i]!]);
  }
  return [...groups.values()];
}
