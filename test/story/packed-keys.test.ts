import { describe, expect, it } from 'vitest';
import { frequenciesBuffer, frequency, useFrequencies } from '../../source/story/frequencies.js';
import {
  byCode,
  findKey,
  keyCount,
  packTables,
  viewTables,
} from '../../source/story/packed-keys.js';
import {
  isPhrase,
  opensPhrase,
  synsetsOf,
  useWordNet,
  wordNetBuffer,
} from '../../source/story/synonyms.js';

describe('sorted keys packed in shared memory', () => {
  it('finds every key and no other, with arrays beside them', () => {
    const keys = ['turn_down', 'reject', '\u0001turn', 'réel', 'a', 'ab', 'b'].sort(byCode);
    const packed = packTables([3, 0, 2], keys);
    packed.arrays[0]!.set([7, 8, 9]);
    packed.arrays[2]!.set([-1, 1]);
    const seen = viewTables(packed.buffer);
    expect(keyCount(seen.keys)).toBe(keys.length);
    keys.forEach((key, at) => {
      expect(findKey(seen.keys, key)).toBe(at);
    });
    for (const absent of ['', 'aa', 'abc', 'turn', 'c', 'rejec', 'rejects']) {
      expect(findKey(seen.keys, absent)).toBe(-1);
    }
    expect(seen.arrays.map((array) => [...array])).toEqual([[7, 8, 9], [], [-1, 1]]);
  });

  it('gives another thread the lexicons as this one reads them', () => {
    const words = ['reject', 'refus', 'optimist', 'turn_down', 'hydropow', 'the', 'ceasefir'];
    const synsets = words.map((word) => [...synsetsOf(word)]);
    const counts = words.map(frequency);
    expect(synsets[0]!.length).toBeGreaterThan(0);
    expect(isPhrase('turn_down')).toBe(true);
    // As a worker adopts them: from the buffers alone.
    useWordNet(wordNetBuffer().slice(0) as unknown as SharedArrayBuffer);
    useFrequencies(frequenciesBuffer());
    expect(words.map((word) => [...synsetsOf(word)])).toEqual(synsets);
    expect(words.map(frequency)).toEqual(counts);
    expect(opensPhrase('turn')).toBe(true);
    expect(opensPhrase('hydropow')).toBe(false);
  });
});
