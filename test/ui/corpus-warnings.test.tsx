import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { reviewController, startReviewSession } from '../../source/commands/review-session.js';
import { runReview } from '../../source/ui/run.js';
import { makeTheme } from '../../source/ui/theme.js';
import { eventually } from '../helpers/patience.js';
import { FakeStdin, FakeStdout, plain, testRepository } from './harness.js';

it('names an unreadable corpus file once under the list', async () => {
  const corpus = await mkdtemp(join(tmpdir(), 'margin-warn-'));
  try {
    await writeFile(join(corpus, 'a.txt'), 'A fine sentence. Another fine one.\n');
    await writeFile(join(corpus, 'empty.txt'), '');
    const session = await startReviewSession(
      corpus,
      async (articles) => {
        const repository = testRepository();
        await repository.open(articles ?? []);
        return repository;
      },
      null,
    );
    const stdout = new FakeStdout(100, 30);
    const stdin = new FakeStdin();
    const controller = reviewController(session, {
      corpusName: 'c',
      annotator: 'alice',
      compare: false,
      size: { columns: 100, rows: 30 },
    });
    const running = runReview({
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      controller,
      theme: makeTheme(false),
    });
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
