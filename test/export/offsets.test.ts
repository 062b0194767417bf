import { describe, expect, it } from 'vitest';
import { codePoints } from '../../source/export/offsets.js';

describe('codePoints', () => {
  const text = 'a😀b🇺🇦c';

  it('counts an astral character as one', () => {
    const points = codePoints(text);
    expect(points.length).toBe(6);
    expect(text.length).toBe(9);
    expect([0, 1, 3, 4, 6, 8, 9].map(points.toCodePoint)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([0, 1, 2, 3, 4, 5, 6].map(points.toUtf16)).toEqual([0, 1, 3, 4, 6, 8, 9]);
  });

  it('selects the same text either way', () => {
    const points = codePoints(text);
    const start = text.indexOf('b');
    const end = text.length - 1;
    expect([...text].slice(points.toCodePoint(start), points.toCodePoint(end)).join('')).toBe(
      'b🇺🇦',
    );
  });

  it('is the identity on text without astral characters', () => {
    const points = codePoints('“Мы” — да');
    expect(points.length).toBe(9);
    expect(points.toCodePoint(5)).toBe(5);
  });

  it('maps offsets past the end one to one, so an orphan keeps its stored offsets', () => {
    const points = codePoints(text);
    expect(points.toCodePoint(20)).toBe(17);
    expect(points.toUtf16(17)).toBe(20);
  });

  it('puts an offset inside a surrogate pair at the start of its character', () => {
    expect(codePoints(text).toCodePoint(2)).toBe(1);
  });
});
