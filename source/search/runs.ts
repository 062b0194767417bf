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

/**
 * The first `limit` keys (ascending) in every list, of a live article and passing `keep`:
 * the lists are read only as far as those keys.
 */
export function firstCommonKeys(
  lists: readonly Iterable<Uint32Array>[],
  articles: IndexedArticles,
  limit: number,
  keep: (key: number, a: number) => boolean,
): number[] {
  const out: number[] = [];
  if (lists.length === 0) return out;
  const cursors = lists.map((runs) => new RunCursor(runs));
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
    if (a >= 0 && keep(target, a)) {
      out.push(target);
      if (out.length === limit) return out;
    }
    target++;
  }
}
