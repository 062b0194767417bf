import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { runMargin } from '../helpers/built-cli.js';
import { patience } from '../helpers/patience.js';

const seeds = join(import.meta.dirname, '../../seeds');
let dir: string;
const flags = ['-c', 'corpus', '-s', 'store'];

async function listing(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true })).sort();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-export-corpus-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
  await mkdir(join(dir, 'corpus/more'));
  await symlink(join(dir, 'corpus'), join(dir, 'link'));
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const repository = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  await repository.tag(articles[0]!, articles[0]!.sentences[0]!.id, 'claim');
  await repository.close();
}, patience(6_000));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('export --out into the corpus folder', () => {
  it('is refused in one line and writes nothing there', async () => {
    const before = await listing(join(dir, 'corpus'));
    for (const [format, out] of [
      ['jsonl', 'corpus/annotations.jsonl'],
      ['csv', 'corpus/more/annotations.csv'],
      ['brat', 'corpus'],
      ['jsonl', 'link/through-a-link.jsonl'],
    ] as const) {
      const ran = await runMargin(dir, ['export', ...flags, '--format', format, '--out', out]);
      expect(ran.stderr).toBe(
        `margin export: --out ${out} is inside the corpus corpus: its files would be read as articles; export somewhere else\n`,
      );
      expect(ran.status).toBe(2);
    }
    expect(await listing(join(dir, 'corpus'))).toEqual(before);
    const list = await runMargin(dir, ['list', '-c', 'corpus', '--json']);
    expect(JSON.parse(list.stdout)).toHaveLength(5);
  });

  it('a brat folder below the corpus is written, and kept out of it', async () => {
    const ran = await runMargin(dir, [
      'export',
      ...flags,
      '--format',
      'brat',
      '--out',
      'corpus/brat',
    ]);
    expect(ran.status).toBe(0);
    const list = await runMargin(dir, ['list', '-c', 'corpus', '--json']);
    expect(JSON.parse(list.stdout)).toHaveLength(5);
  });

  it('beside the corpus, the export is written', async () => {
    const ran = await runMargin(dir, [
      'export',
      ...flags,
      '--format',
      'jsonl',
      '--out',
      'out.jsonl',
    ]);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(await readdir(dir)).toContain('out.jsonl');
  });
});
