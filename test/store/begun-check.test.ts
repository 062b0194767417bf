import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { begunListing, checkSettings } from '../../source/store/file-signatures.js';
import { startCheckThreadsFor } from '../../source/store/index-file.js';
import { age, fileText, teamStore, viewOf } from './team-store.js';
import { useTempFolder } from './temp-store.js';

/**
 * A command begins the check of the store's files on its helper threads from the listings the
 * index kept, before it opens the corpus and the store: the store's open then joins that check
 * when its listings are the same, and leaves it when a folder changed meanwhile. Either way it
 * finds what an open without an index finds.
 */

/** As a folder that came with `git pull` an hour ago: its listing is kept. */
async function ageFolder(path: string) {
  const then = new Date(Date.now() - 3600_000);
  await utimes(path, then, then);
}

describe('a check begun before the store is opened', () => {
  const tempFolder = useTempFolder();
  const settings = { ...checkSettings };
  beforeAll(() => {
    // Helpers for a few files, and only they check: a share the begun check lost is an error.
    Object.assign(checkSettings, { threadsFrom: 4, chunk: 2, threads: 3, mainTakesShares: false });
  });
  afterAll(() => {
    Object.assign(checkSettings, settings);
  });

  async function keptStore() {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await teamStore(root);
    for (const annotator of ['alice', 'bob']) await ageFolder(join(root, annotator));
    await viewOf(root, cacheDir);
    return { root, cacheDir };
  }

  it('is joined by the open, and sees a file edited in place after the index was made', async () => {
    const { root, cacheDir } = await keptStore();
    // An edit in place (as VS Code saves) leaves the folder's time as it was.
    const edited = join(root, 'alice', 'a1.json');
    await writeFile(edited, fileText('a1', 'alice', 'done', 'quote'));
    await age(edited, 50);
    startCheckThreadsFor(cacheDir, root);
    expect(begunListing(join(root, 'alice'))).toBeDefined();
    const seen = await viewOf(root, cacheDir);
    expect(begunListing(join(root, 'alice'))).toBeUndefined();
    expect(seen.annotations).toContainEqual(['a1', 'alice', 'quote', expect.anything()]);
    expect(seen).toEqual(await viewOf(root, null));
  });

  it('is left when a folder changed after it began, and the open checks what is there', async () => {
    const { root, cacheDir } = await keptStore();
    startCheckThreadsFor(cacheDir, root);
    expect(begunListing(join(root, 'bob'))).toBeDefined();
    // A file added (a pull) after the check began: bob's folder is listed again.
    const added = join(root, 'bob', 'extra.json');
    await writeFile(added, fileText('a2', 'bob', 'done').replace('"a2"', '"extra"'));
    const seen = await viewOf(root, cacheDir);
    expect(begunListing(join(root, 'bob'))).toBeUndefined();
    expect(seen).toEqual(await viewOf(root, null));
    expect(seen.problems).toEqual((await viewOf(root, null)).problems);
  });

  it('is not begun when a folder is no longer the one its listing was kept for', async () => {
    const { root, cacheDir } = await keptStore();
    await writeFile(join(root, 'alice', 'new.json'), fileText('a3', 'alice', 'done'));
    startCheckThreadsFor(cacheDir, root);
    expect(begunListing(join(root, 'alice'))).toBeUndefined();
    expect(await viewOf(root, cacheDir)).toEqual(await viewOf(root, null));
  });
});
