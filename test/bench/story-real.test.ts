import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreRealPairs } from '../../bench/evaluate/story-real.js';
import { benchmarksFolder } from '../../bench/quality/extraction-benchmark.js';
import { FRESH_PAIRS, FRESH_PAIRS_2, STORY_PAIRS } from '../../bench/quality/story-real-pairs.js';

const folder = path.join(benchmarksFolder(), 'article-extraction');

describe('the story pairs judged on real pages', () => {
  it('name each pair once, of two different pages', () => {
    // The fresh sets are judged apart: none of their pairs is a row of another set.
    const all = [...STORY_PAIRS, ...FRESH_PAIRS, ...FRESH_PAIRS_2];
    const keys = all.map(([a, at, , b, bt]) => [`${a}:${at}`, `${b}:${bt}`].sort().join(' '));
    expect(new Set(keys).size).toBe(all.length);
    for (const [a, , , b] of all) expect(a).not.toBe(b);
  });

  // The pages are not shipped with margin: skipped where ../shared/benchmarks/ is missing.
  it.skipIf(!existsSync(folder))('find every sentence in the split of the pages', () => {
    const scores = scoreRealPairs(folder)!;
    // Each row at its own index: a row found elsewhere is stale, though it scores.
    expect([scores.missing, scores.moved]).toEqual([0, 0]);
    expect(scores.same).toBe(STORY_PAIRS.filter((pair) => pair[6]).length);
    expect(scores.fresh.same).toBe(FRESH_PAIRS.filter((pair) => pair[6]).length);
    expect(scores.fresh2.same).toBe(FRESH_PAIRS_2.filter((pair) => pair[6]).length);
    // The rows and the index name sentences alike: every grouped pair is judged or counted not.
    expect(scores.grouped).toBeGreaterThan(0);
    expect(scores.grouped + scores.fresh.grouped + scores.fresh2.grouped + scores.unjudged).toBe(
      scores.groupedPairs,
    );
  });

  it('count a missing benchmark folder as no score', () => {
    expect(scoreRealPairs('/nonexistent/benchmark')).toBeNull();
  });
});
