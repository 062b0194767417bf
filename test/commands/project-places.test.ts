import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runMargin } from '../helpers/built-cli.js';

const seeds = join(import.meta.dirname, '../../seeds');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-places-'));
  await cp(seeds, join(dir, 'corpus'), { recursive: true });
  await mkdir(join(dir, 'empty'));
  await mkdir(join(dir, 'desk'));
  await writeFile(join(dir, 'desk/margin.json'), JSON.stringify({ corpus: '../corpus' }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('a store that is the corpus folder, or holds it, is refused before either is read', async () => {
  const same = await runMargin(dir, ['stats', '-c', 'corpus', '-s', 'corpus']);
  expect(same.stderr).toBe(
    'margin stats: the annotation store corpus is the corpus folder: give the store a folder of its own (--store or "store" in margin.json)\n',
  );
  expect(same.status).toBe(2);
  const holds = await runMargin(dir, ['stats', '-c', 'corpus', '-s', '.']);
  expect(holds.stderr).toBe(
    'margin stats: the corpus corpus is inside the annotation store .: keep the store apart from it (--store or "store" in margin.json)\n',
  );
  expect(holds.status).toBe(2);
});

it('--project names a folder by its margin.json, and says so when it has none', async () => {
  const none = await runMargin(dir, ['list', '--project', 'empty']);
  expect(none.stderr).toBe('margin list: empty is a folder with no margin.json in it\n');
  expect(none.status).toBe(2);
  const desk = await runMargin(dir, ['list', '--project', 'desk', '--json']);
  expect(desk.stderr).toBe('');
  expect(JSON.parse(desk.stdout)).toHaveLength(5);
});
