import { describe, expect, it } from 'vitest';
import { decodePostings, encodePostings } from '../../source/corpus/db/postings.js';
import { type Db, openDatabase } from '../../source/corpus/db/schema.js';
import { mergeSegments } from '../../source/corpus/db/segments.js';

/** An empty index in memory, its segments written by `add` as a refresh's writer writes them. */
function index() {
  const { db } = openDatabase(':memory:', 'test');
  let key = 0;
  /** Every key written so far, by word, in the order written. */
  const written = new Map<string, number[]>();
  /** A segment of `postings` keys, spread over a few words (one of them in every segment). */
  const add = (postings: number) => {
    const last = db.prepare("SELECT value FROM meta WHERE key = 'next_segment'").pluck().get();
    const segment = Number(last ?? 0) + 1;
    const lists = new Map<string, number[]>();
    for (let i = 0; i < postings; i++) {
      const word = i === 0 ? 'every' : `w${key % 7}`;
      lists.set(word, [...(lists.get(word) ?? []), key]);
      written.set(word, [...(written.get(word) ?? []), key]);
      key += 1 + (key % 3);
    }
    db.transaction(() => {
      for (const [word, keys] of lists)
        db.prepare('INSERT INTO postings (segment, word, list) VALUES (?, ?, ?)').run(
          segment,
          word,
          encodePostings(keys),
        );
      db.prepare('INSERT INTO segments (segment, position, postings) VALUES (?, ?, ?)').run(
        segment,
        segment,
        postings,
      );
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('next_segment', ?)").run(
        String(segment),
      );
    })();
  };
  return { db, add, written };
}

const sizes = (db: Db) =>
  db.prepare('SELECT postings FROM segments ORDER BY position').pluck().all() as number[];

/** Each word's keys as a search reads them: its lists of every segment, in segment order. */
function read(db: Db): Map<string, number[]> {
  const rows = db
    .prepare(
      'SELECT p.word, p.list FROM segments AS s CROSS JOIN postings AS p ON p.segment = s.segment ORDER BY p.word, s.position',
    )
    .raw()
    .all() as Array<[string, Buffer]>;
  const lists = new Map<string, Buffer[]>();
  for (const [word, list] of rows) lists.set(word, [...(lists.get(word) ?? []), list]);
  return new Map([...lists].map(([word, own]) => [word, [...decodePostings(own)]]));
}

describe('merging the segments of posting lists', () => {
  it('makes the segments of a build, all of one size, one', () => {
    const { db, add, written } = index();
    for (let i = 0; i < 5; i++) add(300);
    add(40);
    mergeSegments(db);
    expect(sizes(db)).toEqual([1540]);
    expect(read(db)).toEqual(written);
  });

  it('keeps the first segment apart once all of them hold more than a refresh writes at once', () => {
    const { db, add, written } = index();
    for (let i = 0; i < 4; i++) add(300);
    add(40);
    mergeSegments(db, 500);
    // Common words find their first hits in the head of the first segment's lists.
    expect(sizes(db)).toEqual([300, 940]);
    add(10);
    mergeSegments(db, 500);
    expect(sizes(db)).toEqual([300, 940, 10]);
    add(950);
    mergeSegments(db, 500);
    expect(sizes(db)).toEqual([300, 1900]);
    expect(read(db)).toEqual(written);
  });

  it('leaves segments each larger than all after it, and merges from the first that is not', () => {
    const { db, add, written } = index();
    for (const size of [100, 40, 10]) add(size);
    mergeSegments(db);
    expect(sizes(db)).toEqual([100, 40, 10]);
    add(10);
    mergeSegments(db);
    expect(sizes(db)).toEqual([100, 40, 20]);
    add(30);
    mergeSegments(db);
    // 40 is no more than 20 + 30, and then 100 no more than the 90 after it and 10 more.
    expect(sizes(db)).toEqual([100, 90]);
    add(10);
    mergeSegments(db);
    expect(sizes(db)).toEqual([200]);
    expect(read(db)).toEqual(written);
  });

  it('keeps a few segments over many small refreshes, every key read in order', () => {
    const { db, add, written } = index();
    add(5000);
    mergeSegments(db);
    let seed = 7;
    for (let refresh = 0; refresh < 150; refresh++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      add(20 + (seed % 60));
      mergeSegments(db);
      const own = sizes(db);
      for (let i = 0; i < own.length - 1; i++) {
        const after = own.slice(i + 1).reduce((sum, n) => sum + n, 0);
        expect(own[i]!).toBeGreaterThan(after);
      }
      const all = own.reduce((sum, n) => sum + n, 0);
      expect(own.length).toBeLessThanOrEqual(Math.log2(all / Math.min(...own)) + 1);
    }
    expect(read(db)).toEqual(written);
  });
});
