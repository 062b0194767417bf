import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indexFile, openCorpusIndex } from '../../source/corpus/db/open.js';
import { openSqlite } from '../../source/corpus/db/sqlite.js';
import { loadCorpus } from '../../source/corpus/index.js';
import {
  buildSearchEngine,
  placedFacts,
  SearchStopped,
  searchEngine,
  searchMemo,
} from '../../source/search/index.js';
import { tempCorpus } from '../corpus/temp-corpus.js';

const corpus = tempCorpus();
let cacheDir: string;

const article = (n: number) =>
  `Talks in town ${n}\n\nThe talks went on for a second day in town ${n}. ` +
  `Officials said the second day of talks ended late. Nothing else happened on day ${n}.\n`;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-search-index-'));
});

afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

/**
 * Writes a file whose time is a minute old: one written in the last 1.5 s is read again by the
 * next look at its folder (its time cannot be trusted yet), which adds to that look's segment.
 */
async function writeSettled(name: string, content: string): Promise<void> {
  const path = await corpus.write(name, content);
  const past = new Date(Date.now() - 60_000);
  await utimes(path, past, past);
}

/** 100 articles of 8 sentences each, `sentence(n, k)` the k-th of article n. */
async function writeTowns(sentence: (n: number, k: number) => string): Promise<void> {
  for (let n = 0; n < 100; n++) {
    const text = Array.from({ length: 8 }, (_, k) => sentence(n, k)).join(' ');
    await writeSettled(`a${String(n).padStart(3, '0')}.txt`, `Town ${n}\n\n${text}\n`);
  }
}

