import { describe, expect, it } from 'vitest';
import { PairMemo, UNKNOWN } from '../../source/story/pair-memo.js';
import { type Comparable, sameStatement } from '../../source/story/similarity.js';
import { NAME_BIT, sentenceFeatures, Vocabulary } from '../../source/story/tokens.js';

describe('the word pairs’ relations remembered', () => {
  it('gives back a pair in either order, and nothing for a pair never set', () => {
    const memo = new PairMemo();
    memo.set(7, (12 | NAME_BIT) >>> 0, 2);
    expect(memo.get((12 | NAME_BIT) >>> 0, 7)).toBe(2);
    expect(memo.get(7, (12 | NAME_BIT) >>> 0)).toBe(2);
    // The same ids, one written as a name: another pair.
    expect(memo.get(7, 12)).toBe(UNKNOWN);
    expect(memo.get(0, 0)).toBe(UNKNOWN);
  });

  it('forgets a pair whose slot a newer one took, and never answers for another', () => {
    const memo = new PairMemo();
    for (let x = 0; x < 300; x++) for (let y = x + 1; y < 300; y++) memo.set(x, y, (x + y) % 3);
    let kept = 0;
    for (let x = 0; x < 300; x++) {
      for (let y = x + 1; y < 300; y++) {
        const found = memo.get(y, x);
        if (found === UNKNOWN) continue;
        kept++;
        expect(found).toBe((x + y) % 3);
      }
    }
    // 44,850 pairs in 32,768 slots: most kept, not all.
    expect(kept).toBeGreaterThan(10_000);
    expect(kept).toBeLessThan(44_850);
  });

  it('leaves every verdict as it was worked out afresh, in any order of pairs', () => {
    const texts = [
      'Peskov said there are reasons to be cautiously optimistic about the talks.',
      'There is some room for cautious hope, Kremlin spokesman Dmitry Peskov said.',
      'The UN said the convoy reached the city on Monday.',
      'The United Nations said the convoy reached the town on Monday.',
      'The U.K. imposed new sanctions on the oil traders, officials said.',
      'The U.S. imposed new sanctions on the oil traders, officials said.',
      'Witkoff met with Putin late on Thursday in Moscow.',
      'US envoy Steve Witkov met Mr Putin in Moscow late on Thursday.',
      'The minister rejected the proposal on harbour fees.',
      'The minister turned down the plan on port charges.',
      'The company probed the outage at its data centre.',
      'The firm investigated the outage at its data center.',
    ];
    const verdicts = (order: Array<[number, number]>) => {
      const vocabulary = new Vocabulary();
      const views = texts.map((text): Comparable => {
        const features = sentenceFeatures(text, vocabulary);
        return {
          words: features.words,
          speakers: features.speakers,
          sources: features.sources,
          day: 20_000,
          figures: features.figures,
          units: features.units,
          quoted: features.quotedWords,
        };
      });
      const found = new Map<string, number>();
      for (const [a, b] of order) {
        found.set(`${a} ${b}`, sameStatement(views[a]!, views[b]!, vocabulary));
      }
      return found;
    };
    const pairs: Array<[number, number]> = [];
    for (let a = 0; a < texts.length; a++)
      for (let b = 0; b < texts.length; b++) pairs.push([a, b]);
    // Each pair asked first, in a vocabulary of its own, against all asked in one and reversed.
    const fresh = new Map<string, number>();
    for (const pair of pairs) fresh.set(pair.join(' '), verdicts([pair]).get(pair.join(' '))!);
    expect(verdicts(pairs)).toEqual(fresh);
    expect(verdicts([...pairs].reverse())).toEqual(fresh);
    expect([...fresh.values()].filter((score) => score > 0).length).toBeGreaterThan(texts.length);
  });
});
