import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCorpusIndex } from '../../source/corpus/db/open.js';
import { FileReadAhead, readAheadSettings } from '../../source/corpus/db/read-ahead-files.js';
import { eventually, patience } from '../helpers/patience.js';
import { GOOD_ARTICLE, tempCorpus } from './temp-corpus.js';

const corpus = tempCorpus();
const saved = { ...readAheadSettings };
let cacheDir: string;

beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'margin-read-ahead-'));
  readAheadSettings.always = true;
});

afterEach(async () => {
  Object.assign(readAheadSettings, saved);
  await rm(cacheDir, { recursive: true, force: true });
});

const article = (n: number) =>
  `Harbour report ${n}\n\nThe harbour of town ${n} reopened on Monday after a storm closed it for ${n} days. Officials said more ships were expected.\n`;

describe('files read ahead of the cleaning threads', () => {
  it('reads the files in order, no further than its margin past those handed on', async () => {
    const paths: string[] = [];
    for (let n = 0; n < 90; n++) {
      const name = `${String(n).padStart(2, '0')}.txt`;
      await corpus.write(name, article(n));
      paths.push(name);
    }
    readAheadSettings.ahead = 8;
    const ahead = new FileReadAhead(corpus.root(), paths);
    try {
      await eventually(() => (ahead.past >= 8 ? true : undefined), 'the first 8 files read');
      // Given time, it still stops at its margin.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ahead.past).toBe(8);
      ahead.handedOn(70);
      await eventually(() => (ahead.past >= 78 ? true : undefined), '78 files read');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(ahead.past).toBe(78);
      ahead.handedOn(90);
      await eventually(() => (ahead.past === 90 ? true : undefined), 'every file read');
    } finally {
      await ahead.close();
    }
  });

  it('reads one file in a sample once a run of files was cached, and all again after one was not', async () => {
    const paths: string[] = [];
    for (let n = 0; n < 90; n++) {
      const name = `${String(n).padStart(2, '0')}.txt`;
      await corpus.write(name, article(n));
      paths.push(name);
    }
    const openedWith = async (cachedMs: number) => {
      Object.assign(readAheadSettings, { cachedMs, cachedRun: 4, sample: 5 });
      const ahead = new FileReadAhead(corpus.root(), paths);
      try {
        ahead.handedOn(90);
        await eventually(() => (ahead.past === 90 ? true : undefined), 'every file gone past');
        return ahead.opened;
      } finally {
        await ahead.close();
      }
    };
    // Every read taken for a cached one: 4 in a row, then one in 5 (files 8, 13, … 88).
    expect(await openedWith(60_000)).toBe(21);
    // None: every file read.
    expect(await openedWith(0)).toBe(90);
  });

  it('starts only once a file about to be handed on was not in the cache', async () => {
    const paths: string[] = [];
    for (let n = 0; n < 300; n++) {
      const name = `${String(n).padStart(3, '0')}.txt`;
      await corpus.write(name, article(n));
      paths.push(name);
    }
    readAheadSettings.always = false;
    readAheadSettings.ahead = 16;
    // Every read taken for a cached one: no thread, however many files are handed on.
    readAheadSettings.cachedMs = 60_000;
    const idle = new FileReadAhead(corpus.root(), paths);
    for (let count = 0; count <= 300; count += 64) idle.handedOn(count);
    expect(idle.started).toBe(false);
    expect(idle.past).toBe(0);
    await idle.close();
    // None: the thread starts at the second file looked at, and from there.
    readAheadSettings.cachedMs = 0;
    const ahead = new FileReadAhead(corpus.root(), paths);
    try {
      ahead.handedOn(10);
      ahead.handedOn(64);
      expect(ahead.started).toBe(false);
      ahead.handedOn(128);
      expect(ahead.started).toBe(true);
      await eventually(() => (ahead.past >= 144 ? true : undefined), '16 files past 128 read');
      expect(ahead.opened).toBe(16);
    } finally {
      await ahead.close();
    }
  });

  it.skipIf(process.platform === 'win32')(
    'is not held by a file that became a named pipe, nor by a file gone',
    async () => {
      await corpus.write('a.txt', GOOD_ARTICLE);
      execFileSync('mkfifo', [join(corpus.root(), 'b.txt')]);
      await corpus.write('c.txt', article(3));
      const ahead = new FileReadAhead(corpus.root(), ['a.txt', 'b.txt', 'gone.txt', 'c.txt']);
      try {
        // A pipe opened for reading waits for a writer: the thread would wait forever at `b.txt`.
        await eventually(() => (ahead.past === 4 ? true : undefined), 'every file tried');
      } finally {
        await ahead.close();
      }
    },
    patience(2000),
  );

  it('leaves a first index of a corpus read ahead the same as one read without', async () => {
    for (let n = 0; n < 40; n++)
      await corpus.write(`f/${String(n).padStart(2, '0')}.txt`, article(n));
    await corpus.write('a.txt', GOOD_ARTICLE);
    const articlesOf = async (cache: string) => {
      const { index, refreshed } = await openCorpusIndex(corpus.root(), {
        cacheDir: cache,
        refresh: 'compare',
      });
      try {
        return {
          read: refreshed?.read,
          articles: index.ids().map((id) => {
            const one = index.article(id);
            return [id, one?.title, one?.text, index.postings('harbour').length];
          }),
        };
      } finally {
        index.close();
      }
    };
    readAheadSettings.from = 1_000_000;
    const without = await articlesOf(join(cacheDir, 'without'));
    readAheadSettings.from = 1;
    readAheadSettings.ahead = 4;
    const withAhead = await articlesOf(join(cacheDir, 'with'));
    expect(without.read).toBe(41);
    expect(withAhead).toEqual(without);
  });
});