/** How many segments of posting lists the corpus's index holds. */
function segmentCount(): number {
  const db = openSqlite(indexFile(cacheDir, corpus.root()), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM segments').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Hits as a person reads them: article, sentence, score. */
const shown = (hits: ReturnType<ReturnType<typeof searchEngine>['search']>) =>
  hits.map((hit) => `${hit.article} ${hit.sentence} ${hit.score.toFixed(3)}`);

describe('search on the corpus index', () => {
  it('finds the same first hits as over the articles read afresh, across refreshes and removals', async () => {
    // Each refresh writes its own segment of posting lists, the second one smaller so that the
    // two stay apart (segments.ts); the removed articles leave keys behind in the first one.
    for (let n = 10; n < 20; n++) await corpus.write(`a${n}.txt`, article(n));
    await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
    for (let n = 20; n < 25; n++) await corpus.write(`b${n}.txt`, article(n));
    await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
    for (const n of [10, 11, 13]) await rm(join(corpus.root(), `a${n}.txt`));
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    expect(segmentCount()).toBe(2);
    const fresh = await loadCorpus(corpus.root(), { cacheDir: null });
    const memory = buildSearchEngine(fresh.articles);
    const disk = searchEngine(index.words);
    try {
      const queries = ['talks', 'second day', '"second day"', 'talks officials', 'town'];
      // Phrases whose last word is still being typed, in the text and in titles.
      queries.push('"the second day of tal"', '"talks in tow"');
      for (const query of queries) {
        for (const limit of [1, 3, 7, 40]) {
          const expected = shown(memory.search(query, placedFacts([]), { limit }));
          expect(expected.length, `${query} (${limit})`).toBeGreaterThan(0);
          expect(
            shown(disk.search(query, placedFacts([]), { limit })),
            `${query} (${limit})`,
          ).toEqual(expected);
        }
      }
      // The removed articles are nowhere.
      const all = disk.search('talks', placedFacts([]), { limit: 1000 });
      expect(all.some((hit) => ['a10', 'a11', 'a13'].includes(hit.article))).toBe(false);
      expect(new Set(all.map((hit) => hit.article)).size).toBe(12);
      const begun = disk.search('"the second day of tal"', placedFacts([]), { limit: 1000 });
      expect(begun.map((hit) => hit.text)).toEqual(
        Array(12).fill('Officials said the second day of talks ended late.'),
      );
      const titled = disk.search('"talks in tow"', placedFacts([]), { limit: 1000 });
      expect(new Set(titled.map((hit) => hit.article)).size).toBe(12);
    } finally {
      index.close();
    }
  });

  it('reads the words a prefix begins together as it reads each alone, across segments', async () => {
    // Three refreshes, three segments of posting lists, each holding some of the words.
    for (let n = 10; n < 20; n++) await writeSettled(`a${n}.txt`, article(n));
    await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
    for (let n = 20; n < 30; n++)
      await writeSettled(`b${n}.txt`, `Talked to ${n}.\n\nTalk, talker, tall.\n`);
    await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
    await writeSettled('c.txt', 'Talks\n\nThe talks and the talkers talked in town 31 and 310.\n');
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    expect(segmentCount()).toBe(3);
    const words = index.words;
    try {
      for (const prefix of ['t', 'ta', 'tal', 'talk', 'talks', '31', 'zz']) {
        const together = words.prefixedPostings!(prefix);
        const alone = new Map(
          words
            .prefixed(prefix)
            .map(([word]) => [word, words.postings(word)] as const)
            .filter(([, keys]) => keys.length > 0),
        );
        expect(together, prefix).toEqual(alone);
      }
      expect(words.prefixedPostings!('talk').size).toBeGreaterThan(3);
    } finally {
      index.close();
    }
  });

  it('reads the segments as they are when another index merged them after it opened', async () => {
    // A review keeps its index open while `margin index` (another process) adds articles and
    // merges every segment into one: the segments it knew are gone.
    for (let n = 10; n < 20; n++) await writeSettled(`a${n}.txt`, article(n));
    await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
    for (let n = 20; n < 24; n++) await writeSettled(`b${n}.txt`, article(n));
    const { index: open } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      expect(segmentCount()).toBe(2);
      const queries = ['talks', 'second day', 'tow', '"second day"', '"talks in tow"'];
      const engine = searchEngine(open.words);
      const search = (query: string) =>
        engine
          .search(query, placedFacts([]), { limit: 1000 })
          .map((hit) => `${hit.article} ${hit.sentence}`);
      const before = queries.map(search);
      expect(new Set(before[0]!.map((hit) => hit.split(' ')[0])).size).toBe(14);
      for (let n = 30; n < 40; n++) await writeSettled(`c${n}.txt`, article(n));
      await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
      expect(segmentCount()).toBe(1);
      // It finds what the other wrote: every hit it found before, and the new articles' too (a
      // table kept from before found nothing, or blank rows, once the other renumbered articles:
      // verify52 #2).
      const after = queries.map(search);
      for (const [i, hits] of before.entries()) {
        expect(after[i]).toEqual(expect.arrayContaining(hits));
      }
      expect(new Set(after[0]!.map((hit) => hit.split(' ')[0])).size).toBe(24);
    } finally {
      open.close();
    }
  });

  it('reads the number of an article alone as in its column, and the column once it read many', async () => {
    await writeTowns((n, k) => `Day ${k} in town ${n}.`);
    await (await openCorpusIndex(corpus.root(), { cacheDir })).index.close();
    const { index: one } = await openCorpusIndex(corpus.root(), { cacheDir });
    const { index: other } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      const numbers = [...other.articleTable().numbers];
      expect(numbers).toHaveLength(100);
      const table = one.articleTable();
      const read = numbers.map((_, a) => table.numberAt(a));
      expect(read).toEqual(numbers);
      expect(table.numberAt(-1)).toBeUndefined();
      expect(table.numberAt(100)).toBeUndefined();
    } finally {
      one.close();
      other.close();
    }
  });

  it('locates every sentence by its id as the articles number them, repeats and strangers too', async () => {
    // A sentence said twice in an article has an id with a suffix (s1234abcd-2): the lookup
    // must not take one id for another it begins.
    await writeTowns((n, k) => (k % 3 === 0 ? 'The talks went on.' : `Day ${k} in town ${n}.`));
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    const fresh = await loadCorpus(corpus.root(), { cacheDir: null });
    try {
      const words = index.words;
      const table = words.articleTable();
      const found: number[] = [];
      for (const article of fresh.articles) {
        expect(article.sentences.filter((s) => s.id.includes('-'))).toHaveLength(2);
        for (const sentence of article.sentences) {
          const key = words.locate(article.id, sentence.id);
          expect(key, `${article.id} ${sentence.id}`).toBeDefined();
          const a = table.firsts.findIndex(
            (first, at) => key! >= first && key! < first + table.counts[at]!,
          );
          expect(words.articleId(a)).toBe(article.id);
          expect(words.sentence(a, key! - table.firsts[a]!).id).toBe(sentence.id);
          found.push(key!);
        }
        const first = article.sentences[0]!.id;
        for (const stranger of ['', first.slice(0, 5), `${first}-9`, 'a b']) {
          expect(words.locate(article.id, stranger)).toBeUndefined();
        }
      }
      expect(new Set(found).size).toBe(800);
      expect(words.locate('no-such-article', fresh.articles[0]!.sentences[0]!.id)).toBeUndefined();
    } finally {
      index.close();
    }
  });

  it('ranks misspelled and begun words as the whole search does, at every limit', async () => {
    for (let n = 10; n < 40; n++) await corpus.write(`a${n}.txt`, article(n));
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    const disk = searchEngine(index.words);
    const search = (query: string, limit: number, facts = placedFacts([])) =>
      shown(disk.search(query, facts, { limit }));
    try {
      for (const query of ['talkz', 'oficials', 'secon', 'talks offic', 'oficials sai', 'happe']) {
        // More hits than there are: every sentence is looked at and ranked.
        const whole = search(query, 1000);
        expect(whole.length, query).toBeGreaterThan(7);
        for (const limit of [1, 3, 7])
          expect(search(query, limit), query).toEqual(whole.slice(0, limit));
      }
      // A note holding the word as typed outranks every near spelling in the text.
      const last = index.articleAt(index.size() - 1)!;
      const noted = last.sentences[2]!;
      const facts = {
        version: 1,
        sentences: () => [],
        texts: () => [{ article: last.id, sentence: noted.id, text: 'see talkz' }],
        status: () => 'unreviewed' as const,
        annotators: () => [],
      };
      expect(search('talkz', 3, facts)[0]).toMatch(new RegExp(`^${last.id} ${noted.id} `));
    } finally {
      index.close();
    }
  });

  it('finds a phrase of common words by reading the first sentences with both, not all of them', async () => {
    // 800 sentences hold "said" and "the"; two of them, in articles 8 and 19, say "said the".
    await writeTowns((n, k) =>
      (n === 8 || n === 19) && k === 3
        ? `Officials said the vote in town ${n} was fair.`
        : `The minister of town ${n} said that item ${k} was late.`,
    );
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    const fresh = await loadCorpus(corpus.root(), { cacheDir: null });
    try {
      const read = vi.spyOn(index, 'oneSentenceWords');
      const hits = searchEngine(index.words).search('"said the"', placedFacts([]), { limit: 2 });
      const expected = buildSearchEngine(fresh.articles).search('"said the"', placedFacts([]), {
        limit: 2,
      });
      expect(shown(hits)).toEqual(shown(expected));
      expect(hits.map((hit) => hit.text)).toEqual([
        'Officials said the vote in town 8 was fair.',
        'Officials said the vote in town 19 was fair.',
      ]);
      // Up to the second hit: some 150 sentences, where reading every candidate is 800.
      expect(read.mock.calls.length).toBeLessThan(400);
    } finally {
      index.close();
    }
  });

  it('reads a phrase still being typed only as far as its first hits of each kind', async () => {
    // "said the vote": 2 sentences; "said the votes" and "said the voters": 200 more.
    await writeTowns((n, k) =>
      (n === 60 || n === 70) && k === 3
        ? `Officials said the vote in town ${n} was fair.`
        : k === 5
          ? `Officials said the votes in town ${n} were counted.`
          : k === 6
            ? `Observers said the voters of town ${n} waited.`
            : `The minister of town ${n} said that item ${k} was late.`,
    );
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      const engine = searchEngine(index.words);
      const all = engine.search('"said the vote', placedFacts([]), { limit: 1000 });
      expect(all).toHaveLength(202);
      const read = vi.spyOn(index, 'oneSentenceWords');
      const first = engine.search('"said the vote', placedFacts([]), { limit: 5 });
      // The whole word first, then those it begins, each in corpus order: as reading them all.
      expect(shown(first)).toEqual(shown(all.slice(0, 5)));
      expect(first.map((hit) => hit.text)).toEqual([
        'Officials said the vote in town 60 was fair.',
        'Officials said the vote in town 70 was fair.',
        'Officials said the votes in town 0 were counted.',
        'Observers said the voters of town 0 waited.',
        'Officials said the votes in town 1 were counted.',
      ]);
      // The two with "vote", then the first few of the 200 others, where all are 202.
      expect(read.mock.calls.length).toBeLessThan(40);
    } finally {
      index.close();
    }
  });
  it('reads each sentence once for a phrase alone that is rarer than the limit', async () => {
    // All 800 sentences hold "it" and "is"; two, in articles 90 and 95, say "it is".
    await writeTowns((n, k) =>
      (n === 90 || n === 95) && k === 3
        ? `Officials said it is late in town ${n}.`
        : `It was said that item ${k} is late in town ${n}.`,
    );
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      const read = vi.spyOn(index, 'oneSentenceWords');
      const hits = searchEngine(index.words).search('"it is"', placedFacts([]), { limit: 5 });
      expect(hits.map((hit) => hit.text)).toEqual([
        'Officials said it is late in town 90.',
        'Officials said it is late in town 95.',
      ]);
      // Fewer hits than asked for: every candidate is read, but once (a shortcut that gave up
      // and a search that read them all again made 1,000 reads).
      expect(read.mock.calls.length).toBeLessThanOrEqual(800);
    } finally {
      index.close();
    }
  });
  it('reads a phrase in sentences alone, making whole only the articles of its hits', async () => {
    // All 800 sentences hold "it" and "is"; two, in articles 90 and 95, say "it is".
    await writeTowns((n, k) =>
      (n === 90 || n === 95) && k === 3
        ? `Officials said it is late in town ${n}.`
        : `It was said that item ${k} is late in town ${n}.`,
    );
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      const whole = vi.spyOn(index as unknown as { byNumber(n: number): unknown }, 'byNumber');
      const engine = searchEngine(index.words);
      const hits = engine.search('"it is"', placedFacts([]), { limit: 5 });
      expect(hits.map((hit) => hit.text)).toEqual([
        'Officials said it is late in town 90.',
        'Officials said it is late in town 95.',
      ]);
      // Reading each article whole for its sentences with both words was most of the 7.6 s of
      // CPU `"it is"` took at 100,000 articles: now only the hits' own, for their text.
      expect(whole.mock.calls.length).toBeLessThanOrEqual(2);
      // Read in turns of one sentence (the review after Enter): the same hits.
      const memo = searchMemo();
      let turns = 0;
      for (;;) {
        let asked = 0;
        try {
          const again = engine.search('"it is"', placedFacts([]), {
            limit: 5,
            memo,
            giveUp: () => ++asked > 1,
          });
          expect(shown(again)).toEqual(shown(hits));
          break;
        } catch (error) {
          if (!(error instanceof SearchStopped)) throw error;
          turns++;
          expect(turns).toBeLessThanOrEqual(800);
        }
      }
      expect(turns).toBeGreaterThan(700);
    } finally {
      index.close();
    }
  });
  it('ends a search read in turns while articles arrive, with them and without those removed', async () => {
    // All 800 sentences hold "it" and "is"; two, in articles 90 and 95, say "it is".
    await writeTowns((n, k) =>
      (n === 90 || n === 95) && k === 3
        ? `Officials said it is late in town ${n}.`
        : `It was said that item ${k} is late in town ${n}.`,
    );
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      const engine = searchEngine(index.words);
      const memo = searchMemo();
      const states = new Set<string | undefined>();
      let turns = 0;
      let hits: ReturnType<typeof engine.search> | null = null;
      // Each turn reads 40 sentences; between two turns an article arrives (every other one
      // saying "it is") and the index takes it in, as the review's look at the folder does, and
      // one of the first hits' articles goes. Begun again at each move, the read never ends.
      while (hits === null) {
        let asked = 0;
        try {
          hits = engine.search('"it is"', placedFacts([]), {
            limit: 50,
            memo,
            giveUp: () => ++asked > 40,
          });
        } catch (error) {
          if (!(error instanceof SearchStopped)) throw error;
          turns++;
          expect(turns).toBeLessThanOrEqual(60);
          const n = 100 + turns;
          await writeSettled(
            `c${n}.txt`,
            `Town ${n}\n\nIt was said that item 1 is late in town ${n}. ${
              n % 2 === 0 ? `Officials said it is late in town ${n}.` : `Item ${n} is late.`
            }\n`,
          );
          if (turns === 10) await rm(join(corpus.root(), 'a090.txt'));
          await index.refresh('quick');
          states.add(index.words.readAt);
        }
      }
      // The index moved under it at every turn.
      expect(turns).toBeGreaterThanOrEqual(20);
      expect(states.size).toBe(turns);
      // The answer of a search over the index as it stands, arrivals included, the removed not.
      const whole = searchEngine(index.words).search('"it is"', placedFacts([]), { limit: 50 });
      expect(shown(hits)).toEqual(shown(whole));
      const texts = hits.map((hit) => hit.text);
      expect(texts).toContain('Officials said it is late in town 95.');
      expect(texts).not.toContain('Officials said it is late in town 90.');
      expect(texts).toContain(`Officials said it is late in town ${100 + turns - (turns % 2)}.`);
      expect(texts).toHaveLength(1 + Math.floor(turns / 2));
    } finally {
      index.close();
    }
  });

  it('answers a phrase of one word from the heads of its lists, as reading them all does', async () => {
    await writeTowns((n, k) => `The minister of town ${n} said that item ${k} was late.`);
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    const fresh = await loadCorpus(corpus.root(), { cacheDir: null });
    const memory = buildSearchEngine(fresh.articles);
    try {
      const disk = searchEngine(index.words);
      const lists = vi.spyOn(index, 'postings');
      for (const query of ['"item', '"it', '"minister"', '"towns']) {
        for (const limit of [3, 50, 1000]) {
          expect(shown(disk.search(query, placedFacts([]), { limit })), query).toEqual(
            shown(memory.search(query, placedFacts([]), { limit })),
          );
        }
      }
      lists.mockClear();
      // Its first 5 from the head of the word's list: no whole list is read.
      expect(disk.search('"item', placedFacts([]), { limit: 5 })).toHaveLength(5);
      expect(lists).not.toHaveBeenCalled();
    } finally {
      index.close();
    }
  });

  it('ranks a signed figure by the index alone, as reading each sentence does', async () => {
    // 100 sentences hold "5 billion": a third with `$`, a third with `€`, a third with no sign;
    // 100 hold "20", half of them as `20%` or `20 per cent`.
    await writeTowns((n, k) =>
      k === 2
        ? `Town ${n} spent ${['$', '€', ''][n % 3]}5 billion on roads.`
        : k === 4
          ? `Turnout in town ${n} rose ${n % 2 === 0 ? (n % 4 === 0 ? '20%' : '20 per cent') : 'by 20 votes'}.`
          : `The minister of town ${n} said that item ${k} was late.`,
    );
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    const fresh = await loadCorpus(corpus.root(), { cacheDir: null });
    const memory = buildSearchEngine(fresh.articles);
    try {
      const disk = searchEngine(index.words);
      const read = vi.spyOn(index, 'sentence');
      for (const query of ['$5 billion', '€5 billion', '20%', '$5 20%', '5 billion']) {
        for (const limit of [3, 50, 200]) {
          read.mockClear();
          const hits = disk.search(query, placedFacts([]), { limit });
          expect(shown(hits), `${query} ${limit}`).toEqual(
            shown(memory.search(query, placedFacts([]), { limit })),
          );
          // Only the hits shown are read, for their text: no match is read to check its sign.
          expect(read.mock.calls.length, `${query} ${limit}`).toBe(hits.length);
        }
      }
      const signed = disk.search('$5 billion', placedFacts([]), { limit: 200 });
      expect(signed.filter((hit) => hit.score === 1)).toHaveLength(34);
      expect(signed.map((hit) => hit.text).slice(0, 2)).toEqual([
        'Town 0 spent $5 billion on roads.',
        'Town 3 spent $5 billion on roads.',
      ]);
      expect(signed[34]!.text).toBe('Town 1 spent €5 billion on roads.');
      expect(signed[34]!.score.toFixed(3)).toBe('0.900');
    } finally {
      index.close();
    }
  });

  it("answers a figure whose sign no sentence holds from the heads of its number's lists", async () => {
    // "5 billion" with `$`, `€` or no sign, never `£`; "30" in every article, never `30%`.
    await writeTowns((n, k) =>
      k === 2
        ? `Town ${n} spent ${['$', '€', ''][n % 3]}5 billion on roads.`
        : k === 4
          ? `Turnout in town ${n} rose by 30 votes.`
          : `The minister of town ${n} said that item ${k} was late.`,
    );
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    const fresh = await loadCorpus(corpus.root(), { cacheDir: null });
    const memory = buildSearchEngine(fresh.articles);
    try {
      const disk = searchEngine(index.words);
      const postings = vi.spyOn(index.words, 'postings');
      for (const query of ['£5 billion', '30%', '$5 30%', '£5 30', '€5 billion']) {
        for (const limit of [3, 50, 200]) {
          postings.mockClear();
          const hits = disk.search(query, placedFacts([]), { limit });
          expect(shown(hits), `${query} ${limit}`).toEqual(
            shown(memory.search(query, placedFacts([]), { limit })),
          );
          // The first hits in corpus order are the best when they fill the limit: no list is
          // read whole to rank every sentence holding the number (the sign's list least of all).
          if (limit <= 50 && (query === '£5 billion' || query === '30%')) {
            expect(postings.mock.calls, `${query} ${limit}`).toEqual([]);
          }
        }
      }
      const pounds = disk.search('£5 billion', placedFacts([]), { limit: 3 });
      expect(pounds.map((hit) => [hit.text, hit.score.toFixed(3)])).toEqual([
        ['Town 0 spent $5 billion on roads.', '0.900'],
        ['Town 1 spent €5 billion on roads.', '0.900'],
        ['Town 2 spent 5 billion on roads.', '0.900'],
      ]);
    } finally {
      index.close();
    }
  });

  it('stops where its caller gives up, and answers in full when it does not', async () => {
    await writeTowns((n, k) => `It was said that item ${k} is late in town ${n}.`);
    const { index } = await openCorpusIndex(corpus.root(), { cacheDir });
    try {
      const engine = searchEngine(index.words);
      let reads = 0;
      const giveUp = () => ++reads > 50;
      expect(() => engine.search('"it is"', placedFacts([]), { giveUp })).toThrow(SearchStopped);
      expect(reads).toBe(51);
      expect(engine.search('"it is"', placedFacts([]))).toEqual([]);
      // A search that reads little is not stopped.
      expect(engine.search('town', placedFacts([]), { giveUp: () => false })).toHaveLength(50);
      // A count stops between the steps of its posting lists too, though it reads no sentence:
      // counting a common word took the review's screen for a second. A word's first hits do not.
      expect(() => engine.count('town', placedFacts([]), { giveUp: () => true })).toThrow(
        SearchStopped,
      );
      expect(engine.count('town', placedFacts([]), { giveUp: () => false })).toBe(800);
      expect(engine.search('town', placedFacts([]), { giveUp: () => true })).toHaveLength(50);
    } finally {
      index.close();
    }
  });
});
