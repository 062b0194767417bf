import { describe, expect, it } from 'vitest';
import { findNumbers, numberKey, parseNumberWords } from '../../source/story/numbers.js';

describe('figures as a fact-checker compares them', () => {
  it('reads digits, thousands separators, decimals and scale words', () => {
    const values = (text: string) => findNumbers(text).map((mention) => mention.value);
    expect(values('28 drones across six regions')).toEqual([28, 6]);
    expect(values('over 2,000 kilometers (1,243 miles)')).toEqual([2000, 1243]);
    expect(values('about $4.5 billion')).toEqual([4_500_000_000]);
    expect(values('twenty-eight drones, two hundred and fifty homes')).toEqual([28, 250]);
  });

  it('reads Eastern Arabic and Persian digits as figures', () => {
    const mentions = (text: string) => findNumbers(text).map((m) => [m.text, m.value]);
    expect(mentions('أسقطت الدفاعات ٢٨ طائرة مسيرة')).toEqual([['28', 28]]);
    expect(mentions('بلغ التضخم ٣٩٫١٪ في فبراير')).toEqual([['39.1', 39.1]]);
    expect(mentions('۱۴۰۳ پهپاد')).toEqual([['1403', 1403]]);
  });

  it('reads a decimal comma and points or thin spaces that group thousands (qa56)', () => {
    const mentions = (text: string) => findNumbers(text).map((m) => [m.text, m.value]);
    expect(mentions('lag bei 39,1 Prozent')).toEqual([['39,1', 39.1]]);
    expect(mentions('um 1.234,5 Mio. Euro')).toEqual([['1.234,5', 1234.5]]);
    expect(mentions('22,5 % der Stimmen, 1.234.567 Euro')).toEqual([
      ['22,5', 22.5],
      ['1.234.567', 1_234_567],
    ]);
    expect(mentions('1\u00a0500 personnes, 1\u202f234,567 km')).toEqual([
      ['1\u00a0500', 1500],
      ['1\u202f234,567', 1234.567],
    ]);
    // A comma before three digits groups thousands, as in English; a comma and a space is a list.
    expect(mentions('1,234 people and 1,234.5 million; in 2024, 300 people')).toEqual([
      ['1,234', 1234],
      ['1,234.5 million', 1_234_500_000],
      ['2024', 2024],
      ['300', 300],
    ]);
    const key = (text: string) => numberKey(findNumbers(text)[0]!.value);
    expect(key('39,1 %')).not.toBe(key('39,2 %'));
    expect(key('1.234,5 Mio.')).not.toBe(key('1.234,9 Mio.'));
  });

  it('keeps the words as written, so a difference shows what each outlet wrote', () => {
    expect(findNumbers('intercepted four Ukrainian drones').map((m) => m.text)).toEqual(['four']);
  });

  it('makes "four" and "4" one figure and 28 another', () => {
    const [four] = findNumbers('four drones');
    const [digit] = findNumbers('4 drones');
    const [other] = findNumbers('28 drones');
    expect(numberKey(four!.value)).toBe(numberKey(digit!.value));
    expect(numberKey(other!.value)).not.toBe(numberKey(four!.value));
  });

  it('leaves vague quantities and words that merely contain a number alone', () => {
    expect(findNumbers('thousands of kilometers, dozens of people, someone, often')).toEqual([]);
    expect(parseNumberWords('forty-two')).toBe(42);
    expect(parseNumberWords('fourteenth')).toBeNull();
  });

  it('copes with hostile input: a 200,000-digit run, 50,000 number words in a row', () => {
    expect(findNumbers('1'.repeat(200_000)).length).toBeLessThanOrEqual(1);
    expect(findNumbers('one '.repeat(50_000)).length).toBe(1);
  });
});
