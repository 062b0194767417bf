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
