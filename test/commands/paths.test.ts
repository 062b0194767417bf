import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isWithin } from '../../source/commands/paths.js';

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
