import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { placedFacts, searchEngine } from '../../source/search/index.js';
import { GOOD_ARTICLE } from '../corpus/temp-corpus.js';
import { indexedElsewhere } from '../helpers/indexed-elsewhere.js';

// Reviews started at the same moment on one cache: one indexes the corpus, the others open the
// index it is writing. Each must find what the index holds once it is written (verify52 #2).

const { corpus, cacheDir, openIndex, writeSettled, otherHolds } = indexedElsewhere(
  'margin-indexed-elsewhere-',
);

/** Each hit as its article's file and its sentence's text. */
function shown(hits: Array<{ article: string; text: string }>): string[] {
  return hits.map((hit) => `${hit.article.slice(0, 1)}: ${hit.text}`);
}

describe('search on an index another margin writes', () => {
  it('finds what the other wrote after a search that found nothing', async () => {
    await writeSettled('a.txt', GOOD_ARTICLE);
    // This review opened the index before the other wrote a word of it, and searched.
    const mine = await openIndex('none');
    const engine = searchEngine(mine.words);
    expect(engine.search('Geneva', placedFacts([]))).toEqual([]);

    // The other margin indexes the corpus.
    const other = await openIndex();
    other.close();

    const hits = engine.search('Geneva', placedFacts([]));
    expect(hits.length).toBeGreaterThan(0);
    expect(shown(hits).every((line) => line.startsWith('a: ') && line.includes('Geneva'))).toBe(
      true,
    );
    expect(engine.count('Geneva', placedFacts([]))).toBe(hits.length);
    mine.close();
  });

  it('shows the sentences of articles the other read again, not blank rows', async () => {
    await writeSettled('a.txt', GOOD_ARTICLE);
    const first = await openIndex();
    first.close();
    const mine = await openIndex('none');
    const engine = searchEngine(mine.words);
    expect(engine.search('Geneva', placedFacts([])).length).toBeGreaterThan(0);

    // The other margin reads a.txt again, now about Vienna, and adds b.txt.
    await writeSettled('a.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Vienna'));
    await writeSettled('b.txt', GOOD_ARTICLE);
    const other = await openIndex('full');
    other.close();

    const vienna = shown(engine.search('Vienna', placedFacts([])));
    expect(vienna.length).toBeGreaterThan(0);
    expect(vienna.every((line) => line.startsWith('a: ') && line.includes('Vienna'))).toBe(true);
    const geneva = shown(engine.search('Geneva', placedFacts([])));
    expect(geneva.length).toBeGreaterThan(0);
    expect(geneva.every((line) => line.startsWith('b: ') && line.includes('Geneva'))).toBe(true);
    mine.close();
  });
});

describe('search on a handle another reader brought up to date', () => {
  // The review's list takes in another margin's articles through the same handle search reads
  // (`catchUp` there): search must not keep a word it looked up before as found nowhere.
  it('finds the words of the new articles it had looked up before', async () => {
    await writeSettled('a.txt', GOOD_ARTICLE);
    const first = await openIndex();
    first.close();
    const mine = await openIndex('none');
    const engine = searchEngine(mine.words);
    expect(engine.search('Vienna', placedFacts([]))).toEqual([]);

    await writeSettled('b.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Vienna'));
    const other = await openIndex('full');
    other.close();
    // The list's reader of the same handle reads the new table first.
    expect(mine.catchUp()).toBe(true);

    const hits = shown(engine.search('Vienna', placedFacts([])));
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((line) => line.startsWith('b: ') && line.includes('Vienna'))).toBe(true);
    mine.close();
  });
});

describe('a first read while another margin indexes the corpus', () => {
  it('waits for it and reads every article it wrote', async () => {
    await writeSettled('a.txt', GOOD_ARTICLE);
    await writeSettled('b.txt', GOOD_ARTICLE.replaceAll('Geneva', 'Vienna'));
    // Another margin holds the refresh of an index it has not written yet.
    const held = await otherHolds();

    // Once the read waits for it, the other writes the index and lets go.
    let waited = false;
    const load = loadCorpus(corpus.root(), {
      cacheDir: cacheDir(),
      lazy: true,
      onWaiting: () => {
        waited = true;
        held.release();
      },
    });
    const loaded = await load;
    held.close();
    expect(waited).toBe(true);
    expect(loaded.articles.map((article) => article.title).sort()).toEqual([
      'Talks resume in Geneva',
      'Talks resume in Vienna',
    ]);
    const hits = searchEngine(loaded.words!).search('Vienna', placedFacts([]));
    expect(shown(hits).some((line) => line.startsWith('b: '))).toBe(true);
    await loaded.close?.();
  });
});
