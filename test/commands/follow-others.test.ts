import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followOthers } from '../../source/commands/review-session.js';
import { lazyArticleMaker } from '../../source/corpus/lazy-articles.js';
import type { CorpusEvent } from '../../source/review/controller.js';
import type { Repository } from '../../source/store/repository.js';
import { indexedElsewhere } from '../helpers/indexed-elsewhere.js';
import { patience } from '../helpers/patience.js';

const { writeSettled, openIndex, corpus } = indexedElsewhere('margin-follow-');

const story = (city: string) =>
  `Talks resume in ${city}\n\nNegotiators met in ${city} on Tuesday. They talked for six hours.\n`;

/** Waits, on the real clock, for `done` (the timers the follower sets are fake). */
async function until(done: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + patience(1000);
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

afterEach(() => {
  vi.useRealTimers();
});

/**
 * `followOthers` on a list read at `listed`, the store given, its events gathered; the looks'
 * timers and clock are fake from here on (the index's reads and the test's waits run for real).
 */
function follow(
  index: Parameters<typeof followOthers>[0]['index'],
  list: Parameters<typeof followOthers>[0]['list'],
  listed: string,
  store: Repository,
) {
  const events: CorpusEvent[] = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const stop = followOthers({
    index,
    list,
    listed,
    store: Promise.resolve(store),
    named: (problem) => problem.path,
    told: new Set(),
    listener: (event) => events.push(event),
  });
  return { events, stop };
}

describe('an open review following another margin', () => {
  it('waits longer after each failed look, and reads the list once while the index stands', async () => {
    await writeSettled('a.txt', story('Geneva'));
    const index = await openIndex('full');
    const list = index.summaries(0, index.size()).map(lazyArticleMaker(index));
    const listed = index.readAt;
    // `margin index` in another terminal adds an article.
    await writeSettled('b.txt', story('Vienna'));
    const other = await openIndex('none');
    await other.refresh('full');
    other.close();

    // The store cannot take the new list in twice (a writer holds it), then can. When it was
    // asked, on the fake clock.
    const asked: number[] = [];
    const store = {
      open: async () => {
        asked.push(Date.now());
        if (asked.length <= 2) throw new Error('database is locked');
      },
    } as unknown as Repository;
    const read = vi.spyOn(index, 'listingSteps');
    const { events, stop } = follow(index, list, listed, store);
    // On the fake clock, which stands still until a timer is run.
    const start = Date.now();
    try {
      for (let look = 1; look <= 3; look++) {
        vi.advanceTimersToNextTimer();
        // The look is over once it has set the next.
        await until(() => asked.length === look && vi.getTimerCount() === 1, `look ${look}`);
      }
      // Each failure doubled the wait; after the look that succeeded, the next is a second away.
      expect(asked.map((at) => at - start)).toEqual([1000, 1000 + 2000, 1000 + 2000 + 4000]);
      const last = Date.now();
      vi.advanceTimersToNextTimer();
      expect(Date.now() - last).toBe(1000);
      // The list was read once: the index stood at the generation it was read at.
      expect(read).toHaveBeenCalledTimes(1);
      expect(events).toHaveLength(1);
      const [changed] = events;
      expect(changed?.type).toBe('changed');
      expect(
        changed?.type === 'changed' ? changed.articles.map((article) => article.title) : [],
      ).toEqual(['Talks resume in Geneva', 'Talks resume in Vienna']);
    } finally {
      stop();
      vi.useRealTimers();
      read.mockRestore();
      index.close();
    }
  });

  it('takes in what another margin added, changed and removed without reading the list again', async () => {
    await writeSettled('a.txt', story('Geneva'));
    await writeSettled('c.txt', story('Oslo'));
    await writeSettled('d.txt', story('Rome'));
    const index = await openIndex('full');
    const list = index.summaries(0, index.size()).map(lazyArticleMaker(index));
    const listed = index.readAt;
    // The screen read a's text.
    expect(list[0]?.text).toContain('Geneva');
    const [a, c, d] = list.map((article) => article.id);
    const read = vi.spyOn(index, 'listingSteps');
    const store = { open: async () => undefined } as unknown as Repository;
    const { events, stop } = follow(index, list, listed, store);
    try {
      // `margin index` in another terminal: b added, a changed, c removed.
      await writeSettled('b.txt', story('Vienna'));
      await writeSettled('a.txt', story('Lisbon'));
      await rm(join(corpus.root(), 'c.txt'));
      const other = await openIndex('none');
      await other.refresh('full');
      other.close();
      // The next look (the refresh may have set timers of its own meanwhile).
      vi.advanceTimersByTime(1000);
      await until(() => events.length === 1, 'the changed list');
      const [changed] = events;
      if (changed?.type !== 'changed') throw new Error(`not a changed list: ${changed?.type}`);
      expect(changed.articles.map((article) => article.title)).toEqual([
        'Talks resume in Lisbon',
        'Talks resume in Vienna',
        'Talks resume in Rome',
      ]);
      // The article the screen read is named changed, and reads as the other wrote it.
      expect(changed.changed).toEqual([a]);
      expect(changed.articles[0]?.text).toContain('Lisbon');
      // d, unchanged, is the article the screen held; c is gone.
      expect(changed.articles[2]).toBe(list[2]);
      expect(changed.articles.map((article) => article.id)).toContain(d);
      expect(changed.articles.map((article) => article.id)).not.toContain(c);
      // Only what changed was read: the list was not read again.
      expect(read).not.toHaveBeenCalled();
    } finally {
      stop();
      vi.useRealTimers();
      read.mockRestore();
      index.close();
    }
  });
});
