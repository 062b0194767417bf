import { describe, expect, it } from 'vitest';
import { reviewController, startReviewSession } from '../../source/commands/review-session.js';
import type { Article } from '../../source/corpus/types.js';
import type { Repository } from '../../source/store/repository.js';
import { eventually } from '../helpers/patience.js';
import { testRepository } from './harness.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;

/** A repository that counts how often the list's counts are read from it. */
function counting(repository: Repository) {
  const reads = { count: 0 };
  const counted = new Proxy(repository, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      if (name === 'ownTallies') {
        return (...args: unknown[]) => {
          reads.count++;
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
  return { counted, reads };
}

describe('the review over a store open before its first frame', () => {
  it('reads the list counts once: the first frame has them', async () => {
    const { counted, reads } = counting(testRepository());
    const openStore = async (articles: Article[] | undefined) => {
      await counted.open(articles ?? []);
      return counted;
    };
    // The first frame waits for the store as long as it takes: this is what a store open by
    // then gives, which a loaded machine need not reach in the 150 ms a person is given.
    const session = await startReviewSession(SEEDS, openStore, null, SEEDS, 60_000);
    expect(session.opened).not.toBeNull();
    const controller = reviewController(session, {
      corpusName: 'seeds',
      annotator: 'alice',
      compare: false,
      size: { columns: 100, rows: 30 },
    });
    expect(reads.count).toBe(1);
    controller.start();
    await eventually(() => controller.repository ?? undefined, 'the store opened');
    expect(controller.getState().storeOpen).toBe(true);
    expect(reads.count).toBe(1);
    controller.stop();
    await session.close();
  });
});
