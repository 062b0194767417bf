import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { CommandIO } from '../../source/commands/command.js';
import { runReview } from '../../source/ui/run.js';
import { startCorpus } from '../../source/ui/session.js';
import { makeTheme } from '../../source/ui/theme.js';
import { eventually } from '../helpers/patience.js';
import { FakeStdin, FakeStdout, plain, testRepository } from './harness.js';

it('names an unreadable corpus file once under the list', async () => {
  const corpus = await mkdtemp(join(tmpdir(), 'margin-warn-'));
  try {
    await writeFile(join(corpus, 'a.txt'), 'A fine sentence. Another fine one.\n');
    await writeFile(join(corpus, 'empty.txt'), '');
    const session = await startCorpus(
      corpus,
      async (articles) => {
        const repository = testRepository();
        await repository.open(articles ?? []);
        return repository;
      },
      'alice',
      null,
    );
    const stdout = new FakeStdout(100, 30);
    const stdin = new FakeStdin();
    const io = { stdout, stdin, stderr: stdout, env: {}, cwd: '/' } as unknown as CommandIO;
    const running = runReview({ io, corpusName: 'c', session, theme: makeTheme(false) });
    const screen = () => plain(stdout.frames.join(''));
    await eventually(
      () => (screen().includes('⚠') ? true : undefined),
      'the warning',
      1000,
      screen,
    );
    const warning = screen()
      .split('\n')
      .find((line) => line.includes('⚠'));
    expect(warning?.trimEnd()).toBe(`⚠ ${join(corpus, 'empty.txt')}: empty file`);
    stdin.write('q');
    await running;
  } finally {
    await rm(corpus, { recursive: true, force: true });
  }
});
