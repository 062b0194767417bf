import { mkdtemp, rm, utimes } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { DiskCorpusIndex } from '../../source/corpus/db/disk-index.js';
import { indexFile, type OpenIndexOptions, openCorpusIndex } from '../../source/corpus/db/open.js';
import { openSqlite } from '../../source/corpus/db/sqlite.js';
import { tempCorpus } from '../corpus/temp-corpus.js';

/**
 * A corpus that another margin indexes beside the test (a review's search or list, and
 * `margin index` in another terminal): a corpus folder and a cache folder of their own for each
 * test, removed after it.
 */
export function indexedElsewhere(prefix: string) {
  const corpus = tempCorpus();
  let cacheDir: string | null = null;
  beforeEach(async () => {
    cacheDir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
    cacheDir = null;
  });
  const cache = () => {
    if (!cacheDir) throw new Error('the cache folder is made before each test');
    return cacheDir;
  };
  const openIndex = async (refresh?: OpenIndexOptions['refresh']): Promise<DiskCorpusIndex> =>
    (await openCorpusIndex(corpus.root(), { cacheDir: cache(), ...(refresh ? { refresh } : {}) }))
      .index;
  return {
    corpus,
    cacheDir: cache,
    /** A handle on the corpus's index in the cache folder, brought up to the folder as asked. */
    openIndex,
    /** Writes a file a minute old: one written in the last moments is read again by every look. */
    async writeSettled(name: string, content: string): Promise<void> {
      const path = await corpus.write(name, content);
      const past = new Date(Date.now() - 60_000);
      await utimes(path, past, past);
    },
    /**
     * Another margin (this test's parent process, alive on this host) holding the refresh of
     * the corpus's index, which it has not written yet: `release` lets go, `close` closes the
     * handle that held it.
     */
    async otherHolds(): Promise<{ release: () => void; close: () => void }> {
      (await openIndex('none')).close();
      const held = openSqlite(indexFile(cache(), corpus.root()));
      const other = JSON.stringify({ pid: process.ppid, host: hostname() });
      held.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('refreshing', ?)").run(other);
      return {
        release: () => {
          held.prepare("DELETE FROM meta WHERE key = 'refreshing'").run();
        },
        close: () => held.close(),
      };
    },
  };
}
