import { describe, expect, it } from 'vitest';
import { startReviewSession } from '../../source/commands/review-session.js';
import type { CorpusFeed } from '../../source/review/controller.js';
import { eventually } from '../helpers/patience.js';
import { openTestStore, reviewOnFakeTerminal } from './review-terminal.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;

describe('quitting while the list is still loading', () => {
  it('ends on q though the corpus feed is still delivering, and stops the feed', async () => {
    const session = await startReviewSession(SEEDS, openTestStore, null);
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
    const { stdin, running, screen } = reviewOnFakeTerminal({
      ...session,
      feed,
      finished: false,
      done: 0,
      total: 1_000_000,
    });
    await eventually(() => (delivered > 3 ? true : undefined), 'the feed to deliver', 1000, screen);
    stdin.write('q');
    // Resolves only if the review ends while the feed still runs: the feed never ends by itself.
    expect(await running).toBe(0);
    expect(stopped).toBe(true);
    await session.close();
  });
});
