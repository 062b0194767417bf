import { once } from 'node:events';
import { lstatSync } from 'node:fs';
import { mkdir, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker as RealWorker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signatureOf } from '../../source/store/adapter.js';
import {
  checkFolders,
  checkSettings,
  startCheckThreads,
} from '../../source/store/file-signatures.js';
import { startCheckThreadsFor, storeIndexFile } from '../../source/store/index-file.js';
import { useTempFolder } from './temp-store.js';

// Every thread the check starts, to tell the ones started early from ones started late.
const made = vi.hoisted(() => ({ workers: [] as RealWorker[] }));
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof import('node:worker_threads')>();
  class Counted extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      made.workers.push(this);
    }
  }
  return { ...real, Worker: Counted };
});

describe('check threads started before the store is listed', () => {
  const tempFolder = useTempFolder();
  const settings = { ...checkSettings };
  beforeAll(() => {
    // Two helper threads do every share: a share they leave undone fails the check.
    Object.assign(checkSettings, { threadsFrom: 4, chunk: 2, threads: 3, mainTakesShares: false });
  });
  afterAll(() => {
    Object.assign(checkSettings, settings);
  });

  it('are the threads that then check the files, none started again', async () => {
    const dir = await tempFolder();
    const names = ['a.json', 'b.json', 'c.json', 'd.json', 'e.json'];
    for (const name of names) await writeFile(join(dir, name), name);
    made.workers.length = 0;
    startCheckThreads(names.length);
    expect(made.workers).toHaveLength(2);
    const [checked] = await checkFolders([{ dir, names }]);
    expect(checked!.signatures()).toEqual(
      names.map((name) => signatureOf(lstatSync(join(dir, name)))),
    );
    expect(made.workers).toHaveLength(2);
  });

  it('are stopped when the store turns out too small to share', async () => {
    const dir = await tempFolder();
    await writeFile(join(dir, 'a.json'), 'a');
    made.workers.length = 0;
    // The index held many files; the folder now holds one.
    startCheckThreads(1_000);
    const early = [...made.workers];
    expect(early).toHaveLength(2);
    Object.assign(checkSettings, { mainTakesShares: true });
    try {
      const [checked] = await checkFolders([{ dir, names: ['a.json'] }]);
      expect(checked!.signatures()).toEqual([signatureOf(lstatSync(join(dir, 'a.json')))]);
    } finally {
      Object.assign(checkSettings, { mainTakesShares: false });
    }
    await Promise.all(
      early.map((worker) => (worker.threadId === -1 ? null : once(worker, 'exit'))),
    );
    expect(early.every((worker) => worker.threadId === -1)).toBe(true);
    expect(made.workers).toHaveLength(2);
  });

  it('are started by the size of the store’s index file, before the index is opened', async () => {
    const cache = await tempFolder();
    const dir = await tempFolder();
    const names = ['a.json', 'b.json', 'c.json', 'd.json', 'e.json'];
    for (const name of names) await writeFile(join(dir, name), name);
    const file = storeIndexFile(cache, dir);
    await mkdir(join(cache, 'stores'));
    // An index of a few files' bytes: no threads yet, the check starts them if it needs them.
    await writeFile(file, '');
    await truncate(file, 2 * 1_024);
    made.workers.length = 0;
    startCheckThreadsFor(cache, dir);
    expect(made.workers).toHaveLength(0);
    // Large enough for the threads' threshold (4 files here): started now, and used by the check.
    await truncate(file, 64 * 1_024);
    startCheckThreadsFor(cache, dir);
    expect(made.workers).toHaveLength(2);
    const [checked] = await checkFolders([{ dir, names }]);
    expect(checked!.signatures()).toEqual(
      names.map((name) => signatureOf(lstatSync(join(dir, name)))),
    );
    expect(made.workers).toHaveLength(2);
    // No index at all (a store never opened): nothing is started, and nothing fails.
    made.workers.length = 0;
    startCheckThreadsFor(join(cache, 'nowhere'), dir);
    expect(made.workers).toHaveLength(0);
  });

  it('are not started for a store below the threads’ threshold', () => {
    made.workers.length = 0;
    startCheckThreads(3);
    expect(made.workers).toHaveLength(0);
  });
});
