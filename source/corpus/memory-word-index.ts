import { compact, sentenceWords, words } from '../text/fold.js';
import { lowerBound } from '../text/lower-bound.js';
import { changedVariantKey } from '../text/variants.js';
import type { Article, Sentence } from './types.js';
import type { IndexedArticles, WordIndex } from './word-index.js';

/**
 * A word index over articles in memory, in the order given (corpus order): for tests, small
 * inputs and the review without a cache folder. Sentence keys count from 0 through the articles
 * in order. Words are numbered as they are first met: every sentence is kept as its words'
 * numbers in one typed array, and every word's sentence keys in another, counted and then filled
 * in place. Kept as strings, a list per sentence and a growing list per word (2026-12-02 to
 * 12-06), the index of 10,000 articles held 293 MB and took 2.7 s to build, most of it spent
 * collecting the strings.
 */
export function memoryWordIndex(list: readonly Article[]): WordIndex {
  const titleLists = new Map<string, number[]>();
  const titles: string[][] = [];
  const firsts = new Uint32Array(list.length);
  const counts = new Uint32Array(list.length);
  const sources = [''];
  const sourceNumbers = new Map<string, number>([['', 0]]);
  const sourceOf = new Uint32Array(list.length);
  const keys = new Map<string, number>();
  let sentenceCount = 0;
  for (const article of list) sentenceCount += article.sentences.length;
  const ids = new Map<string, number>();
  const wordOf: string[] = [];
  /** Where each sentence's word numbers begin in `tokens`; the last entry is where they end. */
  const starts = new Uint32Array(sentenceCount + 1);
  let tokens = new Uint32Array(1024);
  let tokenCount = 0;
  /** How many sentences hold each word, and the last sentence counted for it. */
  let held = new Uint32Array(1024);
  let lastKey = new Int32Array(1024).fill(-1);
  let key = 0;
  list.forEach((article, a) => {
    firsts[a] = key;
    counts[a] = article.sentences.length;
    for (const sentence of article.sentences) {
      starts[key] = tokenCount;
      const own = sentenceWords(sentence.text);
      if (tokenCount + own.length > tokens.length) tokens = grown(tokens, tokenCount + own.length);
      for (const word of own) {
        let id = ids.get(word);
        if (id === undefined) {
          id = wordOf.length;
          ids.set(word, id);
          wordOf.push(word);
          if (id === held.length) {
            held = grown(held, id + 1);
            lastKey = grown(lastKey, id + 1, -1);
          }
        }
        tokens[tokenCount++] = id;
        if (lastKey[id] !== key) {
          lastKey[id] = key;
          held[id]!++;
        }
      }
      key++;
    }
    const title = words(article.title ?? '');
    titles.push(title);
    for (const word of new Set(title)) {
      const found = titleLists.get(word);
      if (found) found.push(a);
      else titleLists.set(word, [a]);
    }
    const source = article.source ? compact(article.source) : '';
    let number = sourceNumbers.get(source);
    if (number === undefined) {
      number = sources.length;
      sources.push(source);
      sourceNumbers.set(source, number);
    }
    sourceOf[a] = number;
    keys.set(article.id, a);
  });
  starts[key] = tokenCount;
  tokens = tokens.slice(0, tokenCount);
  // Each word's sentence keys, ascending, at `listStarts[id]` to `listStarts[id + 1]`.
  const listStarts = new Uint32Array(wordOf.length + 1);
  for (let id = 0; id < wordOf.length; id++) listStarts[id + 1] = listStarts[id]! + held[id]!;
  const lists = new Uint32Array(listStarts[wordOf.length]!);
  const filled = listStarts.slice(0, wordOf.length);
  for (let k = 0; k < key; k++) {
    for (let t = starts[k]!; t < starts[k + 1]!; t++) {
      const id = tokens[t]!;
      // A word twice in a sentence: its key is already the last one written.
      if (filled[id]! > listStarts[id]! && lists[filled[id]! - 1] === k) continue;
      lists[filled[id]!++] = k;
    }
  }
  const vocabulary = [...new Set([...wordOf, ...titleLists.keys()])].sort((x, y) =>
    x < y ? -1 : 1,
  );
  const buckets = new Map<string, string[]>();
  const variants = new Map<string, string[]>();
  for (const word of vocabulary) {
    const bucket = `${word.charCodeAt(0)}:${word.length}`;
    const same = buckets.get(bucket);
    if (same) same.push(word);
    else buckets.set(bucket, [word]);
    const variant = changedVariantKey(word);
    if (variant !== null) {
      const found = variants.get(variant);
      if (found) found.push(word);
      else variants.set(variant, [word]);
    }
  }
  const numbers = Uint32Array.from(list, (_, a) => a);
  const articles: IndexedArticles = {
    length: list.length,
    firsts,
    counts,
    ords: numbers,
    numbers,
    sourceOf,
    sources,
    ordered: true,
    keyLimit: key,
  };
  const frequency = (word: string) => {
    const id = ids.get(word);
    if (id !== undefined) return listStarts[id + 1]! - listStarts[id]!;
    return titleLists.has(word) ? 0 : undefined;
  };
  /** The words of the sentence `key`, from their numbers. */
  const wordsAt = (key: number): string[] => {
    const out: string[] = [];
    for (let t = starts[key]!; t < starts[key + 1]!; t++) out.push(wordOf[tokens[t]!]!);
    return out;
  };
  const empty = new Uint32Array(0);
  return {
    articleTable: () => articles,
    frequency,
    prefixed(prefix) {
      const low = lowerBound(0, vocabulary.length, (at) => vocabulary[at]! >= prefix);
      const out: Array<[string, number]> = [];
      for (let i = low; i < vocabulary.length && vocabulary[i]!.startsWith(prefix); i++) {
        out.push([vocabulary[i]!, frequency(vocabulary[i]!)!]);
      }
      return out;
    },
    variants: (variant) => variants.get(variant) ?? [],
    bucket: (first, length) => buckets.get(`${first}:${length}`) ?? [],
    postings: (word) => {
      const id = ids.get(word);
      return id === undefined ? empty : lists.slice(listStarts[id]!, listStarts[id + 1]!);
    },
    titled: (word) => {
      const found = titleLists.get(word);
      return found ? Uint32Array.from(found) : empty;
    },
    sentenceWords: (a) => Array.from({ length: counts[a]! }, (_, i) => wordsAt(firsts[a]! + i)),
    oneSentenceWords: (a, index) => (index < counts[a]! ? wordsAt(firsts[a]! + index) : []),
    titleWords: (a) => titles[a]!,
    articleId: (a) => list[a]!.id,
    sentence: (a, index): Sentence => list[a]!.sentences[index]!,
    consistent: (read) => read(),
    locate(article, sentence) {
      const a = keys.get(article);
      if (a === undefined) return undefined;
      const index = list[a]!.sentences.findIndex((own) => own.id === sentence);
      return index < 0 ? undefined : firsts[a]! + index;
    },
  };
}

/** A typed array of at least `length` entries (twice as many as before), holding `array`'s. */
function grown<T extends Uint32Array | Int32Array>(array: T, length: number, fill = 0): T {
  const size = Math.max(length, array.length * 2);
  const out = new (array.constructor as new (size: number) => T)(size);
  if (fill !== 0) out.fill(fill, array.length);
  out.set(array);
  return out;
}
