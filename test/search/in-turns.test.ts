import { beforeAll, describe, expect, it } from 'vitest';
import { reviewSearch } from '../../source/commands/review-search.js';
import type { Article } from '../../source/corpus/types.js';
import { buildSearchEngine, storeFacts } from '../../source/search/index.js';
import { seedArticles, testRepository } from '../ui/harness.js';

let seeds: Article[];
beforeAll(async () => {
  seeds = await seedArticles();
});

describe('a search read in turns (the review after Enter)', () => {
  it('goes on where its last turn stopped, to the answer a whole search gives', async () => {
    const repository = testRepository();
    await repository.open(seeds);
    const engine = buildSearchEngine(seeds);
    const sentences = seeds.reduce((sum, article) => sum + article.sentences.length, 0);
    // No time at all: each turn reads one sentence it had not read, then stops.
    const search = reviewSearch(engine, undefined, { turnMs: 0 });
    const cases: Array<[string, number]> = [
      ['"of the"', 50],
      ['"of the"', 3],
      ['"of the', 50],
      ['"said on Fri', 2],
      ['"the of"', 50],
      ['"said on" Friday', 50],
      ['the -"of the"', 50],
    ];
    let most = 0;
    for (const [query, limit] of cases) {
      const whole = engine.search(query, storeFacts(repository), { limit });
      let turns = 0;
      let answer = search(query, repository, 'in turns', limit);
      // A turn that began again from the start would read that one sentence for ever.
      while (answer === 'reading' && turns <= sentences) {
        turns++;
        answer = search(query, repository, 'in turns', limit);
      }
      if (answer === 'reading' || answer === null) throw new Error(`${query}: no answer`);
      most = Math.max(most, turns);
      const hits = Array.isArray(answer) ? answer : answer.hits;
      expect(hits, query).toEqual(whole);
    }
    // It was read in turns: a phrase of common words in many.
    expect(most).toBeGreaterThan(10);
  });

  it('starts again for another query and reads all at once when asked whole', async () => {
    const repository = testRepository();
    await repository.open(seeds);
    const engine = buildSearchEngine(seeds);
    const search = reviewSearch(engine, undefined, { turnMs: 0 });
    expect(search('"of the"', repository, 'in turns')).toBe('reading');
    expect(search('"in the"', repository, 'in turns')).toBe('reading');
    const whole = search('"of the"', repository, true);
    expect(whole).not.toBe('reading');
    expect(whole).not.toBeNull();
  });
});
