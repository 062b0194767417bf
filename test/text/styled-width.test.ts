import { describe, expect, it, vi } from 'vitest';
import stringWidth from '../../source/text/string-width.js';

// Whatever reaches `string-width` here is segmented and tested against its emoji pattern: the
// point of these tests is that styled one-column text never does.
vi.mock('string-width', () => ({
  default: (text: string) => {
    throw new Error(`measured by string-width: ${JSON.stringify(text)}`);
  },
}));

describe('the width of styled text', () => {
  it('counts the columns of one-column text between escape sequences without segmenting it', async () => {
    const { default: measure } =
      await vi.importActual<typeof import('string-width')>('string-width');
    for (const text of [
      '\u001b[1m\u001b[34mmargin · seeds\u001b[39m\u001b[22m',
      '“deal” \u001b[2m· talks →\u001b[22m ✓',
      '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007',
      '\u009b1mCSI\u009b22m',
    ]) {
      expect(stringWidth(text), JSON.stringify(text)).toBe(measure(text));
    }
  });

  it('counts one-column text without escapes as wrap-ansi asks, escapes counted', () => {
    expect(stringWidth('Putin’s “deal” · talks', { countAnsiEscapeCodes: true })).toBe(22);
  });

  it('still sends wide text, counted escapes and wide ambiguous characters to string-width', () => {
    expect(() => stringWidth('\u001b[1m東京\u001b[22m')).toThrow('measured by string-width');
    expect(() => stringWidth('\u001b[1mbold', { countAnsiEscapeCodes: true })).toThrow(
      'measured by string-width',
    );
    expect(() => stringWidth('a · b', { ambiguousIsNarrow: false })).toThrow(
      'measured by string-width',
    );
  });
});
