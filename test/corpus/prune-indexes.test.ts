import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexFile, openCorpusIndex } from '../../source/corpus/db/open.js';
import { MISSING_FOR_DAYS } from '../../source/corpus/db/prune.js';
import { openStoreIndex, storeIndexFile } from '../../source/store/index-file.js';
import { GOOD_ARTICLE } from './temp-corpus.js';

let work: string;
let cacheDir: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'margin-prune-'));
  cacheDir = join(work, 'cache');
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function corpusFolder(name: string): Promise<string> {
  const root = join(work, name);
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'a.txt'), GOOD_ARTICLE);
  return root;
}

async function indexCorpus(root: string): Promise<string> {
  const { index } = await openCorpusIndex(root, { cacheDir });
  index.close();
  return indexFile(cacheDir, root);
}

/** As if nothing had written the index (or its log) for `days` days. */
async function age(file: string, days: number): Promise<void> {
  const then = new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  for (const suffix of ['', '-wal']) {
    if (existsSync(`${file}${suffix}`)) await utimes(`${file}${suffix}`, then, then);
  }
}

describe('indexes of folders that are gone', () => {
  it('are removed with their log and list when another index is made', async () => {
    const moved = await corpusFolder('before');
    const kept = await corpusFolder('kept');
    const old = await indexCorpus(moved);
    const keptIndex = await indexCorpus(kept);
    await rename(moved, join(work, 'after'));
    await age(old, MISSING_FOR_DAYS + 1);
    await age(keptIndex, MISSING_FOR_DAYS + 1);

    const fresh = await indexCorpus(join(work, 'after'));

    expect(existsSync(old)).toBe(false);
    expect(existsSync(`${old}.articles`)).toBe(false);
    expect(existsSync(`${old}-wal`)).toBe(false);
    // Its folder still exists, however long ago it was written.
    expect(existsSync(keptIndex)).toBe(true);
    expect(existsSync(fresh)).toBe(true);
  });

  it('are kept while the folder has been gone only a little while (a drive unplugged)', async () => {
    const unplugged = await corpusFolder('drive');
    const old = await indexCorpus(unplugged);
    await rm(unplugged, { recursive: true });
    await age(old, MISSING_FOR_DAYS - 1);

    await indexCorpus(await corpusFolder('other'));

    expect(existsSync(old)).toBe(true);
  });

  it('are kept when the index does not say which folder it is of', async () => {
    const gone = await corpusFolder('gone');
    const old = await indexCorpus(gone);
    const db = new Database(old);
    db.prepare("DELETE FROM meta WHERE key = 'folder'").run();
    db.close();
    await rm(gone, { recursive: true });
    await age(old, MISSING_FOR_DAYS + 1);

    await indexCorpus(await corpusFolder('other'));

    expect(existsSync(old)).toBe(true);
  });

  it('are told by the folder each index records, an older index getting it when opened', async () => {
    const root = await corpusFolder('kept');
    const file = await indexCorpus(root);
    const folderIn = () => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT value FROM meta WHERE key = 'folder'").pluck().get();
      } finally {
        db.close();
      }
    };
    expect(folderIn()).toBe(root);
    const db = new Database(file);
    db.prepare("DELETE FROM meta WHERE key = 'folder'").run();
    db.close();
    await indexCorpus(root);
    expect(folderIn()).toBe(root);
  });

  it('are left alone when no index is made', async () => {
    const gone = await corpusFolder('gone');
    const other = await corpusFolder('other');
    const old = await indexCorpus(gone);
    await indexCorpus(other);
    await rm(gone, { recursive: true });
    await age(old, MISSING_FOR_DAYS + 1);

    // Opening an index that exists costs no look at the others.
    await indexCorpus(other);

    expect(existsSync(old)).toBe(true);
  });

  it('include store indexes of stores that moved', async () => {
    const store = join(work, 'annotations');
    await mkdir(store);
    openStoreIndex(cacheDir, store).close();
    const old = storeIndexFile(cacheDir, store);
    await rename(store, join(work, 'annotations-moved'));
    await age(old, MISSING_FOR_DAYS + 1);

    openStoreIndex(cacheDir, join(work, 'annotations-moved')).close();

    expect(existsSync(old)).toBe(false);
    expect(existsSync(storeIndexFile(cacheDir, join(work, 'annotations-moved')))).toBe(true);
  });
});
