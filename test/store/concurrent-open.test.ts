import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStoreIndex, storeIndexFile } from '../../source/store/index-file.js';
import { indexedFile, labelledDoc } from '../helpers/indexed-files.js';
import { patience } from '../helpers/patience.js';
import { childBundle } from './child-bundle.js';
import { useTempFolder } from './temp-store.js';

const indexOpener = childBundle('index-opener');

/** Starts an opener; resolves `ready` once it waits for the go file, `done` with what it printed. */
function opener(options: Record<string, string>) {
  const child = spawn(process.execPath, [indexOpener(), JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let errors = '';
  let signal: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    signal = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    if (out.startsWith('ready\n')) signal();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const done = new Promise<string>((resolve) =>
    child.on('close', (code) => {
      signal();
      resolve(
        `${out.replace('ready\n', '').trim()}${code === 0 ? '' : ` exit ${code}: ${errors}`}`,
      );
    }),
  );
  return { ready, done };
}

describe('several processes opening one store index at once', () => {
  const tempFolder = useTempFolder();

  it(
    'each keeps its index on disk, and none takes the file from under another',
    async () => {
      // A new index opened by three processes at once: before, about one round in four had one
      // of them fail with SQLITE_BUSY and delete the file the others had open.
      for (let round = 0; round < 10; round += 1) {
        const cacheDir = await tempFolder();
        const go = join(cacheDir, 'go');
        const names = ['alice', 'bob', 'carol'];
        const openers = names.map((name) => opener({ cacheDir, root: '/store', go, name }));
        await Promise.all(openers.map((each) => each.ready));
        await writeFile(go, '');
        const said = await Promise.all(openers.map((each) => each.done));
        expect(said, `round ${round + 1}`).toEqual(['file', 'file', 'file']);
        const index = openStoreIndex(cacheDir, '/store');
        const paths = index.paths();
        index.close();
        expect(paths, `round ${round + 1}`).toEqual(names.map((name) => `${name}/a.json`));
      }
    },
    patience(60_000),
  );

  it('opens an index already made while another process writes to it', async () => {
    const cacheDir = await tempFolder();
    const made = openStoreIndex(cacheDir, '/store');
    made.put(indexedFile('alice/a.json', labelledDoc('alice', 'a', ['claim'])));
    made.close();
    // Another margin in the middle of a write (a review's batch, an export's kept lines).
    const writer = new Database(storeIndexFile(cacheDir, '/store'));
    writer.exec('BEGIN IMMEDIATE');
    try {
      // Before, every open took the write lock too: it waited its 5 s, then gave up and kept
      // that run's index in memory, to be filled by reading every file.
      const index = openStoreIndex(cacheDir, '/store');
      const paths = index.paths();
      index.close();
      expect(paths).toEqual(['alice/a.json']);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});
