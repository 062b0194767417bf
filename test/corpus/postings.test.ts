import { describe, expect, it } from 'vitest';
import {
  countPostings,
  decodePostings,
  decodeRuns,
  encodePostings,
  joinPostings,
} from '../../source/corpus/db/postings.js';

/** Ascending keys whose gaps need one to five bytes each, up to the largest key. */
function keysOfEveryWidth(): number[] {
  const keys: number[] = [];
  let key = 0;
  const gaps = [1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 268_435_455, 268_435_456];
  for (let i = 0; i < 60; i++) {
    key += gaps[i % gaps.length]! + (i % 3);
    if (key > 0xffffffff) break;
    keys.push(key);
  }
  keys.push(0xffffffff);
  return keys;
}

describe('posting lists on disk', () => {
  it('decodes the keys it encoded, gaps of every width up to the largest key', () => {
    const keys = keysOfEveryWidth();
    const list = encodePostings(keys);
    expect(countPostings(list)).toBe(keys.length);
    expect([...decodePostings([list])]).toEqual(keys);
  });

  it('decodes the lists of consecutive segments into one, each list from 0 again', () => {
    const first = [0, 5, 300, 70_000];
    const second = [70_001, 70_129, 4_000_000_000];
    const third = [4_000_000_001];
    const decoded = decodePostings([
      encodePostings(first),
      encodePostings([]),
      encodePostings(second),
      encodePostings(third),
    ]);
    expect(decoded).toBeInstanceOf(Uint32Array);
    expect([...decoded]).toEqual([...first, ...second, ...third]);
    expect(decoded.length).toBe(8);
    expect([
      ...decodePostings([joinPostings([encodePostings(first), encodePostings(second)])]),
    ]).toEqual([...first, ...second]);
  });

  it('decodes a list in runs of at most so many keys, the same keys in the same order', () => {
    const keys = keysOfEveryWidth();
    const list = encodePostings(keys);
    for (const most of [1, 2, 7, keys.length - 1, keys.length, 4096]) {
      const runs = [...decodeRuns(list, most)];
      expect(runs.every((run) => run.length > 0 && run.length <= most)).toBe(true);
      expect(runs.flatMap((run) => [...run])).toEqual(keys);
    }
    expect([...decodeRuns(encodePostings([]), 8)]).toEqual([]);
  });

  it('decodes a run only when it is asked for', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => i * 3);
    const runs = decodeRuns(encodePostings(keys), 100);
    expect([...runs.next().value!]).toEqual(keys.slice(0, 100));
    expect([...runs.next().value!]).toEqual(keys.slice(100, 200));
  });

  it('decodes nothing to an empty list', () => {
    expect(decodePostings([]).length).toBe(0);
    expect(decodePostings([encodePostings([])]).length).toBe(0);
  });
});
