import type { Article } from '../corpus/types.js';
import { ascii, eachWordSpan, fold, words as foldedWords } from './fold.js';
import { Interner } from './interner.js';

/**
 * The inverted index over every sentence of the corpus. Sentences are numbered in corpus order
 * (article by article) and everything is kept in flat typed arrays: 300,000 sentences cost tens
 * of megabytes, where arrays of objects would cost hundreds and slow every query with GC.
 */
export interface SentenceIndex {
  articles: Article[];
  sentenceCount: number;
  /** Sentences of article `a` are `articleStart[a] .. articleStart[a + 1] - 1`. */
  articleStart: Uint32Array;
  articleOf: Uint32Array;
  /** Distinct folded words in code-unit order (so a prefix is a contiguous range); the index is the word's id. */
  vocabulary: string[];
  wordIds: Map<string, number>;
  /** Sentences containing word `w`, ascending: `postings[postingStart[w] .. postingStart[w + 1] - 1]`. */
  postingStart: Uint32Array;
  postings: Uint32Array;
  /** Each sentence's words in order, as ids, for phrases: `sequence[sequenceStart[s] .. sequenceStart[s + 1] - 1]`. */
  sequenceStart: Uint32Array;
  sequence: Uint32Array;
  /** Articles whose title contains word `w`, ascending. */
  titles: Map<number, Uint32Array>;
  /** Each article's source, folded, with only letters and digits kept ("thenationalnews"). */
  sources: string[];
}

class GrowingArray {
  data = new Uint32Array(1 << 16);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

export function compact(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

export function buildSentenceIndex(articles: Article[]): SentenceIndex {
  const interner = new Interner();
  const byId = interner.words;

  const articleStart = new Uint32Array(articles.length + 1);
  const sequence = new GrowingArray();
  const sequenceStarts = new GrowingArray();
  const titleLists = new Map<number, number[]>();
  let sentenceCount = 0;
  articles.forEach((article, a) => {
    articleStart[a] = sentenceCount;
    for (const sentence of article.sentences) {
      sequenceStarts.push(sequence.length);
      // Plain ASCII is folded by the interner itself; anything else is folded first.
      if (ascii.test(sentence.text)) {
        interner.eachAsciiWord(sentence.text, (id) => sequence.push(id));
      } else {
        const text = fold(sentence.text);
        eachWordSpan(text, (start, end) => sequence.push(interner.id(text, start, end)));
      }
      sentenceCount++;
    }
    if (article.title) {
      for (const word of new Set(foldedWords(article.title))) {
        const id = interner.id(word, 0, word.length);
        const list = titleLists.get(id);
        if (list) list.push(a);
        else titleLists.set(id, [a]);
      }
    }
  });
  articleStart[articles.length] = sentenceCount;
  sequenceStarts.push(sequence.length);
  const sequenceStart = sequenceStarts.done();
  const wordSequence = sequence.done();

  // Renumber words in sorted order so a prefix is one range of ids.
  const order = byId.map((_, id) => id).sort((x, y) => (byId[x]! < byId[y]! ? -1 : 1));
  const renumber = new Uint32Array(byId.length);
  const vocabulary = order.map((old, id) => {
    renumber[old] = id;
    return byId[old]!;
  });
  for (let i = 0; i < wordSequence.length; i++) wordSequence[i] = renumber[wordSequence[i]!]!;
  const wordIds = new Map<string, number>();
  vocabulary.forEach((word, id) => {
    wordIds.set(word, id);
  });

  const articleOf = new Uint32Array(sentenceCount);
  for (let a = 0; a < articles.length; a++)
    articleOf.fill(a, articleStart[a]!, articleStart[a + 1]!);

  // Two passes over the sequences: count each word once per sentence, then fill in place.
  const lastSeen = new Int32Array(vocabulary.length).fill(-1);
  const counts = new Uint32Array(vocabulary.length + 1);
  for (let s = 0; s < sentenceCount; s++) {
    for (let i = sequenceStart[s]!; i < sequenceStart[s + 1]!; i++) {
      const word = wordSequence[i]!;
      if (lastSeen[word] !== s) {
        lastSeen[word] = s;
        counts[word + 1]!++;
      }
    }
  }
  const postingStart = new Uint32Array(vocabulary.length + 1);
  for (let w = 0; w < vocabulary.length; w++)
    postingStart[w + 1] = postingStart[w]! + counts[w + 1]!;
  const postings = new Uint32Array(postingStart[vocabulary.length]!);
  const fill = postingStart.slice(0, vocabulary.length);
  lastSeen.fill(-1);
  for (let s = 0; s < sentenceCount; s++) {
    for (let i = sequenceStart[s]!; i < sequenceStart[s + 1]!; i++) {
      const word = wordSequence[i]!;
      if (lastSeen[word] !== s) {
        lastSeen[word] = s;
        postings[fill[word]!++] = s;
      }
    }
  }

  const titles = new Map<number, Uint32Array>();
  for (const [old, list] of titleLists) titles.set(renumber[old]!, Uint32Array.from(list));

  return {
    articles,
    sentenceCount,
    articleStart,
    articleOf,
    vocabulary,
    wordIds,
    postingStart,
    postings,
    sequenceStart,
    sequence: wordSequence,
    titles,
    sources: articles.map((article) => (article.source ? compact(article.source) : '')),
  };
}

/** The ids of words starting with `prefix` (the word itself included when present). */
export function prefixRange(index: SentenceIndex, prefix: string): [number, number] {
  const { vocabulary } = index;
  let low = 0;
  let high = vocabulary.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (vocabulary[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < vocabulary.length && vocabulary[end]!.startsWith(prefix)) end++;
  return [low, end];
}
