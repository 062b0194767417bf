import { describe, expect, it } from 'vitest';
import type { Article } from '../../source/corpus/types.js';
import { StoryIndex } from '../../source/story/index.js';
import type { StoryCluster } from '../../source/story/types.js';
import { article } from '../search/articles.js';

// Placing an added article on kept groups (issue #15) asks the engine only for the groups that
// hold the added article's sentences: `around` compares only the pairs of those groups'
// components, and must give them exactly as the whole build does.

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  'harbour council budget railway minister festival drought vaccine tariff election bridge museum factory strike pension river glacier satellite treaty border airline refinery orchard senate cathedral stadium lottery ferry tunnel reactor quarry shipyard vineyard archive observatory garrison plantation monastery aqueduct'.split(
    ' ',
  );
const NAMES = 'Halvorsen Quiroga Okonkwo Lindqvist Marchetti Abernathy Vasquez Takahashi'.split(
  ' ',
);

/**
 * `count` articles of 24 sentences: 8 from families of versions (the same statement with a figure
 * or a name changed, as outlets retell it; some families crowd like templates) and 16 of words
 * drawn at random.
 */
function corpus(count: number): Article[] {
  const next = random(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const families = Array.from({ length: 60 }, (_, f) => {
    const words = Array.from({ length: 9 }, () => pick(WORDS));
    return (version: number) =>
      `${pick(NAMES)} said the ${words.slice(0, 4).join(' ')} would cost ${f * 10 + (version % 3)} million, and the ${words.slice(4).join(' ')} stayed closed on Tuesday.`;
  });
  return Array.from({ length: count }, (_, a) => {
    const sentences: string[] = [];
    for (let s = 0; s < 24; s++) {
      if (s % 3 === 0) {
        // Families 0-3 are in most articles (templates), the others in a few.
        const family = next() < 0.4 ? Math.floor(next() * 4) : Math.floor(next() * 60);
        sentences.push(families[family]!(Math.floor(next() * 5)));
      } else {
        const length = 10 + Math.floor(next() * 8);
        const words = Array.from({ length }, () => pick(WORDS));
        sentences.push(`The ${words.join(' ')} ${a} ${s}.`);
      }
    }
    const day = 1 + Math.floor(next() * 28);
    return article(`a${String(a).padStart(3, '0')}`, sentences, {
      date: `2025-03-${String(day).padStart(2, '0')}`,
      source: `Outlet ${a % 17}`,
    });
  });
}

/** The groups of the index that hold a sentence of one of `ids`, as ids and members. */
function groupsHolding(index: StoryIndex, ids: ReadonlySet<string>) {
  return index
    .groups()
    .filter((group: StoryCluster) => group.members.some((m) => ids.has(m.article)))
    .map((group) => ({ id: group.id, members: group.members }));
}

describe('an index built around a few articles', () => {
  for (const [count, path] of [
    [40, 'every pair compared (a small index)'],
    [120, 'pairs from the LSH buckets'],
  ] as const) {
    it(`gives their groups as the whole build does, comparing fewer pairs: ${path}`, () => {
      const articles = corpus(count);
      const around = new Set(articles.slice(-2).map((a) => a.id));
      const whole = new StoryIndex();
      const focused = new StoryIndex({ around });
      for (const each of articles) {
        whole.add(each);
        focused.add(each);
      }
      whole.build();
      focused.build();
      const expected = groupsHolding(whole, around);
      // Not vacuous: the added articles' sentences join families, some of many members.
      expect(expected.length).toBeGreaterThan(3);
      expect(Math.max(...expected.map((g) => g.members.length))).toBeGreaterThan(5);
      expect(groupsHolding(focused, around)).toEqual(expected);
      expect(focused.stats.candidates).toBeLessThan(whole.stats.candidates);
    });
  }
});
