import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../source/store/index.js';
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
});
