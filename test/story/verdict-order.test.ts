/**
 * An anchors' verdict is taken from the pair joined only when the pair was asked in the same
 * order (the grouping asks it again otherwise): `sameStatement` was not symmetric before the
 * engine's version 6, and reusing a verdict the other way round is not measured yet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoryIndex } from '../../source/story/index.js';
import { PairJudge } from '../../source/story/pair-judge.js';
import { article } from '../search/articles.js';

afterEach(() => vi.restoreAllMocks());

describe('the grouping reuses a pair’s verdict only in the order it was asked', () => {
  const text = 'Fifty-three trucks were stranded in Eskdale on Thursday, the port authority said.';
  const other =
    'Fifty-three lorries were stranded in Eskdale on Thursday, the port authority said.';
  for (const [label, firstDate, secondDate, calls] of [
    ['added in anchor order', '2025-03-14', '2025-03-15', 1],
    ['added against anchor order', '2025-03-15', '2025-03-14', 2],
  ] as const) {
    it(label, () => {
      const asked: string[] = [];
      const real = PairJudge.prototype.same;
      vi.spyOn(PairJudge.prototype, 'same').mockImplementation(function (this: PairJudge, a, b) {
        asked.push(`${a}-${b}`);
        return real.call(this, a, b);
      });
      const index = new StoryIndex();
      index.add(article('one', [text], { date: firstDate, source: 'A' }));
      index.add(article('two', [other], { date: secondDate, source: 'B' }));
      index.build();
      expect(index.groups().length).toBe(1);
      expect(asked.length).toBe(calls);
      expect(new Set(asked).size).toBe(asked.length);
    });
  }
});
