import { spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dotNames } from '../../source/store/disk-storage.js';
import { teamStore, viewOf } from './team-store.js';

const bytes = (text: string) => Buffer.from(text);

import { useTempFolder } from './temp-store.js';

/**
 * An annotator folder's listing goes to the check as text (NUL between the names); the open
 * finds the leftovers of interrupted saves, all dot files, in that text without splitting it.
 */
describe('the dot files of a listing', () => {
  const tempFolder = useTempFolder();

  it('are every name that starts with a dot, wherever it stands', () => {
    expect(dotNames(bytes(''))).toEqual([]);
    expect(dotNames(bytes('a.json\0b.json'))).toEqual([]);
    expect(dotNames(bytes('.gitignore'))).toEqual(['.gitignore']);
    expect(dotNames(bytes('.a.json.1.x.tmp\0a.json\0.b.json.lock\0b.json\0.c'))).toEqual([
      '.a.json.1.x.tmp',
      '.b.json.lock',
      '.c',
    ]);
    expect(dotNames(bytes('a.json\0.x\0.y'))).toEqual(['.x', '.y']);
    // A dot inside a name is not at its start.
    expect(dotNames(bytes('a.json\0b.c.json'))).toEqual([]);
  });

  it('are where an open finds a crashed writer’s temp file, and removes it', async () => {
    const root = await tempFolder();
    const cacheDir = await tempFolder();
    await teamStore(root);
    await viewOf(root, cacheDir);
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout,
    );
    const temp = `.a1.json.${dead}.0123456789ab.tmp`;
    await writeFile(join(root, 'alice', temp), '{');
    await viewOf(root, cacheDir);
    expect(await readdir(join(root, 'alice'))).not.toContain(temp);
  });
});
