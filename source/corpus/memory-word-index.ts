import { compact, sentenceWords, words } from '../text/fold.js';
import { lowerBound } from '../text/lower-bound.js';
import { changedVariantKey } from '../text/variants.js';
import type { Article, Sentence } from './types.js';
import type { IndexedArticles, WordIndex } from './word-index.js';

/**
 * A word index over articles in memory, in the order given (corpus order): for tests and small
 * inputs. Sentence keys count from 0 through the articles in order.
 */
export function memoryWordIndex(list: readonly Article[]): WordIndex {
  const postingLists = new Map<string, number[]>();
  const titleLists = new Map<string, number[]>();
  const perArticle: string[][][] = [];
  const titles: string[][] = [];
  const firsts = new Uint32Array(list.length);
  const counts = new Uint32Array(list.length);
  const sources = [''];
  const sourceNumbers = new Map<string, number>([['', 0]]);
  const sourceOf = new Uint32Array(list.length);
  const keys = new Map<string, number>();
  let key = 0;
  list.forEach((article, a) => {
    firsts[a] = key;
    counts[a] = article.sentences.length;
    const own = article.sentences.map((sentence) => sentenceWords(sentence.text));
    perArticle.push(own);
    for (const sentenceList of own) {
      for (const word of new Set(sentenceList)) {
        const found = postingLists.get(word);
        if (found) found.push(key);
        else postingLists.set(word, [key]);
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
  const vocabulary = [...new Set([...postingLists.keys(), ...titleLists.keys()])].sort((x, y) =>
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
  const frequency = (word: string) =>
    postingLists.get(word)?.length ?? (titleLists.has(word) ? 0 : undefined);
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
      const found = postingLists.get(word);
      return found ? Uint32Array.from(found) : empty;
    },
    titled: (word) => {
      const found = titleLists.get(word);
      return found ? Uint32Array.from(found) : empty;
    },
    sentenceWords: (a) => perArticle[a]!,
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
