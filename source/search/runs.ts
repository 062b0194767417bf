import { articleOfKey, firstAtLeast, type IndexedArticles } from '../corpus/word-index.js';

/** A posting list read a run at a time, moved forward only. */
class RunCursor {
  private readonly runs: Iterator<Uint32Array>;
  private list: Uint32Array = new Uint32Array(0);
  private at = 0;

  constructor(runs: Iterable<Uint32Array>) {
    this.runs = runs[Symbol.iterator]();
  }

  /** The first key at least `target`, or -1 when the list holds none. */
  seek(target: number): number {
    for (;;) {
      const { list } = this;
      if (list.length > 0 && list[list.length - 1]! >= target) {
        this.at = firstAtLeast(list, target, this.at);
        return list[this.at]!;
      }
      const next = this.runs.next();
      if (next.done) return -1;
      this.list = next.value;
      this.at = 0;
    }
  }
}

/** Several posting lists read as their union: the first key of any at least the target. */
class UnionCursor {
  private readonly cursors: RunCursor[];

  constructor(lists: readonly Iterable<Uint32Array>[]) {
    this.cursors = lists.map((runs) => new RunCursor(runs));
  }

  seek(target: number): number {
    let first = -1;
    for (const cursor of this.cursors) {
      const key = cursor.seek(target);
      if (key >= 0 && (first < 0 || key < first)) first = key;
    }
    return first;
  }
}

/**
 * The first `limit` keys (ascending) found in each group, of a live article and passing `keep`:
 * a group is one or more lists, any of which may hold the key (the spellings a query word
 * stands for). The lists are read only as far as those keys.
 */
export function firstCommonKeys(
  groups: readonly (readonly Iterable<Uint32Array>[])[],
  articles: IndexedArticles,
  limit: number,
  keep: (key: number, a: number) => boolean,
  /** Give up (fewer than `limit` keys) after `keep` has refused this many. */
  maxRefused = Number.POSITIVE_INFINITY,
): number[] {
  const out: number[] = [];
  let refused = 0;
  if (groups.length === 0) return out;
  const cursors = groups.map((lists) =>
    lists.length === 1 ? new RunCursor(lists[0]!) : new UnionCursor(lists),
  );
  let target = 0;
  for (;;) {
    let agreed = true;
    for (const cursor of cursors) {
      const key = cursor.seek(target);
      if (key < 0) return out;
      if (key > target) {
        target = key;
        agreed = false;
        break;
      }
    }
    if (!agreed) continue;
    const a = articleOfKey(articles, target);
    if (a >= 0) {
      if (keep(target, a)) {
        out.push(target);
        if (out.length === limit) return out;
      } else if (++refused > maxRefused) return out;
    }
    target++;
  }
}
