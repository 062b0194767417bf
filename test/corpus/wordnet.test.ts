import { afterEach, describe, expect, it } from 'vitest';
import {
  BLOCKS_AFTER,
  closeWordNet,
  sensesOf,
  wordNetIndexBytes,
} from '../../source/corpus/wordnet.js';

afterEach(() => closeWordNet());

// Lemmas from the licence's end to the index's last line, of one word and of several.
const LEMMAS = [
  'a',
  'aachen',
  'berlin',
  'kyiv',
  'new_delhi',
  'ukraine',
  'washington',
  'white_house',
  'zyrian',
  'zymurgy',
  'zzz',
  'no_such_lemma_here',
  'zzzzzz',
];

/** Each lemma's senses as the index gives them after `warm` look-ups of other words. */
function answers(warm: number, often: boolean): number[][] {
  for (let k = 0; k < warm; k++) sensesOf('noun', `warm${k}`);
  return LEMMAS.map((lemma) => sensesOf('noun', lemma, often));
}

describe("WordNet's index", () => {
  // review57-d: each cleaning thread held index.noun whole (4.8 MB) once it had looked up 64
  // dateline words; a cleaning thread of an archive looks up thousands.
  it('answers as the whole file does, holding some kilobytes, after many look-ups', () => {
    const whole = answers(0, true);
    expect(wordNetIndexBytes()).toBeGreaterThan(4_000_000);
    expect(whole[2]!.length).toBeGreaterThan(0);
    expect(whole.at(-2)).toEqual([]);
    closeWordNet();
    expect(answers(0, false)).toEqual(whole);
    closeWordNet();
    expect(answers(BLOCKS_AFTER + 1, false)).toEqual(whole);
    for (let k = 0; k < 2000; k++) sensesOf('noun', `word${k}`);
    expect(answers(0, false)).toEqual(whole);
    expect(wordNetIndexBytes()).toBeGreaterThan(0);
    expect(wordNetIndexBytes()).toBeLessThan(100_000);
  });
});
