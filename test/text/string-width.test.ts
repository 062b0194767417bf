import measure from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidth, { isOneColumnEach } from '../../source/text/string-width.js';

/** Every code point the fast path counts as one column without asking `string-width`. */
function fastCodePoints(): number[] {
  const found: number[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (isOneColumnEach(String.fromCodePoint(code))) found.push(code);
  }
  return found;
}

describe('terminal width', () => {
  it('agrees with string-width on every character it counts itself, alone and beside others', () => {
    const codes = fastCodePoints();
    expect(codes.length).toBeGreaterThan(1500);
    for (const code of codes) {
      const char = String.fromCodePoint(code);
      // One column alone, no joining with a letter before or after it, nor with itself.
      expect(
        [measure(char), measure(`a${char}a`), measure(char + char)],
        code.toString(16),
      ).toEqual([1, 3, 2]);
    }
  });

  it('leaves wide, zero-width and combined characters to string-width', () => {
    for (const text of [
      '東京',
      '👍🏽',
      'e\u0301',
      'a\u200bb',
      '\u00ad',
      '◽',
      '\u001b[1mbold\u001b[22m',
    ]) {
      expect(stringWidth(text), JSON.stringify(text)).toBe(measure(text));
    }
    expect(stringWidth('Putin’s “deal” · talks → ✓')).toBe(26);
    expect(stringWidth('·', { ambiguousIsNarrow: false })).toBe(2);
  });
});
