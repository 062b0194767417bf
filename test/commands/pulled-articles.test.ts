import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/index.js';
import { openRepository } from '../../source/store/index.js';
import { runMargin } from '../helpers/built-cli.js';
import { patience } from '../helpers/patience.js';

/**
 * A team shares its articles through git: one clone changes an article and commits, the other
 * pulls. `git pull` replaces the file under its name (unlink and create), which changes the
 * folder's time but not the set of names in it; every command of the other clone must then
 * answer from the new text, without a `margin index` first.
 */
let dir: string;
const flags = ['-c', 'articles', '-s', '../store'];
const before = 'The flag was raised over the town hall on Monday morning.';
const after = 'The flag was finally raised over the town hall on Monday morning.';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'ana',
      GIT_AUTHOR_EMAIL: 'ana@example.org',
      GIT_COMMITTER_NAME: 'ana',
      GIT_COMMITTER_EMAIL: 'ana@example.org',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
}

const article = (first: string, extra = '') =>
  `Flag raised in Kyiv\n\n${extra}${first} Crowds watched from the square below. The mayor spoke briefly afterwards.\n`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-pulled-'));
  const one = join(dir, 'one');
  await mkdir(join(one, 'articles'), { recursive: true });
  await writeFile(join(one, 'articles/010_flag.txt'), article(before));
  await writeFile(
    join(one, 'articles/011_port.txt'),
    'Port reopens\n\nThe port of Varna reopened on Monday after a storm closed it.\n',
  );
  git(one, 'init', '-q', '-b', 'main');
  git(one, 'add', '.');
  git(one, 'commit', '-q', '-m', 'articles');
  git(dir, 'clone', '-q', 'one', 'two');
  const two = join(dir, 'two');
  // The annotations are made in the second clone, on the text as it was: one on the sentence
  // the pull rewords (an orphan after it), one on the sentence an edit in place rewords, one on a
  // sentence kept throughout.
  const { articles } = await loadCorpus(join(two, 'articles'), { cacheDir: null });
  const flag = articles.find((found) => found.path.endsWith('010_flag.txt'))!;
  const repository = await openRepository({ root: join(dir, 'store'), annotator: 'ana', articles });
  for (const text of [
    before,
    'Crowds watched from the square below.',
    'The mayor spoke briefly afterwards.',
  ]) {
    const sentence = flag.sentences.find((found) => found.text === text)!;
    await repository.tag(flag, sentence.id, 'claim');
  }
  await repository.close();
}, patience(6_000));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('an article changed by git pull', () => {
  it(
    'is what every command of the pulling clone answers from, without margin index',
    async () => {
      const two = join(dir, 'two');
      const env = { XDG_CACHE_HOME: join(dir, 'cache') };
      const run = (args: string[]) => runMargin(two, args, { env });
      // The index is made and trusted before the pull, as it is on a working day.
      const first = await run(['export', ...flags, '--format', 'prodigy']);
      expect(first.stdout).toContain(before);
      expect((await run(['orphans', ...flags])).stdout).toMatch(/No orphans/);
      const one = join(dir, 'one');
      await writeFile(
        join(one, 'articles/010_flag.txt'),
        article(after, 'Officials had promised it for weeks. '),
      );
      git(one, 'commit', '-q', '-a', '-m', 'finally');
      git(two, 'pull', '-q', '--ff-only');

      const exported = await run(['export', ...flags, '--format', 'prodigy']);
      expect(exported.stdout).toContain(after);
      expect(exported.stdout).not.toContain(before);
      const orphans = await run(['orphans', ...flags]);
      expect(orphans.stdout).not.toMatch(/No orphans/);
      expect(orphans.stdout).toContain(before);
      const found = await run(['search', ...flags, 'promised for weeks']);
      expect(found.stdout).toContain('Officials had promised it for weeks.');
      const listed = await run(['list', '-c', 'articles', '--json']);
      const summary = (JSON.parse(listed.stdout) as Array<{ id: string; sentences: number }>).find(
        (item) => item.id === '010_flag',
      );
      expect(summary?.sentences).toBe(4);
    },
    patience(6_000),
  );

  it(
    'is what export and orphans answer from once edited in place (VS Code, nano)',
    async () => {
      const two = join(dir, 'two');
      const env = { XDG_CACHE_HOME: join(dir, 'cache') };
      const run = (args: string[]) => runMargin(two, args, { env });
      const path = join(two, 'articles/010_flag.txt');
      // Every time long settled, and the index made: the quick look trusts the folder.
      const past = new Date(Date.now() - 3_600_000);
      for (const name of ['articles/010_flag.txt', 'articles/011_port.txt', 'articles'])
        await utimes(join(two, name), past, past);
      expect((await run(['export', ...flags, '--format', 'prodigy'])).stdout).toContain(after);
      // Written over in place: the folder's time is left alone.
      await writeFile(
        path,
        article(after, 'Officials had promised it for weeks. ').replace(
          'Crowds watched',
          'Crowds cheered',
        ),
      );
      const minute = new Date(Date.now() - 60_000);
      await utimes(path, minute, minute);
      const exported = await run(['export', ...flags, '--format', 'prodigy']);
      expect(exported.stdout).toContain('Crowds cheered from the square below.');
      const orphans = await run(['orphans', ...flags, '--json']);
      // The sentence the pull reworded, and now the one edited in place.
      expect(JSON.parse(orphans.stdout)).toHaveLength(2);
    },
    patience(6_000),
  );
});
