import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { runMargin } from '../helpers/built-cli.js';
import { patience } from '../helpers/patience.js';

const seeds = join(import.meta.dirname, '../../seeds');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-strays-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const repository = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  for (const article of articles) await repository.tag(article, article.sentences[0]!.id, 'claim');
  await repository.close();
  // What a team's store picks up: a .gitignore per folder, notes, a file where a folder goes,
  // a folder margin did not make, editors' files, one broken store file.
  await writeFile(join(dir, 'store/ana/.gitignore'), '*.bak\n');
  await writeFile(join(dir, 'store/README.md'), '# our annotations\n');
  await writeFile(join(dir, 'store/bob'), 'not a folder\n');
  await mkdir(join(dir, 'store/.git'));
  await mkdir(join(dir, 'store/old exports~'));
  await writeFile(join(dir, 'store/ana/notes.txt'), 'remember\n');
  await writeFile(join(dir, 'store/ana/.DS_Store'), '\0\0');
  await writeFile(join(dir, 'store/ana/broken.json'), '{"version":');
}, patience(6_000));
afterAll(() => rm(dir, { recursive: true, force: true }));

it("a new store's .gitignore is whole", async () => {
  expect(await readFile(join(dir, 'store/.gitignore'), 'utf8')).toBe(
    '# written by margin while saving; never worth committing\n.*.tmp\n.*.lock\n',
  );
});

it('stray files in the store are passed over; a broken store file is named once, the rest read', async () => {
  const ran = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'store', '--json']);
  expect(ran.stderr).toBe(
    'margin stats: store/ana/broken.json: not valid JSON (it ends too early)\n',
  );
  expect(JSON.parse(ran.stdout)).toMatchObject({ annotations: 5 });
  expect(ran.status).toBe(1);
  const jsonl = await runMargin(dir, [
    'export',
    '-c',
    'corpus',
    '-s',
    'store',
    '--format',
    'jsonl',
  ]);
  expect(jsonl.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  const labels = jsonl.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).label);
  expect(labels).toEqual(['claim', 'claim', 'claim', 'claim', 'claim']);
});
