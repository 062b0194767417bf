import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runMargin } from '../helpers/built-cli.js';

const root = join(import.meta.dirname, '../..');
const scratch = await mkdtemp(join(tmpdir(), 'margin-fingerprint-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

// The cleaner's fingerprint is made by the build (scripts/bundle.mjs) and given to the bundle;
// what runs from dist/ unbundled (the bench in process) reads it from the file the build wrote.
// Were they to differ, each would take the other's index for stale and build it again.
it('the built CLI and dist/ unbundled open one corpus index without reading it again', async () => {
  const cacheDir = join(scratch, 'cache');
  const seeds = join(root, 'seeds');
  const made = await runMargin(scratch, ['index', '--json', '--corpus', seeds], {
    env: { XDG_CACHE_HOME: cacheDir },
  });
  expect(JSON.parse(made.stdout)).toMatchObject({ articles: 5, read: 5 });
  const { openCorpusIndex } = (await import(
    new URL('../../dist/corpus/db/open.js', import.meta.url).href
  )) as typeof import('../../source/corpus/db/open.js');
  const { index, refreshed } = await openCorpusIndex(seeds, {
    cacheDir: join(cacheDir, 'margin'),
    refresh: 'full',
  });
  try {
    expect(index.size()).toBe(5);
    expect(refreshed).toMatchObject({ read: 0, removed: 0 });
  } finally {
    index.close();
  }
});
