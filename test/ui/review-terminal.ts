import { join } from 'node:path';
import { expect } from 'vitest';
import {
  type ReviewSession,
  reviewController,
  startReviewSession,
} from '../../source/commands/review-session.js';
import type { Article } from '../../source/corpus/types.js';
import { openRepository } from '../../source/store/index.js';
import type { Repository } from '../../source/store/repository.js';
import { runReview } from '../../source/ui/run.js';
import { makeTheme } from '../../source/ui/theme.js';
import { FakeStdin, FakeStdout, plain, testRepository } from './harness.js';

/**
 * The whole review as `margin review` runs it (a session, its controller, Ink), on a fake
 * terminal of 100×30, as alice. Apart from `harness.tsx`, which renders the App alone, so that
 * the tests that only draw do not load the command's modules.
 */
export function reviewOnFakeTerminal(session: ReviewSession, corpusName = 'seeds') {
  const stdout = new FakeStdout(100, 30);
  const stdin = new FakeStdin();
  const controller = reviewController(session, {
    corpusName,
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
  return { stdout, stdin, controller, running, screen };
}

/** A store opener for `startReviewSession`: a test repository, opened on the articles given. */
export async function openTestStore(articles: Article[] | undefined): Promise<Repository> {
  const repository = testRepository();
  await repository.open(articles ?? []);
  return repository;
}

/**
 * The review of the corpus folder `root` (corpus name `news`) on a fake terminal, its store
 * opened under `cacheDir` as `margin review` opens it, as alice; `quit` presses q and closes all.
 */
export async function reviewOfFolder(root: string, cacheDir: string) {
  const session = await startReviewSession(
    root,
    (articles, index) =>
      openRepository({
        root: join(cacheDir, 'annotations'),
        annotator: 'alice',
        cacheDir,
        check: 'later',
        ...(index ? { corpus: index } : articles ? { articles } : {}),
      }),
    cacheDir,
    'news',
  );
  const terminal = reviewOnFakeTerminal(session, 'news');
  const quit = async () => {
    terminal.stdin.write('q');
    expect(await terminal.running).toBe(0);
    await (await session.store).close();
    await session.close();
  };
  return { ...terminal, quit };
}
