import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWithin, shownUnder } from '../../source/commands/paths.js';

it('takes a name that starts with two dots for one inside the folder, and .. for its parent', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'margin-within-'));
  try {
    const store = join(dir, 'annotations');
    expect(isWithin(join(store, '..exports', 'x.jsonl'), store)).toBe(true);
    expect(isWithin(join(store, 'alice', 'a.json'), store)).toBe(true);
    expect(isWithin(store, store)).toBe(true);
    expect(isWithin(join(store, '..', 'x.jsonl'), store)).toBe(false);
    expect(isWithin(join(dir, 'annotations.csv'), store)).toBe(false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describe('a message’s paths as the user typed the corpus folder', () => {
  it('names a file under a folder typed as a climb to it once, not twice', () => {
    // qa50: `--corpus ../../../tmp/rt` named `../../..../../../tmp/rt/e.txt`.
    const shown = shownUnder('/tmp/rt', '../../../tmp/rt');
    expect(shown('/tmp/rt/e.txt: empty file')).toBe('../../../tmp/rt/e.txt: empty file');
    expect(shown('/tmp/rt: not a folder')).toBe('../../../tmp/rt: not a folder');
  });

  it('rewrites every file under the folder in one message, and the folder itself once', () => {
    const shown = shownUnder('/work/seeds', 'seeds');
    expect(shown('/work/seeds/a.txt and /work/seeds/b.txt')).toBe('seeds/a.txt and seeds/b.txt');
    expect(shown('/work/seeds is /work/seeds')).toBe('seeds is /work/seeds');
    expect(shown('/work/seedsx/a.txt')).toBe('/work/seedsx/a.txt');
  });
});
