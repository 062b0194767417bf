import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFolders, makeFoldersSync } from '../../source/text/folders.js';
import { runMargin } from '../helpers/built-cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'margin-folders-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe.each([
  ['makeFoldersSync', (path: string) => Promise.resolve().then(() => makeFoldersSync(path))],
  ['makeFolders', makeFolders],
])('%s', (name, make) => {
  it('makes a folder and those above it, and names the first it made, as mkdir -p', async () => {
    const top = join(scratch, name);
    expect(await make(join(top, 'a', 'b'))).toBe(top);
    expect(existsSync(join(top, 'a', 'b'))).toBe(true);
    expect(await make(join(top, 'a', 'b'))).toBeUndefined();
    expect(await make(join(top, 'a', 'c'))).toBe(join(top, 'a', 'c'));
  });

  it('refuses a file in the way, as mkdir -p does', async () => {
    const file = join(scratch, `${name}-file`);
    await writeFile(file, 'x');
    await expect(make(file)).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(make(join(file, 'below'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Node's own `recursive: true` never returns here: mkdir answers ENOENT under /proc although
  // /proc is there, and it tries the parent again and again.
  it.runIf(existsSync('/proc/self'))(
    'says no under /proc rather than trying for ever',
    async () => {
      await expect(make('/proc/margin-nowhere/margin')).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );
});

it.runIf(existsSync('/proc/self'))(
  'margin lists the seeds with its cache folder under /proc, the index in memory',
  async () => {
    const seeds = join(import.meta.dirname, '../../seeds');
    const ran = await runMargin(scratch, ['list', '--json', '--corpus', seeds], {
      env: { XDG_CACHE_HOME: '/proc/margin-nowhere' },
    });
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toHaveLength(5);
  },
);
