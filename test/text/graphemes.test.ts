import { describe, expect, it } from 'vitest';
import { graphemeHead, graphemeTail } from '../../source/text/graphemes.js';

const FAMILY = '👩‍👩‍👧'; // 8 code units, 5 code points, one grapheme

describe('cutting text between graphemes', () => {
  it('never cuts a ZWJ family, a flag or a letter with its mark', () => {
    const text = `The ${FAMILY} stayed.`;
    // 6 units reach into the family: the cut falls before it.
    expect(graphemeHead(text, 6)).toBe('The ');
    expect(graphemeHead(text, 12)).toBe(`The ${FAMILY}`);
    expect(graphemeHead(text, 7, 'points')).toBe('The ');
    expect(graphemeHead(text, 9, 'points')).toBe(`The ${FAMILY}`);
    expect(graphemeTail(`Go ${FAMILY} now`, 7)).toBe(' now');
    expect(graphemeTail(`Go 🇺🇦 now`, 6)).toBe(' now');
    expect(graphemeTail(`Go 🇺🇦 now`, 8)).toBe('🇺🇦 now');
    expect(graphemeHead('café', 4)).toBe('café');
    expect(graphemeHead('cafe\u0301', 4)).toBe('caf');
    expect(graphemeHead('a\r\nb', 2)).toBe('a');
  });

  it('keeps plain text cut where the length says', () => {
    const text = 'said the minister on Friday. Talks begin';
    expect(graphemeHead(text, 10)).toBe('said the m');
    expect(graphemeTail(text, 5)).toBe('begin');
    expect(graphemeHead(text, 100)).toBe(text);
    expect(graphemeTail('', 5)).toBe('');
  });
});
