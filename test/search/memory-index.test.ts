import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DiskCorpusIndex } from '../../source/corpus/db/disk-index.js';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { memoryWordIndex } from '../../source/corpus/memory-word-index.js';
import type { Article } from '../../source/corpus/types.js';
import { buildSearchEngine, placedFacts, searchEngine } from '../../source/search/index.js';
import { sentenceWords, words } from '../../source/text/fold.js';
import { seedArticles } from './articles.js';

const SEEDS = join(import.meta.dirname, '../../seeds');
const wordsIn = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

let articles: Article[];
let cacheDir: string;
let disk: DiskCorpusIndex;

beforeAll(async () => {
  articles = await seedArticles();
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-memory-index-'));
  disk = (await openCorpusIndex(SEEDS, { cacheDir })).index;
});

afterAll(async () => {
  disk.close();
  await rm(cacheDir, { recursive: true, force: true });
});

/** Queries of every kind the search bench makes, from the seeds' own words. */
function queries(): string[] {
  const out = [
    'Witkov',
    'Witkoff Putin',
    'Zelensky',
    'Zelesnky ceasefire',
    '"cautiously optimistic"',
    '"said on',
    'Kremlin -Putin',
    'talks',
    'minister said',
  ];
  for (const name of ['Peskov', 'Witkoff Moscow']) {
    for (let end = 2; end <= name.length; end++) out.push(name.slice(0, end));
  }
  // A rare and a common word of every third sentence, and its first five words as a phrase.
  const sentences = articles.flatMap((article) => article.sentences);
  for (let s = 0; s < sentences.length; s += 3) {
    const own = wordsIn(sentences[s]!.text);
    if (own.length < 5) continue;
    const longest = [...own].sort((x, y) => y.length - x.length)[0]!;
    out.push(`${longest} ${own[1]}`, `"${own.slice(0, 5).join(' ')}"`);
  }
  return out;
}

describe('the search index of articles in memory', () => {
  it('answers the seeds as the corpus index on disk does, for queries of every kind', () => {
    const memory = buildSearchEngine(articles);
    const onDisk = searchEngine(disk.words);
    const asked = queries();
    expect(asked.length).toBeGreaterThan(60);
    for (const query of asked) {
      for (const limit of [3, 50]) {
        const expected = onDisk.search(query, placedFacts([]), { limit });
        expect(memory.search(query, placedFacts([]), { limit }), query).toEqual(expected);
      }
    }
  });

  it('holds each sentence’s words in order, and each word’s sentences, as the articles say', () => {
    const index = memoryWordIndex(articles);
    const lists = new Map<string, number[]>();
    let key = 0;
    articles.forEach((article, a) => {
      const own = article.sentences.map((sentence) => sentenceWords(sentence.text));
      expect(index.sentenceWords(a)).toEqual(own);
      own.forEach((sentence, s) => {
        expect(index.oneSentenceWords?.(a, s)).toEqual(sentence);
        for (const word of new Set(sentence)) lists.set(word, [...(lists.get(word) ?? []), key]);
        key++;
      });
      expect(index.titleWords(a)).toEqual(words(article.title ?? ''));
    });
    expect(lists.size).toBeGreaterThan(500);
    for (const [word, keys] of lists) {
      expect([...index.postings(word)], word).toEqual(keys);
      expect(index.frequency(word)).toBe(keys.length);
    }
    expect(index.postings('nowordlikethis')).toEqual(new Uint32Array(0));
    expect(index.frequency('nowordlikethis')).toBeUndefined();
  });

  it('tests a sentence alone, without reading the rest of its article', () => {
    // A phrase is looked for in each sentence holding its words: hundreds of articles at scale.
    const index = memoryWordIndex(articles);
    const whole = vi.spyOn(index, 'sentenceWords');
    const one = vi.spyOn(index, 'oneSentenceWords' as never);
    const hits = searchEngine(index).search('"cautiously optimistic"', placedFacts([]), {
      limit: 50,
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(one).toHaveBeenCalled();
    expect(whole).not.toHaveBeenCalled();
  });
});
