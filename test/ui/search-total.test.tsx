import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reviewSearch } from '../../source/commands/review-search.js';
import type { Article } from '../../source/corpus/types.js';
import { buildSearchEngine, storeFacts } from '../../source/search/index.js';
import { KEYS, type Rendered, renderApp, seedArticles, testRepository } from './harness.js';

let seeds: Article[];
let app: Rendered | null = null;
beforeAll(async () => {
  seeds = await seedArticles();
});
afterEach(() => {
  app?.unmount();
  app = null;
});

const lastLine = (frame: string) => frame.split('\n').at(-1)!;

describe('the count of a search the review had to rank whole', () => {
  // qa54 #9: `first 50 results: more match, too many to count` for a query whose 336 matches
  // the search had just read and ranked; the count ran again after them, out of time.
  it('says how many match when the search read them all, with no time left to count', async () => {
    const repository = testRepository();
    const engine = buildSearchEngine(seeds);
    const query = QUERY;
    let ranked: number | undefined;
    const every = engine.search(query, storeFacts(repository), {
      limit: 50,
      onTotal: (total) => {
        ranked = total;
      },
    });
    const all = engine.search(query, storeFacts(repository), { limit: 100_000 }).length;
    // The query is one the search ranks whole (an exclusion reads every match), of more than 50.
    expect(every).toHaveLength(50);
    expect(ranked).toBe(all);
    expect(all).toBeGreaterThan(50);
    app = await renderApp({
      articles: seeds,
      columns: 100,
      rows: 30,
      repository,
      // No time at all for a search while typing or for counting after it: Enter reads it whole.
      search: reviewSearch(engine, undefined, { typingMs: 0, countMs: 0 }),
    });
    await app.press('/');
    await app.press(query);
    await app.waitFor((f) => f.includes('Enter searches them all'), 'the search stopped');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes(`first 50 of ${all} results`), 'the count of them all');
    expect(app.frame()).not.toContain('too many to count');
    await app.press(KEYS.enter);
    await app.waitFor(
      (f) => lastLine(f).startsWith(`result 1 of the first 50 of ${all}: n/N, Esc back`),
      'the first result, with the count',
    );
  });
});

const QUERY = 'the -Ushakov';
