import { describe, expect, it } from 'vitest';
import { sortByWord, sortIds } from '../../source/story/sorted-ids.js';
import { ID_MASK, NAME_BIT } from '../../source/story/tokens.js';

/** Ids as a sentence's lists hold them: small word ids, some written as names. */
function ids(length: number, seed: number): number[] {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state;
  };
  return Array.from({ length }, () => {
    const id = next() % 40;
    return next() % 3 === 0 ? (id | NAME_BIT) >>> 0 : id;
  });
}

describe("a sentence's id lists sorted by insertion", () => {
  it('orders them as the comparator sorts did, short lists and long, ties kept in order', () => {
    for (const length of [0, 1, 2, 5, 17, 48, 49, 200]) {
      for (let seed = 1; seed <= 20; seed++) {
        const list = ids(length, seed * 7919 + length);
        expect(sortIds([...list], true)).toEqual(
          [...list].sort((a, b) => (a & ID_MASK) - (b & ID_MASK) || a - b),
        );
        expect(sortIds([...list], false)).toEqual([...list].sort((a, b) => a - b));
        // Stable by the bare id: a word written as a name and not stays in the sentence's order.
        expect(sortByWord([...list])).toEqual(
          [...list].sort((a, b) => (a & ID_MASK) - (b & ID_MASK)),
        );
      }
    }
  });
});
