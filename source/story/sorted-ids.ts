/**
 * The orders of a sentence's id lists (`SentenceFeatures`), made by insertion: the lists are
 * short, and `sort` with a comparator cost a tenth of a sentence's features, on the reading
 * threads and again on the index's thread as it takes a reading thread's batches in.
 */
import { ID_MASK } from './tokens.js';

/** Longer lists (a run-on page line) are sorted by `sort`. */
const INSERTION_MOST = 48;

/**
 * Sorts ids in place ascending by `id & ID_MASK` and then, with `thenById`, by id (a name
 * after the word); with `masked` false, ascending as numbers. Stable, as `sort` is.
 */
export function sortIds(ids: number[], thenById: boolean, masked = thenById): number[] {
  if (ids.length > INSERTION_MOST) {
    if (!masked) return ids.sort((a, b) => a - b);
    return ids.sort(
      thenById
        ? (a, b) => (a & ID_MASK) - (b & ID_MASK) || a - b
        : (a, b) => (a & ID_MASK) - (b & ID_MASK),
    );
  }
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i]!;
    const key = masked ? id & ID_MASK : id;
    let j = i - 1;
    for (; j >= 0; j--) {
      const other = ids[j]!;
      const otherKey = masked ? other & ID_MASK : other;
      if (otherKey < key || (otherKey === key && (!thenById || other <= id))) break;
      ids[j + 1] = other;
    }
    ids[j + 1] = id;
  }
  return ids;
}

/** `sortIds` by `id & ID_MASK` alone, stable: a word written as a name and not keeps its order. */
export function sortByWord(ids: number[]): number[] {
  return sortIds(ids, false, true);
}
