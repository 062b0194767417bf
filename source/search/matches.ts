import { stopIfCounting } from './sentence-words.js';

/**
 * Sentences a term or a query matched, as parallel arrays in ascending key order: each sentence's
 * score (summed over the query's terms so far) and whether a term matched its own text rather
 * than only its article's title. Scores are 32-bit floats, as the sums always were.
 */
export interface Matches {
  length: number;
  keys: Uint32Array;
  scores: Float32Array;
  inText: Uint8Array;
  /** The position of each sentence's article, once looked up (-1: a removed article). */
  owners?: Int32Array;
}

export function emptyMatches(): Matches {
  return {
    length: 0,
    keys: new Uint32Array(0),
    scores: new Float32Array(0),
    inText: new Uint8Array(0),
  };
}

/** One input of a union: a sorted list of keys (or a run of keys) with one score. */
export type Source =
  | { keys: Uint32Array; score: number; inText: boolean }
  | { from: number; to: number; score: number; inText: boolean };

/** Keys per window: the scratch arrays stay small whatever the size of the corpus. */
const WINDOW = 1 << 16;

/**
 * The union of sorted key lists, each key with the best score any list gave it. Lists are merged
 * a window of keys at a time into small dense arrays, so that a query touching millions of
 * sentences costs a pass over its postings, not a sort, and memory does not grow with the corpus.
 */
export function unionOf(sources: readonly Source[]): Matches {
  const live = sources.filter((source) =>
    'keys' in source ? source.keys.length > 0 : source.to > source.from,
  );
  if (live.length === 1 && 'keys' in live[0]! && isStrictlyAscending(live[0].keys)) {
    const only = live[0];
    return {
      length: only.keys.length,
      keys: only.keys,
      scores: new Float32Array(only.keys.length).fill(only.score),
      inText: new Uint8Array(only.keys.length).fill(only.inText ? 1 : 0),
    };
  }
  const cursors = new Uint32Array(live.length);
  const next = (i: number): number => {
    const source = live[i]!;
    const at = cursors[i]!;
    if ('keys' in source) return at < source.keys.length ? source.keys[at]! : Infinity;
    return source.from + at < source.to ? source.from + at : Infinity;
  };
  let total = 0;
  for (const source of live)
    total += 'keys' in source ? source.keys.length : source.to - source.from;
  const out = new Growing(Math.min(total, 1 << 20));
  const scores = new Float32Array(WINDOW);
  const inText = new Uint8Array(WINDOW);
  const touched = new Uint32Array(WINDOW);
  for (;;) {
    let base = Infinity;
    for (let i = 0; i < live.length; i++) base = Math.min(base, next(i));
    if (base === Infinity) break;
    stopIfCounting();
    const end = base + WINDOW;
    let count = 0;
    for (let i = 0; i < live.length; i++) {
      const source = live[i]!;
      const score = source.score;
      const text = source.inText ? 1 : 0;
      if ('keys' in source) {
        const { keys } = source;
        let at = cursors[i]!;
        for (; at < keys.length && keys[at]! < end; at++) {
          const slot = keys[at]! - base;
          if (scores[slot] === 0) {
            touched[count++] = slot;
            scores[slot] = score;
          } else if (score > scores[slot]!) scores[slot] = score;
          inText[slot]! |= text;
        }
        cursors[i] = at;
      } else {
        const stop = Math.min(source.to, end);
        for (let key = source.from + cursors[i]!; key < stop; key++) {
          const slot = key - base;
          if (scores[slot] === 0) {
            touched[count++] = slot;
            scores[slot] = score;
          } else if (score > scores[slot]!) scores[slot] = score;
          inText[slot]! |= text;
        }
        cursors[i] = Math.max(cursors[i]!, stop - source.from);
      }
    }
    const slots = touched.subarray(0, count);
    // Few keys in the window: sort them; many: one sweep finds them in order.
    if (count * 16 < WINDOW) {
      slots.sort();
      for (const slot of slots) {
        out.push(base + slot, scores[slot]!, inText[slot]!);
        scores[slot] = 0;
        inText[slot] = 0;
      }
    } else {
      for (let slot = 0; slot < WINDOW; slot++) {
        if (scores[slot] === 0) continue;
        out.push(base + slot, scores[slot]!, inText[slot]!);
        scores[slot] = 0;
        inText[slot] = 0;
      }
    }
  }
  return out.done();
}

/**
 * `intersect(current, unionOf(sources))`, the same entries and sums. When `current` is short
 * beside the term's lists, the union is not made: each key of `current` is looked for in each
 * list (`lookedUpWithin`). A typo query's second term unioned 11 lists of 28,000 keys (a word
 * and the ten it begins) to keep 8 of them. When `current` is as long as the lists, looking each
 * key up costs more than the one pass of the union, which is then made.
 */
