import { copyFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { DiskCorpusIndex } from '../../source/corpus/db/disk-index.js';
import { openCorpusIndex } from '../../source/corpus/db/open.js';

const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
/** Three seed articles: enough to tell one article's placements from another's. */
export const FILES = [
  '000_4b207f45d15cbf96.txt',
  '001_d7fb493d5d978b6e.txt',
  '002_95852239c1d84bad.txt',
];

/**
 * A corpus folder of the three seeds, a cache folder, a store path beside them, and `corpus()`,
 * which opens the corpus index there as a command does (a full look). The copies are dated an
 * hour back: a file written in the last moments is read again at every look, a new generation
 * of the corpus each time, and a test of what is kept per generation then passed only on a
 * machine slow enough to leave that window.
 */
export async function seededCorpus(tempFolder: () => Promise<string>) {
  const corpusDir = await tempFolder();
  const hourAgo = new Date(Date.now() - 3600_000);
  for (const name of FILES) {
    await copyFile(join(SEEDS, name), join(corpusDir, name));
    await utimes(join(corpusDir, name), hourAgo, hourAgo);
  }
  const cacheDir = await tempFolder();
  const root = join(await tempFolder(), 'store');
  const corpus = async (): Promise<DiskCorpusIndex> =>
    (await openCorpusIndex(corpusDir, { cacheDir, refresh: 'full' })).index;
  return { corpusDir, cacheDir, root, corpus };
}
