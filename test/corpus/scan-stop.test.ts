import { mkdir, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../source/corpus/db/scan.js';
import { openDatabase } from '../../source/corpus/db/schema.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();

/** An index that knows every file of the corpus as it is now. */
async function knownIndex(files: string[]) {
  const { db } = openDatabase(':memory:', 'scan-stop');
  const insert = db.prepare('INSERT INTO files (path, folder, size, mtime) VALUES (?, ?, ?, ?)');
  for (const file of files) {
    const found = await stat(join(corpus.root(), file));
    insert.run(file, '', found.size, found.mtimeMs);
  }
  return db;
}

describe('a full scan', () => {
  it('compares every file, and sees one edited in place with the same size', async () => {
    const files = ['a.txt', 'b.txt', 'c.txt'];
    for (const file of files) await corpus.write(file, GOOD_ARTICLE);
    const db = await knownIndex(files);
    await utimes(join(corpus.root(), 'b.txt'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect((await scan(db, corpus.root(), 'full')).read).toEqual(['b.txt']);
    db.close();
  });

  it('ends when told to (a review that quit) instead of statting the rest of the folder', async () => {
    const files = ['a.txt', 'b.txt'];
    for (const file of files) await corpus.write(file, GOOD_ARTICLE);
    const db = await knownIndex(files);
    const quit = new AbortController();
    quit.abort();
    await expect(scan(db, corpus.root(), 'full', quit.signal)).rejects.toThrow(/abort/i);
    db.close();
  });
});

describe('a quick scan', () => {
  it('lets the event loop turn while it compares the times of many folders, and ends when told to', async () => {
    await corpus.write('a.txt', GOOD_ARTICLE);
    const { db } = openDatabase(':memory:', 'scan-stop');
    const known = db.prepare('INSERT INTO folders (path, mtime) VALUES (?, ?)');
    for (let i = 0; i < 600; i++) {
      const folder = `f${i}`;
      await mkdir(join(corpus.root(), folder));
      known.run(folder, (await stat(join(corpus.root(), folder))).mtimeMs);
    }
    // The corpus folder's time after its subfolders were made.
    known.run('', (await stat(corpus.root())).mtimeMs);
    // Nothing changed: compared, not listed.
    expect((await scan(db, corpus.root(), 'quick')).read).toEqual([]);
    // A review that quits while it looks: the stats are synchronous, the turns between them not.
    const quit = new AbortController();
    setImmediate(() => quit.abort());
    await expect(scan(db, corpus.root(), 'quick', quit.signal)).rejects.toThrow(/abort/i);
    db.close();
  });
});
