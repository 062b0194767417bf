import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { GOOD_ARTICLE } from '../corpus/temp-corpus.js';
import { NOBODY, runMargin } from '../helpers/built-cli.js';

const asRoot = process.getuid?.() === 0;
const run = (args: string[], cwd: string) =>
  runMargin(cwd, args, { asNobody: true, env: { XDG_CACHE_HOME: join(cwd, 'cache') } });

let folder: string | null = null;
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = null;
});

describe('a store with an annotator folder margin may not read', () => {
  // 2026-12-05: every command stopped with `EACCES: permission denied, scandir …`.
  it('names the folder once; the other annotators are read; exit 1', async () => {
    folder = await mkdtemp(join(tmpdir(), 'margin-locked-store-'));
    const corpus = join(folder, 'corpus');
    await mkdir(corpus);
    await writeFile(join(corpus, 'good.txt'), GOOD_ARTICLE);
    const { articles } = await loadCorpus(corpus, { cacheDir: null });
    for (const annotator of ['alice', 'locked']) {
      const repository = await openRepository({ root: join(folder, 'store'), annotator, articles });
      await repository.tag(articles[0]!, articles[0]!.sentences[0]!.id, 'claim');
      await repository.close();
    }
    if (asRoot) await promisify(execFile)('chown', ['-R', `${NOBODY}:${NOBODY}`, folder]);
    await chmod(join(folder, 'store', 'locked'), 0o000);

    // `story` read the folder's story links file too, and named it in a second line.
    for (const command of ['stats', 'orphans', 'story']) {
      const result = await run([command, '-c', 'corpus', '-s', 'store'], folder);
      const named = result.stderr.split('\n').filter((line) => line.includes('locked'));
      expect(named).toEqual([
        `margin ${command}: store/locked: folder cannot be read (permission denied); its files are left out`,
      ]);
      if (command !== 'story') expect(result.stderr).toBe(`${named[0]}\n`);
      expect(result.status).toBe(1);
      if (command === 'stats')
        expect(result.stdout).toMatch(/^1 annotation on 1 article by 1 annotator\n/);
    }
  });
});
