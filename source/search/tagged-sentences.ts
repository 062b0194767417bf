import { firstAtLeast } from '../corpus/word-index.js';
import type { SentenceLookup, SentenceTags } from './context-facts.js';

/** The sentences some annotations sit on, as keys of the word index. */
export interface SentenceSet {
  /** Whether the sentence `key` of the article at position `a` is one of them. */
  has(key: number, a: number): boolean;
  /** All of them, ascending. */
  keys(): Uint32Array;
}

/** Sentence ids by article id: all of them, or (`article`) of one article. */
export type TaggedReader = (article?: string) => ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Sentences by article id and sentence id, as a store's index gives them, read and looked up in
 * the word index only where asked: a query's hits are tested article by article, so only the
 * articles with a hit are read (a label is on 70 % of the bench's articles, a word on 15-23 %).
 */
export function sentenceSetOf(
  read: TaggedReader,
  articleId: (a: number) => string,
  lookup: SentenceLookup,
): SentenceSet {
  // Every key, once `keys()` was asked: the candidates of a query of filters alone are then
  // tested against it without looking their articles up again.
  let all: Uint32Array | null = null;
  const resolved = new Map<number, number[] | null>();
  const keysOf = (article: string, sentences: ReadonlySet<string>): number[] => {
    const keys: number[] = [];
    for (const sentence of sentences) {
      const key = lookup(article, sentence);
      if (key !== undefined) keys.push(key);
    }
    return keys;
  };
  return {
    has(key, a) {
      if (all) return holds(all, key);
      let keys = resolved.get(a);
      if (keys === undefined) {
        const id = articleId(a);
        const sentences = read(id).get(id);
        keys = sentences ? keysOf(id, sentences) : null;
        resolved.set(a, keys);
      }
      return keys?.includes(key) ?? false;
    },
    keys() {
      if (all) return all;
      const keys: number[] = [];
      for (const [article, sentences] of read()) {
        for (const key of keysOf(article, sentences)) keys.push(key);
      }
      all = Uint32Array.from(new Set(keys)).sort();
      return all;
    },
  };
}

function holds(sorted: Uint32Array, key: number): boolean {
  return sorted[firstAtLeast(sorted, key)] === key;
}

/**
 * The same from labels and annotators already held per sentence (annotations in memory):
 * `label`, a label on the sentence; `annotator`, a test of the names of who annotated it.
 */
export function sentenceSetFromTags(
  tags: () => SentenceTags,
  where: { label?: string; annotator?: (name: string) => boolean },
): SentenceSet {
  const { label, annotator } = where;
  const passes = (key: number): boolean => {
    const { labels, annotators } = tags();
    if (label !== undefined) return labels.get(key)?.includes(label) ?? false;
    if (annotator) {
      const names = annotators.get(key);
      return names !== undefined && [...names].some(annotator);
    }
    return labels.has(key);
  };
  return {
    has: (key) => passes(key),
    keys: () => Uint32Array.from([...tags().labels.keys()].filter(passes)).sort(),
  };
}
