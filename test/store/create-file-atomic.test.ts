import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createFileAtomic } from '../../source/store/atomic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-create-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it('writes a new file whole and leaves no temp file beside it', async () => {
  expect(await createFileAtomic(join(dir, '.gitignore'), '.*.tmp\n.*.lock\n')).toBe(true);
  expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('.*.tmp\n.*.lock\n');
  expect(await readdir(dir)).toEqual(['.gitignore']);
});

it('never replaces what is there: a file the user wrote, or a folder', async () => {
  await writeFile(join(dir, '.gitignore'), 'mine\n');
  expect(await createFileAtomic(join(dir, '.gitignore'), 'margin\n')).toBe(false);
  expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('mine\n');
  await mkdir(join(dir, 'folder'));
  expect(await createFileAtomic(join(dir, 'folder'), 'margin\n')).toBe(false);
  expect((await readdir(dir)).sort()).toEqual(['.gitignore', 'folder']);
});

it('a folder it cannot write in: the error, and no temp file', async () => {
  await expect(createFileAtomic(join(dir, 'gone', '.gitignore'), 'x')).rejects.toMatchObject({
    code: 'ENOENT',
  });
  expect(await readdir(dir)).toEqual([]);
});
