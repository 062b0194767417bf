import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { runMargin } from '../helpers/built-cli.js';

const seeds = join(import.meta.dirname, '../../seeds');
let dir: string;
const env = () => ({ XDG_CACHE_HOME: join(dir, 'cache') });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-import-ls-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
  const { articles } = await loadCorpus(join(dir, 'corpus'), { cacheDir: null });
  const ana = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  const [article] = articles;
  for (const sentence of article!.sentences.slice(0, 3)) {
    await ana.tag(article!, sentence.id, 'quote');
  }
  await ana.close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('a bad Label Studio region is named and skipped alone, every problem named', async () => {
  const exported = await runMargin(
    dir,
    ['export', '-c', 'corpus', '-s', 'store', '--format', 'label-studio', '--out', 'tasks.json'],
    { env: env() },
  );
  expect(exported.status).toBe(0);
  type Task = { annotations: Array<{ result: unknown[] }> };
  const tasks = JSON.parse(await readFile(join(dir, 'tasks.json'), 'utf8')) as Task[];
  const region = (value: Record<string, unknown>) => ({
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    value,
  });
  // ana's 3 regions and two odd ones; another annotator's one region with a label not the project's.
  tasks[0]!.annotations[0]!.result.push(
    region({ start: 9, end: 4, labels: ['Quote'] }),
    region({ start: 0, end: 4, labels: [] }),
  );
  tasks[0]!.annotations.push({
    completed_by: 7,
    result: [region({ start: 0, end: 4, labels: ['Opinion'] })],
  } as Task['annotations'][number]);
  await writeFile(join(dir, 'tasks.json'), JSON.stringify(tasks, null, 1));
  const ran = await runMargin(
    dir,
    ['import', 'tasks.json', '--format', 'label-studio', '-c', 'corpus', '-s', 'into'],
    { env: env() },
  );
  // Before: "0 imported, 0 duplicates skipped, 1 error", the first odd region named alone.
  expect(ran.stderr).toBe(
    [
      'margin import: tasks.json:2: annotations.0.result.3.value: end is not after start',
      'margin import: tasks.json:2: annotations.0.result.4.value: expected start, end and labels (a region of a Text object)',
      'margin import: tasks.json:2: annotations.1.result.0.value.labels: "Opinion" is not one of claim, quote, event',
      '',
    ].join('\n'),
  );
  expect(ran.stdout).toBe('3 imported, 0 duplicates skipped, 3 errors\n');
  expect(ran.status).toBe(1);
});
