import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reviewSearch } from '../../source/commands/review-search.js';
import type { Article } from '../../source/corpus/types.js';
import type { SearchFunction } from '../../source/review/controller.js';
import { buildSearchEngine, storeFacts } from '../../source/search/index.js';
import { eventually } from '../helpers/patience.js';
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

/** A phrase of common words: at 100,000 articles, Enter on it reads for 25 s (load 15). */
const QUERY = '"of the"';
const READING = 'reading every sentence with these words… Esc stops it, typing searches anew';

/**
 * Search as the review runs it, where `QUERY` stops while typing and, while `held.on`, Enter's
 * search reads on without end (as a 25 s read does, for as long as the test wants): each turn it
 * reads is counted in `held.turns`.
 */
function slowSearch(repository: ReturnType<typeof testRepository>) {
  const engine = buildSearchEngine(seeds);
  const inner = reviewSearch(engine, undefined, { turnMs: 0 });
  const held = { on: true, turns: 0, answered: 0 };
  const search: SearchFunction = (query, store, whole, limit, counted) => {
    if (query === QUERY && whole === false) return null;
    if (whole === 'in turns' && held.on) {
      held.turns++;
      return 'reading';
    }
    const answer = inner(query, store, whole, limit, counted);
    if (whole === 'in turns' && answer !== 'reading') held.answered++;
    return answer;
  };
  const all = (query: string) =>
    engine.search(query, storeFacts(repository), { limit: 100_000 }).length;
  return { search, held, all };
}

/** Waits for Enter's search to ask for a turn more than it had: it is reading. */
async function readsOn(held: { turns: number }): Promise<void> {
  const before = held.turns;
  await eventually(() => (held.turns > before + 1 ? true : undefined), 'another turn of reading');
}

/** Lets the app run a while, then says whether Enter's search asked for another turn. */
async function askedAgain(held: { turns: number }): Promise<boolean> {
  const before = held.turns;
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return held.turns !== before;
}

describe("Enter's search of every sentence", () => {
  it('takes Esc while it reads: the box closes and the reading stops', async () => {
    const repository = testRepository();
    const { search, held } = slowSearch(repository);
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.press(QUERY);
    await app.waitFor((f) => f.includes('Enter searches them all'), 'the search that stopped');
    await app.press(KEYS.enter);
    await app.waitFor((f) => f.includes(READING), 'the box saying it reads and what keys do');
    await readsOn(held);
    await app.press(KEYS.escape);
    await app.waitFor((f) => !f.includes(`/ ${QUERY}`), 'the box closed');
    expect(app.frame()).toContain('article 1 of 5');
    expect(await askedAgain(held)).toBe(false);
    expect(held.answered).toBe(0);
  });

  it('takes typing while it reads: the new query is answered, the old one no longer read', async () => {
    const repository = testRepository();
    const { search, held, all } = slowSearch(repository);
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.press(QUERY);
    await app.waitFor((f) => f.includes('Enter searches them all'), 'the search that stopped');
    await app.press(KEYS.enter);
    await readsOn(held);
    await app.press(' ceasefire');
    const count = all(`${QUERY} ceasefire`);
    expect(count).toBeGreaterThan(0);
    await app.waitFor(
      (f) => f.includes(`/ ${QUERY} ceasefire`) && f.includes(`${count} result`),
      'the results of the query typed on',
    );
    expect(app.frame()).not.toContain(READING);
    expect(await askedAgain(held)).toBe(false);
  });

  it('moves in the list and answers in full once it has read everything', async () => {
    const repository = testRepository();
    const { search, held, all } = slowSearch(repository);
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.press(QUERY);
    await app.waitFor((f) => f.includes('Enter searches them all'), 'the search that stopped');
    await app.press(KEYS.enter);
    await readsOn(held);
    // A key that changes nothing asked leaves it reading.
    await app.press(KEYS.down);
    await readsOn(held);
    expect(app.frame()).toContain(READING);
    held.on = false;
    const count = all(QUERY);
    expect(count).toBeGreaterThan(1);
    await app.waitFor((f) => f.includes(`${count} results`), 'every result');
    expect(held.answered).toBe(1);
    await app.press(KEYS.down, KEYS.enter);
    await app.waitFor((f) => !f.includes(`/ ${QUERY}`), 'the second result opened');
    expect(app.frame()).toMatch(/result 2 of \d+/);
  });

  it('takes keys while the results past the last shown are read, then shows them', async () => {
    const repository = testRepository();
    const engine = buildSearchEngine(seeds);
    const inner = reviewSearch(engine, undefined, { turnMs: 0 });
    // The next results of a word in many sentences, read on without end while `held`.
    const held = { on: true, turns: 0 };
    const search: SearchFunction = (query, store, whole, limit, counted) => {
      if (whole === 'in turns' && limit !== undefined && held.on) {
        held.turns++;
        return 'reading';
      }
      return inner(query, store, whole, limit, counted);
    };
    const all = engine.search('the', storeFacts(repository), { limit: 100_000 }).length;
    expect(all).toBeGreaterThan(60);
    app = await renderApp({ articles: seeds, columns: 100, rows: 30, repository, search });
    await app.press('/');
    await app.press('the');
    await app.waitFor((f) => f.includes(`first 50 of ${all} results`), 'the first results');
    for (let i = 0; i < 10 && held.turns === 0; i++) await app.press(KEYS.pageDown);
    await readsOn(held);
    // Typing goes on meanwhile: the new query is answered and the old reading ends.
    await app.press('n');
    const then = all;
    const count = engine.search('then', storeFacts(repository), { limit: 100_000 }).length;
    expect(count).toBeLessThan(then);
    await app.waitFor((f) => f.includes('/ then'), 'the query typed on');
    expect(await askedAgain(held)).toBe(false);
    // Asked again and let go, the next results come.
    await app.press(KEYS.backspace);
    await app.waitFor((f) => f.includes(`first 50 of ${all} results`), 'the first results again');
    const before = held.turns;
    for (let i = 0; i < 10 && held.turns === before; i++) await app.press(KEYS.pageDown);
    await readsOn(held);
    held.on = false;
    // Every one of them is listed now: the count alone, no "first 50 of".
    await app.waitFor((f) => f.split('\n').includes(`${all} results`), 'the next results');
    expect(all).toBeLessThan(100);
  });
});
