import { describe, expect, it } from 'vitest';
import {
  aggregate,
  exactMatch,
  precisionOf,
  recallOf,
  scorePage,
  tokenize,
} from '../../bench/quality/extraction-score.js';

/** Cases worked out by hand from evaluate.py of the Zyte article-extraction benchmark. */
describe('the article-extraction score', () => {
  it('tokenizes as Python’s \\w+ does: letters, digits and _, no punctuation or marks', () => {
    expect(tokenize('It’s 2.5% — don’t_stop, Zürich! Ελλάδα')).toEqual([
      'It',
      's',
      '2',
      '5',
      'don',
      't_stop',
      'Zürich',
      'Ελλάδα',
    ]);
    // U+093F (a combining vowel sign) is no word character in Python: it splits the token.
    expect(tokenize('हिन्दी')).toEqual(['ह', 'न', 'द']);
  });

  it('counts shingles of four tokens, each as often as it occurs, normalised to sum 1', () => {
    // truth: a b c d e → abcd, bcde; prediction: a b c d x → abcd, bcdx.
    expect(scorePage('a b c d e', 'a b c d x')).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
    // The prediction repeats the text: every shingle twice, and "d a b c" etc. once.
    const twice = scorePage('a b c d', 'a b c d a b c d');
    // truth {abcd:1}; prediction abcd×2, bcda, cdab, dabc → tp 1, fp 4, fn 0.
    expect(twice).toEqual({ tp: 1 / 5, fp: 4 / 5, fn: 0 });
  });

  it('makes one short shingle of a text of fewer than four tokens', () => {
    expect(scorePage('Hello world', 'Hello world')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scorePage('Hello world', 'Hello there')).toEqual({ tp: 0, fp: 0.5, fn: 0.5 });
  });

  it('scores an empty prediction as no precision at all and zero recall', () => {
    const counts = scorePage('a b c d e', '');
    expect(counts).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(precisionOf(counts)).toBe(0);
    expect(recallOf(counts)).toBe(0);
  });

  it('averages precision over pages that predicted something, recall over pages with a truth', () => {
    const perfect = scorePage('a b c d e', 'a b c d e');
    const empty = scorePage('a b c d e', '');
    const half = scorePage('a b c d e', 'a b c d x');
    // precision: perfect 1, half 0.5 (empty left out) → 0.75; recall: 1, 0, 0.5 → 0.5.
    const scores = aggregate([perfect, empty, half]);
    expect(scores.precision).toBeCloseTo(0.75, 12);
    expect(scores.recall).toBeCloseTo(0.5, 12);
    expect(scores.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25, 12);
  });

  it('calls a page exact when its tokens equal the truth, whatever the punctuation', () => {
    expect(exactMatch('Talks resumed.\n\nBoth sides met.', 'Talks resumed! Both sides met')).toBe(
      true,
    );
    expect(exactMatch('Talks resumed.', 'talks resumed.')).toBe(false);
  });
});
