import { lstatSync } from 'node:fs';
import { mkdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureOf } from '../../source/store/adapter.js';
import { makeAnchor } from '../../source/store/anchor.js';
import { checkFolders, checkSettings, GONE, LINK } from '../../source/store/file-signatures.js';
import { openRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { articleFromText } from './articles.js';
import { useTempFolder } from './temp-store.js';

const ARTICLES = 7;
const articles = Array.from({ length: ARTICLES }, (_, n) =>
  articleFromText(`a${n}`, `Prices rose in month ${n}. The bank said so. Then they fell.`),
);
const STATUSES = ['unreviewed', 'in progress', 'done'] as const;

const fileText = (article: string, annotator: string, status: string, label = 'claim') => {
  const found = articles.find((each) => each.id === article)!;
  const sentence = found.sentences[1]!;
  const annotation = {
    id: `${annotator}-${article}`,
    label,
    anchor: makeAnchor(found, sentence),
    created: '2026-01-02T03:04:05.000Z',
    updated: '2026-01-02T03:04:05.000Z',
  };
  return `${JSON.stringify({ schema: 'margin.annotations', version: 1, article, annotator, status, annotations: [annotation] }, null, 2)}\n`;
};

/** As a file that came with `git pull` an hour ago (and a few ms apart, so no two look alike). */
async function age(path: string, ms = 0) {
  const then = new Date(Date.now() - 3600_000 - ms);
  await utimes(path, then, then);
}

/** alice's and bob's files for every article, aged, so that the index trusts them. */
async function teamStore(root: string): Promise<void> {
  for (const annotator of ['alice', 'bob']) {
    await mkdir(join(root, annotator), { recursive: true });
    for (const [n, article] of articles.entries()) {
      const path = join(root, annotator, `${article.id}.json`);
      await writeFile(path, fileText(article.id, annotator, STATUSES[n % 3]!));
      await age(path, n);
    }
  }
}

function view(repository: Repository) {
  return {
    annotations: repository
      .list()
      .map((a) => [a.article, a.annotator, a.label, a.placement?.sentence ?? null]),
    statuses: articles.flatMap((article) =>
      ['alice', 'bob'].map((name) => [article.id, name, repository.status(article.id, name)]),
    ),
    problems: repository.problems().map((problem) => problem.message),
  };
}

async function viewOf(root: string, cacheDir: string | null) {
  const repository = await openRepository({ root, annotator: 'carol', articles, cacheDir });
  const seen = view(repository);
  await repository.close();
  return seen;
}

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
