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

/** The review's own search, with time enough on a loaded machine to read and count the seeds. */
const patient = { typingMs: 60_000, countMs: 60_000 };
const lastLine = (frame: string) => frame.split('\n').at(-1)!;

describe('how many sentences a search in the review matches', () => {
  it('says how many match when more than the 50 it lists do, in the box and while stepping', async () => {
    const repository = testRepository();
    const engine = buildSearchEngine(seeds);
    const all = engine.search('the', storeFacts(repository), { limit: 100_000 }).length;
    expect(all).toBeGreaterThan(50);
    app = await renderApp({
      articles: seeds,
      columns: 100,
      rows: 30,
      repository,
      search: reviewSearch(engine, undefined, patient),
    });
    await app.press('/');
    await app.press('the');
    await app.waitFor((f) => f.includes(`first 50 of ${all} results`), 'the count of them all');
    expect(app.frame()).not.toContain('50 results');
    await app.press(KEYS.enter);
    await app.waitFor(
      (f) => lastLine(f).startsWith(`result 1 of the first 50 of ${all}: n next`),
      'the first result, with the count',
    );
    await app.press('n');
    await app.waitFor(
      (f) => lastLine(f).startsWith(`result 2 of the first 50 of ${all} for “the”`),
      'the second result, with the count',
    );
  });

  it('counts a search of fewer hits than it lists as before', async () => {
    const repository = testRepository();
    const engine = buildSearchEngine(seeds);
    const found = engine.search('Witkov', storeFacts(repository), { limit: 100_000 }).length;
    expect(found).toBeGreaterThan(1);
    expect(found).toBeLessThan(50);
    app = await renderApp({
      articles: seeds,
      columns: 100,
      rows: 30,
      repository,
      search: reviewSearch(engine, undefined, patient),
    });
    await app.press('/');
    await app.press('Witkov');
    await app.waitFor((f) => f.includes(`\n${found} results`), 'the count');
    await app.press(KEYS.enter);
    await app.waitFor(
      (f) => lastLine(f).startsWith(`result 1 of ${found}: n next`),
      'the first result',
    );
  });
});
