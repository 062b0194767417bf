import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository, readModelFile } from '../../source/store/index.js';
import {
  createModel,
  learnCorrection,
  parseModel,
  serialiseModel,
} from '../../source/suggest/index.js';
import { useTempFolder } from './temp-store.js';

/** A model as margin writes it: one weight a line. */
const model = (weights: number[]) => `${weights.map((w) => `${w}`).join('\n')}\n`;

describe('a suggestion model in git', () => {
  const tempFolder = useTempFolder();

  it('a new store has git keep one side of a merged suggestion model, and stop on it', async () => {
    const dir = await tempFolder();
    const root = join(dir, 'annotations');
    const cacheDir = await tempFolder();
    await (await openRepository({ root, annotator: 'alice', articles: [], cacheDir })).close();
    expect(await readFile(join(root, '.gitattributes'), 'utf8')).toContain(
      '.suggest-model.json -merge',
    );

    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    const file = join(root, 'alice', '.suggest-model.json');
    await mkdir(join(root, 'alice'), { recursive: true });
    expect(git('init', '-q', '-b', 'main').status).toBe(0);
    await writeFile(file, model([1, 2, 3, 4, 5, 6]));
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'other');
    await writeFile(file, model([1, 2, 3, 4, 5, 60]));
    git('commit', '-qam', 'other learnt');
    git('checkout', '-q', 'main');
    const ours = model([10, 2, 3, 4, 5, 6]);
    await writeFile(file, ours);
    git('commit', '-qam', 'main learnt');
    // Two lines far apart: a text merge took one from each side without a conflict.
    const merged = git('merge', 'other');
    expect(merged.status).not.toBe(0);
    expect(`${merged.stdout}${merged.stderr}`).toContain('CONFLICT');
    expect(await readFile(file, 'utf8')).toBe(ours);
  });

  it('names a model a merge left unmerged (one side kept whole, no marker) until a side is chosen', async () => {
    const dir = await tempFolder();
    const root = join(dir, 'annotations');
    const cacheDir = await tempFolder();
    await (await openRepository({ root, annotator: 'alice', articles: [], cacheDir })).close();
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        cwd: dir,
        encoding: 'utf8',
      });
    const corrected = (to: string) => {
      const taught = createModel();
      learnCorrection(taught, 'speaker', 'Peskov', to);
      return serialiseModel(taught);
    };
    const file = join(root, 'alice', '.suggest-model.json');
    await mkdir(join(root, 'alice'), { recursive: true });
    expect(git('init', '-q', '-b', 'main').status).toBe(0);
    await writeFile(file, corrected('Dmitry Peskov'));
    git('add', '-A');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'laptop');
    await writeFile(file, corrected('Dmitry S. Peskov'));
    git('commit', '-qam', 'laptop learnt');
    git('checkout', '-q', 'main');
    await writeFile(file, corrected('D. Peskov'));
    git('commit', '-qam', 'desk learnt');
    expect(git('merge', 'laptop').status).not.toBe(0);
    expect(git('status', '--porcelain').stdout).toContain(
      'UU annotations/alice/.suggest-model.json',
    );
    // Our side is whole and reads as a model: only git knows the laptop's waits.
    expect(parseModel(await readFile(file, 'utf8')).model.corrections.size).toBe(1);
    expect(await readModelFile(root, 'alice', parseModel, 'annotations')).toEqual({
      kind: 'refused',
      message:
        'annotations/alice/.suggest-model.json: is in an unresolved git merge (git status: ' +
        'unmerged), one side kept and the other waiting: keep one side (git checkout --ours or ' +
        '--theirs, then git add it) or delete the file to start again from the rules; margin ' +
        'leaves it as it is',
    });
    git('checkout', '--theirs', '--', file);
    git('add', file);
    const read = await readModelFile(root, 'alice', parseModel);
    expect(read.kind).toBe('loaded');
    if (read.kind === 'loaded')
      expect(read.value.model.corrections.get('speaker')?.get('Peskov')).toBe('Dmitry S. Peskov');
  });
});