export function withinSources(current: Matches, sources: readonly Source[]): Matches {
  return lookUpCost(current.length, sources) < unionCost(current.length, sources)
    ? lookedUpWithin(current, sources)
    : intersect(current, unionOf(sources));
}

/**
 * Steps of the union: every key of every list (a run is walked key by key) scattered into a
 * window and gathered back, about two steps a key, then the merge with `current`.
 */
function unionCost(length: number, sources: readonly Source[]): number {
  let cost = length;
  for (const source of sources)
    cost += 2 * ('keys' in source ? source.keys.length : source.to - source.from);
  return cost;
}

/**
 * Steps of looking `length` ascending keys up in each list by galloping: about log2 of the gap
 * between two keys' places per key, the gap being the list's length over `length`. A run is one
 * comparison a key.
 */
function lookUpCost(length: number, sources: readonly Source[]): number {
  let cost = 0;
  for (const source of sources) {
    cost +=
      'keys' in source
        ? length * (2 + 2 * Math.log2(1 + source.keys.length / Math.max(1, length)))
        : length;
  }
  return cost;
}

/**
 * `withinSources` by looking each key of `current` up in each list: galloping from where the last
 * key was found (steps of 1, 2, 4, … then a binary search within the last step), so a key costs
 * the log of the distance to the next, not of the list's length. Its best score is added and its
 * text flag joined; keys no source holds are dropped (every source scores above 0, as every
 * term's do). Exported for the test that holds it to the union's answers.
 */
export function lookedUpWithin(current: Matches, sources: readonly Source[]): Matches {
  const cursors = new Uint32Array(sources.length);
  return keepMatches(current, (key, i) => {
    let found = false;
    let best = 0;
    let text = 0;
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s]!;
      if ('keys' in source) {
        const { keys } = source;
        const at = gallop(keys, cursors[s]!, key);
        cursors[s] = at;
        if (at >= keys.length || keys[at] !== key) continue;
      } else if (key < source.from || key >= source.to) continue;
      // As the union keeps them: the best score in 32 bits, the text flag of any.
      const score = Math.fround(source.score);
      if (!found || score > best) best = score;
      found = true;
      if (source.inText) text = 1;
    }
    if (!found) return false;
    current.scores[i]! += best;
    current.inText[i]! |= text;
    return true;
  });
}

/** The first place at or after `from` whose key is not below `key` (`keys.length` if none). */
function gallop(keys: Uint32Array, from: number, key: number): number {
  if (from >= keys.length || keys[from]! >= key) return from;
  // keys[low] < key throughout; the step doubles until it passes a key not below it.
  let low = from;
  let step = 1;
  let high = from + 1;
  while (high < keys.length && keys[high]! < key) {
    low = high;
    step *= 2;
    high = low + step;
  }
  high = Math.min(high, keys.length);
  low++;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function isStrictlyAscending(keys: Uint32Array): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i]! <= keys[i - 1]!) return false;
  return true;
}

/** Keeps the entries that pass, in place; returns the same object, shortened. */
export function keepMatches(matches: Matches, test: (key: number, i: number) => boolean): Matches {
  const { keys, scores, inText, owners } = matches;
  let length = 0;
  for (let i = 0; i < matches.length; i++) {
    if (!test(keys[i]!, i)) continue;
    keys[length] = keys[i]!;
    scores[length] = scores[i]!;
    inText[length] = inText[i]!;
    if (owners) owners[length] = owners[i]!;
    length++;
  }
  matches.length = length;
  return matches;
}

/**
 * The keys of `current` that `other` has too, their scores added and text flags joined: both
 * ascending, so one merge pass.
 */
export function intersect(current: Matches, other: Matches): Matches {
  let j = 0;
  return keepMatches(current, (key, i) => {
    while (j < other.length && other.keys[j]! < key) j++;
    if (j >= other.length || other.keys[j] !== key) return false;
    current.scores[i]! += other.scores[j]!;
    current.inText[i]! |= other.inText[j]!;
    return true;
  });
}

/** Arrays that grow by doubling, for a union whose size is known only at the end. */
class Growing {
  keys: Uint32Array;
  scores: Float32Array;
  inText: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.keys = new Uint32Array(size);
    this.scores = new Float32Array(size);
    this.inText = new Uint8Array(size);
  }

  push(key: number, score: number, text: number): void {
    if (this.length === this.keys.length) {
      const size = this.keys.length * 2;
      const keys = new Uint32Array(size);
      keys.set(this.keys);
      const scores = new Float32Array(size);
      scores.set(this.scores);
      const inText = new Uint8Array(size);
      inText.set(this.inText);
      this.keys = keys;
      this.scores = scores;
      this.inText = inText;
    }
    this.keys[this.length] = key;
    this.scores[this.length] = score;
    this.inText[this.length] = text;
    this.length++;
  }

  done(): Matches {
    return { length: this.length, keys: this.keys, scores: this.scores, inText: this.inText };
  }
}
