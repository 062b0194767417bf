import { describe, expect, it } from 'vitest';
import { reviewController, startReviewSession } from '../../source/commands/review-session.js';
import type { CorpusFeed } from '../../source/review/controller.js';
import { runReview } from '../../source/ui/run.js';
import { makeTheme } from '../../source/ui/theme.js';
import { eventually } from '../helpers/patience.js';
import { FakeStdin, FakeStdout, plain, testRepository } from './harness.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;

describe('quitting while the list is still loading', () => {
  it('ends on q though the corpus feed is still delivering, and stops the feed', async () => {
    const session = await startReviewSession(
      SEEDS,
      async (articles) => {
        const store = testRepository();
        await store.open(articles ?? []);
        return store;
      },
      null,
    );
    // A feed that never finishes unless stopped: a batch of the list after every turn of the
    // event loop, as the rest of a 100,000-article list arrives behind the first frame.
    let delivered = 0;
    let stopped = false;
    const feed: CorpusFeed = (listener) => {
      const next = () => {
        if (stopped) return;
        delivered += 1;
        listener({ type: 'progress', articles: [], done: delivered, total: 1_000_000 });
        setImmediate(next);
      };
      setImmediate(next);
      return () => {
        stopped = true;
      };
    };
    const controller = reviewController(
      { ...session, feed, finished: false, done: 0, total: 1_000_000 },
      {
        corpusName: 'seeds',
        annotator: 'alice',
        compare: false,
        size: { columns: 100, rows: 30 },
      },
    );
    const stdout = new FakeStdout(100, 30);
    const stdin = new FakeStdin();
    const running = runReview({
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      controller,
      theme: makeTheme(false),
    });
    const screen = () => plain(stdout.frames.join(''));
    await eventually(() => (delivered > 3 ? true : undefined), 'the feed to deliver', 1000, screen);
    stdin.write('q');
    // Resolves only if the review ends while the feed still runs: the feed never ends by itself.
    expect(await running).toBe(0);
    expect(stopped).toBe(true);
    await session.close();
  });
});
