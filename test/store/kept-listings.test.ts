import { mkdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { age, fileText, teamStore, viewOf } from './team-store.js';
import { useTempFolder } from './temp-store.js';

// Every folder the store lists, to tell a listing kept from one made again.
const listed = vi.hoisted(() => ({ paths: [] as string[] }));
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const readdir = ((path: string, ...rest: unknown[]) => {
    listed.paths.push(String(path));
    return (real.readdir as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof real.readdir;
  return { ...real, default: { ...real, readdir }, readdir };
});

/** As a folder that came with `git pull` an hour ago. */
async function ageFolder(path: string) {
  const then = new Date(Date.now() - 3600_000);
  await utimes(path, then, then);
}

describe("an annotator folder's listing", () => {
  const tempFolder = useTempFolder();

  it('is kept while the folder is unchanged, and made again once a file is added', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await teamStore(root);
    for (const annotator of ['alice', 'bob']) await ageFolder(join(root, annotator));
    const folders = () => listed.paths.filter((path) => /[/\\](alice|bob)$/.test(path));

    listed.paths.length = 0;
    const first = await viewOf(root, cacheDir);
    expect(folders()).toHaveLength(2);

    listed.paths.length = 0;
    expect(await viewOf(root, cacheDir)).toEqual(first);
    expect(folders()).toEqual([]);

    // A file removed (or added) by hand or by a pull changes the folder's time: alice's folder
    // is listed again, bob's is not.
    await rm(join(root, 'alice', 'a2.json'));
    listed.paths.length = 0;
    const seen = await viewOf(root, cacheDir);
    expect(folders()).toEqual([join(root, 'alice')]);
    expect(seen.annotations.filter((a) => a[0] === 'a2').map((a) => a[1])).toEqual(['bob']);
    expect(seen).toEqual(await viewOf(root, null));
  });

  it('is not kept when the folder changed just before it was listed', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await mkdir(join(root, 'alice'), { recursive: true });
    await writeFile(join(root, 'alice', 'a1.json'), fileText('a1', 'alice', 'done'));
    // The folder's time is now: a file added within the clock's tick would leave it as it is.
    await viewOf(root, cacheDir);
    listed.paths.length = 0;
    await viewOf(root, cacheDir);
    expect(listed.paths.filter((path) => path.endsWith('alice'))).toHaveLength(1);
  });

  it('is made again when a copy sets the folder’s time back (rsync -a, cp -a, tar x)', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await teamStore(root);
    await rm(join(root, 'alice', 'a6.json'));
    await ageFolder(join(root, 'alice'));
    const { mtime } = await stat(join(root, 'alice'));
    await viewOf(root, cacheDir);
    // A teammate's file arrives by a copy that then gives the folder its source's time: the one
    // the listing was kept at.
    await writeFile(join(root, 'alice', 'a6.json'), fileText('a6', 'alice', 'done'));
    await age(join(root, 'alice', 'a6.json'));
    await utimes(join(root, 'alice'), mtime, mtime);
    const seen = await viewOf(root, cacheDir);
    expect(seen.annotations.filter((a) => a[0] === 'a6').map((a) => a[1])).toEqual([
      'alice',
      'bob',
    ]);
    expect(seen).toEqual(await viewOf(root, null));
    // Read and kept in the index, the file stays when the folder's time is set back once more.
    await utimes(join(root, 'alice'), mtime, mtime);
    expect(await viewOf(root, cacheDir)).toEqual(seen);
  });
});
