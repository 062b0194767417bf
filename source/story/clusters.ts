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
  const pairs: Array<{ a: number; b: number; score: number }> = [];
  for (const node of sorted) {
    const a = rank.get(node)!;
    access.edges(node, (other, score) => {
      const b = rank.get(other);
      if (b !== undefined && a < b) pairs.push({ a, b, score });
    });
  }
  for (const [x, y] of access.links) {
    const a = rank.get(x);
    const b = rank.get(y);
    if (a !== undefined && b !== undefined && a !== b) {
      pairs.push({ a: Math.min(a, b), b: Math.max(a, b), score: Number.POSITIVE_INFINITY });
    }
  }
  pairs.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);

  const size = sorted.length;
  const parent = Int32Array.from({ length: size }, (_, i) => i);
  const members: number[][] = sorted.map((_, i) => [i]);
  const articles: Array<Set<number>> = sorted.map((node) => new Set(access.articles(node)));
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

  for (const { a, b, score } of pairs) {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA === rootB || forbidden(rootA, rootB)) continue;
    const [small, large] =
      articles[rootA]!.size <= articles[rootB]!.size ? [rootA, rootB] : [rootB, rootA];
    let clash = false;
    for (const article of articles[small]!) {
      if (articles[large]!.has(article)) {
        clash = true;
        break;
      }
    }
    if (clash) continue;
    // The anchor of a group is its lowest rank, which is the root's smallest member.
    const anchorA = members[rootA]![0]!;
    const anchorB = members[rootB]![0]!;
    if (
      score !== Number.POSITIVE_INFINITY &&
      access.same(sorted[anchorA]!, sorted[anchorB]!) <= 0
    ) {
      continue;
    }
    const [keep, gone] = anchorA < anchorB ? [rootA, rootB] : [rootB, rootA];
    parent[gone] = keep;
    members[keep] = mergeSorted(members[keep]!, members[gone]!);
    for (const article of articles[gone]!) articles[keep]!.add(article);
    members[gone] = [];
  }
  const out: number[][] = [];
  for (let i = 0; i < size; i++) {
    if (find(i) === i) out.push(members[i]!.map((index) => sorted[index]!));
  }
  return out;
}

function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
