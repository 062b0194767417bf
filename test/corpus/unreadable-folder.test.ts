import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NOBODY, runMargin } from '../helpers/built-cli.js';
import { GOOD_ARTICLE } from './temp-corpus.js';

const asRoot = process.getuid?.() === 0;
const run = (args: string[], cwd: string) => runMargin(cwd, args, { asNobody: true });

let folder: string | null = null;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = null;
});

describe('a corpus with a folder margin may not read', () => {
  it('names the folder once and lists the rest, exit 1', async () => {
    folder = await mkdtemp(join(tmpdir(), 'margin-locked-'));
    await chmod(folder, 0o755);
    const corpus = join(folder, 'corpus');
    await mkdir(join(corpus, 'locked'), { recursive: true });
    await writeFile(join(corpus, 'good.txt'), GOOD_ARTICLE);
    await writeFile(join(corpus, 'locked', 'hidden.txt'), GOOD_ARTICLE);
    if (asRoot) await chown(folder, NOBODY, NOBODY);
    await chmod(join(corpus, 'locked'), 0o000);

    const result = await run(['list', '--corpus', 'corpus'], folder);
    expect(result.stderr).toBe(
      `margin list: corpus/locked: folder cannot be read (permission denied); its files are left out\n`,
    );
    expect(
      result.stdout
        .split('\n')
        .slice(1, -1)
        .map((row) => row.split(' ')[0]),
    ).toEqual(['good']);
    expect(result.status).toBe(1);
  });
});

describe('margin show of a file margin may not read', () => {
  it('says permission denied and exits 2, as for a file that is not there', async () => {
    folder = await mkdtemp(join(tmpdir(), 'margin-locked-'));
    await chmod(folder, 0o755);
    await writeFile(join(folder, 'page.txt'), GOOD_ARTICLE);
    if (asRoot) await chown(folder, NOBODY, NOBODY);
    await chmod(join(folder, 'page.txt'), 0o000);

    expect(await run(['show', 'page.txt'], folder)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'margin show: page.txt: permission denied\n',
    });
  });
});
