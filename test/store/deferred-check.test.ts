import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { articleFromText } from './articles.js';
import { useTempFolder } from './temp-store.js';

const first = articleFromText('first', 'The vote was held on Monday. Turnout was high. It rained.');
const second = articleFromText('second', 'Prices rose in May. The bank said so. Then they fell.');
const articles = [first, second];

/** Each annotator's annotations per label, as stats counts them. */
const labels = (repository: Repository) => Object.fromEntries(repository.totals().labels);

/**
 * alice's claim on the first article in a store whose index trusts the file (read an hour after
 * it was written); then, behind the index, the claim made an event where it is (same size, same
 * file, the folder's time kept) and alice's file of the second article added beside it.
 */
async function changedBehindIndex(root: string, cacheDir: string) {
  const alice = await openRepository({ root, annotator: 'alice', articles, cacheDir });
  await alice.tag(first, first.sentences[0]!.id, 'claim');
  await alice.close();
  const own = join(root, 'alice', 'first.json');
  const hourAgo = new Date(Date.now() - 3600_000);
  await utimes(own, hourAgo, hourAgo);
  await (await openRepository({ root, annotator: 'alice', articles, cacheDir })).close();

  const folder = join(root, 'alice');
  const folderTime = (await stat(folder)).mtime;
  const text = await readFile(own, 'utf8');
  await writeFile(own, text.replace('"label": "claim"', '"label": "event"'));
  const later = new Date(hourAgo.getTime() + 60_000);
  await utimes(own, later, later);
  // A margin that keeps no index: the cached one does not hear of this file.
  const elsewhere = await openRepository({ root, annotator: 'alice', articles });
  await elsewhere.tag(second, second.sentences[1]!.id, 'quote');
  await elsewhere.close();
  await utimes(folder, folderTime, folderTime);
  expect((await stat(own)).size).toBe(Buffer.byteLength(text));
}

describe('a store opened on its index, checked later', () => {
  const tempFolder = useTempFolder();

  it('answers from the index at once, then tells its watchers what the check found', async () => {
    const root = join(await tempFolder(), 'store');
    const cacheDir = await tempFolder();
    await changedBehindIndex(root, cacheDir);
    const repository = await openRepository({
      root,
      annotator: 'carol',
      articles,
      cacheDir,
      check: 'later',
    });
    try {
      // What the last run left in the index: the claim, and no second file.
      expect(labels(repository)).toEqual({ alice: { claim: 1 } });
      const heard: string[][] = [];
      repository.watch((event) => heard.push(event.articles));
      await repository.check();
      expect(heard).toEqual([['first', 'second']]);
      expect(labels(repository)).toEqual({ alice: { event: 1, quote: 1 } });
      expect(repository.list({ article: 'first' }).map((a) => a.label)).toEqual(['event']);
    } finally {
      await repository.close();
    }
  });

  it('is what stats counts from a store opened as commands open it', async () => {
    const root = join(await tempFolder(), 'store');
    const cacheDir = await tempFolder();
    await changedBehindIndex(root, cacheDir);
    const repository = await openRepository({ root, annotator: 'carol', articles, cacheDir });
    try {
      expect(labels(repository)).toEqual({ alice: { event: 1, quote: 1 } });
      expect(repository.totals().perArticle).toEqual(
        new Map([
          ['first', 1],
          ['second', 1],
        ]),
      );
    } finally {
      await repository.close();
    }
  });

  it('reads every file at once when the index is empty, and its first check has nothing to add', async () => {
    const root = join(await tempFolder(), 'store');
    const cacheDir = await tempFolder();
    await changedBehindIndex(root, await tempFolder());
    const repository = await openRepository({
      root,
      annotator: 'carol',
      articles,
      cacheDir,
      check: 'later',
    });
    try {
      expect(labels(repository)).toEqual({ alice: { event: 1, quote: 1 } });
      const heard: string[][] = [];
      repository.watch((event) => heard.push(event.articles));
      await repository.check();
      expect(heard).toEqual([]);
    } finally {
      await repository.close();
    }
  });

  it('stops its check when closed, so that a review quit meanwhile leaves at once', async () => {
    const root = join(await tempFolder(), 'store');
    const cacheDir = await tempFolder();
    await changedBehindIndex(root, cacheDir);
    const repository = await openRepository({
      root,
      annotator: 'carol',
      articles,
      cacheDir,
      check: 'later',
    });
    const checking = repository.check();
    await repository.close();
    await expect(checking).rejects.toThrow(/abort/i);
    // Nothing of it was kept half done: the next check finds both changes.
    const next = await openRepository({ root, annotator: 'carol', articles, cacheDir });
    expect(labels(next)).toEqual({ alice: { event: 1, quote: 1 } });
    await next.close();
  });
});
