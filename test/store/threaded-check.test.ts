import { lstatSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureOf } from '../../source/store/adapter.js';
import { checkFolders, checkSettings, GONE, LINK } from '../../source/store/file-signatures.js';
import { age, articles, fileText, teamStore, viewOf } from './team-store.js';
import { useTempFolder } from './temp-store.js';

describe('the threaded check of the store files', () => {
  const tempFolder = useTempFolder();
  const settings = { ...checkSettings };
  beforeAll(() => {
    // Every open of these small stores is checked by two helper threads alone, two files a share.
    Object.assign(checkSettings, { threadsFrom: 1, chunk: 2, threads: 3, mainTakesShares: false });
  });
  afterAll(() => {
    Object.assign(checkSettings, settings);
  });

  it('finds each file as a single lstat does, and the same digest with one thread or three', async () => {
    const dir = await tempFolder();
    const names = ['a.json', 'b.json', 'c.json', 'd.json', 'e.json'];
    for (const name of names) await writeFile(join(dir, name), name);
    const [threaded] = await checkFolders([{ dir, names }]);
    expect(threaded!.signatures()).toEqual(
      names.map((name) => signatureOf(lstatSync(join(dir, name)))),
    );
    Object.assign(checkSettings, { threads: 1, mainTakesShares: true });
    const [alone] = await checkFolders([{ dir, names }]);
    Object.assign(checkSettings, { threads: 3, mainTakesShares: false });
    expect(threaded!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(alone!.digest).toBe(threaded!.digest);

    // A file gone since the listing, and a link: neither is trusted, whatever the index holds.
    await rm(join(dir, 'b.json'));
    await symlink(join(dir, 'a.json'), join(dir, 'f.json'));
    const [changed] = await checkFolders([{ dir, names: [...names, 'f.json'] }]);
    expect(changed!.digest).toBeNull();
    expect(changed!.signatures()[1]).toBe(GONE);
    expect(changed!.signatures()[5]).toBe(LINK);
  });

  it('sifts a listing handed over as text as the caller sifted its names', async () => {
    const dir = await tempFolder();
    // A name beyond ASCII too: the threads cut the listing's UTF-8 bytes at NULs.
    const every = ['.a.json.123.tmp', 'a.json', 'notes.txt', 'b.json', '.gitignore', 'ç€😀.json'];
    for (const name of every) await writeFile(join(dir, name), name);
    const names = ['a.json', 'b.json', 'ç€😀.json'];
    const [handed] = await checkFolders([{ dir, listed: every.join('\0') }]);
    expect(handed!.names()).toEqual(names);
    expect(handed!.signatures()).toEqual(
      names.map((name) => signatureOf(lstatSync(join(dir, name)))),
    );
    // The digest is of the listing: one of the same store files beside other names differs.
    const [joined] = await checkFolders([{ dir, names }]);
    expect(joined!.signatures()).toEqual(handed!.signatures());
    expect(handed!.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(handed!.digest).not.toBe(joined!.digest);
  });

  it('sees a file edited in place, one removed and one added, as a fresh read does', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await teamStore(root);
    // Read once, then trusted: the second open finds every folder as the index holds it.
    await viewOf(root, cacheDir);
    expect(await viewOf(root, cacheDir)).toEqual(await viewOf(root, null));

    // Edited where it is: the folder's time and listing stay as they were.
    const edited = join(root, 'bob', 'a4.json');
    const folderTime = lstatSync(join(root, 'bob')).mtimeMs;
    await writeFile(edited, fileText('a4', 'bob', 'done', 'event'));
    await age(edited, 100);
    expect(lstatSync(join(root, 'bob')).mtimeMs).toBe(folderTime);
    // Removed and added in alice's folder.
    await rm(join(root, 'alice', 'a2.json'));
    await writeFile(join(root, 'alice', 'a6.json'), fileText('a6', 'alice', 'done', 'quote'));

    for (let open = 0; open < 2; open++) {
      const seen = await viewOf(root, cacheDir);
      expect(seen).toEqual(await viewOf(root, null));
      expect(seen.statuses).toContainEqual(['a4', 'bob', 'done']);
      expect(seen.annotations).toContainEqual([
        'a4',
        'bob',
        'event',
        articles[4]!.sentences[1]!.id,
      ]);
      expect(seen.annotations.filter((a) => a[0] === 'a2').map((a) => a[1])).toEqual(['bob']);
      expect(seen.annotations).toContainEqual([
        'a6',
        'alice',
        'quote',
        articles[6]!.sentences[1]!.id,
      ]);
    }
  });

  it('reads a folder that appeared since the last open, and forgets one that went', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await teamStore(root);
    await viewOf(root, cacheDir);
    await rm(join(root, 'bob'), { recursive: true });
    await mkdir(join(root, 'carol'));
    await writeFile(
      join(root, 'carol', 'a1.json'),
      await readFile(join(root, 'alice', 'a1.json'), 'utf8').then((text) =>
        text.replaceAll('"alice', '"carol'),
      ),
    );
    const seen = await viewOf(root, cacheDir);
    expect(seen).toEqual(await viewOf(root, null));
    expect(new Set(seen.annotations.map((a) => a[1]))).toEqual(new Set(['alice', 'carol']));
  });
});
