import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarksFolder } from '../../bench/quality/extraction-benchmark.js';
import { BLIND_GOLD } from '../../bench/quality/suggest-blind-gold.js';
import {
  loadRealSet,
  pageArticle,
  placeRealGold,
  textCheck,
} from '../../bench/quality/suggest-real.js';
import { REAL_GOLD } from '../../bench/quality/suggest-real-gold.js';
import { SPEAKER_HOLDOUT } from '../../bench/quality/suggest-speaker-holdout.js';
import { SPEAKER_HOLDOUT_2 } from '../../bench/quality/suggest-speaker-holdout2.js';

const body = 'Putin met Witkoff in Moscow on Thursday. “It went well,” Peskov said. Talks go on.';

describe('placing the real-text gold', () => {
  const article = pageArticle('abcdef0123', body);
  const rows = article.sentences.map(
    (sentence, index) => [index, textCheck(sentence.text), index === 1 ? 'q' : 'e'] as const,
  );

  it('finds each sentence by its index and text check', () => {
    const placed = placeRealGold(article, {
      page: 'abcdef0123',
      labelled: 'test',
      sentences: rows,
    });
    expect(placed.missing).toBe(0);
    expect(placed.matched.map((match) => match.gold?.labels)).toEqual([
      ['event'],
      ['quote'],
      ['event'],
    ]);
  });

  it('follows a sentence the split moved, and counts one whose text changed as missing', () => {
    const moved = [[5, rows[2]![1], 'c'] as const, [0, 'deadbeef', 'e'] as const];
    const placed = placeRealGold(article, {
      page: 'abcdef0123',
      labelled: 'test',
      sentences: moved,
    });
    expect(placed.missing).toBe(1);
    expect(placed.matched.map((match) => match.gold?.labels ?? null)).toEqual([
      null,
      null,
      ['claim'],
    ]);
  });
});

// Where ../shared/benchmarks/ is present, every labelled sentence must still be found: a change
// to the cleaner or splitter that moves them fails here rather than quietly shrinking the set.
const folder = path.join(benchmarksFolder(), 'article-extraction');
const real = loadRealSet(folder);

describe.skipIf(real === null)('the real-text gold on the benchmark pages', () => {
  it('finds every labelled sentence of every page', () => {
    expect(real!.prepared).toHaveLength(REAL_GOLD.length);
    expect(real!.missing).toBe(0);
    expect(real!.total).toBeGreaterThanOrEqual(500);
  });

  it('finds every labelled sentence of the blind pages, none of them one of the 24', () => {
    const blind = loadRealSet(folder, BLIND_GOLD)!;
    expect(blind.prepared).toHaveLength(BLIND_GOLD.length);
    expect(blind.missing).toBe(0);
    expect(blind.total).toBeGreaterThanOrEqual(200);
    const used = new Set(REAL_GOLD.map((page) => page.page));
    expect(BLIND_GOLD.filter((page) => used.has(page.page))).toEqual([]);
  });

  it('finds every quote of the speaker sets, each page in one set only', () => {
    for (const set of [SPEAKER_HOLDOUT, SPEAKER_HOLDOUT_2]) {
      const loaded = loadRealSet(folder, set)!;
      expect(loaded.prepared).toHaveLength(set.length);
      expect(loaded.missing).toBe(0);
      expect(loaded.total).toBeGreaterThanOrEqual(100);
    }
    const pages = [REAL_GOLD, BLIND_GOLD, SPEAKER_HOLDOUT, SPEAKER_HOLDOUT_2].flatMap((set) =>
      set.map((page) => page.page),
    );
    expect(new Set(pages).size).toBe(pages.length);
  });
});
