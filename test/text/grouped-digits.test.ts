import { describe, expect, it } from 'vitest';
import { groupedDigits } from '../../source/text/grouped-digits.js';

describe('groupedDigits', () => {
  it('writes a count as toLocaleString in en-US does, without loading ICU', () => {
    const values = [0, -0, 1, 12, 999, 1000, 1001, 99_999, 100_000, 211_258, 1_234_567, -1234];
    for (let n = 1; n < Number.MAX_SAFE_INTEGER / 7; n = n * 7 + 3) values.push(n, -n);
    values.push(Number.MAX_SAFE_INTEGER, 1.5, 1234.5678, Number.NaN, Number.POSITIVE_INFINITY);
    for (const value of values) expect(groupedDigits(value)).toBe(value.toLocaleString('en-US'));
  });
});
