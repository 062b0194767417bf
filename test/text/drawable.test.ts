import measure from 'string-width';
import { describe, expect, it } from 'vitest';
import { drawable } from '../../source/text/drawable.js';
import stringWidth from '../../source/text/string-width.js';
import { padEnd, truncate } from '../../source/text/width.js';
import { wrapLines } from '../../source/text/wrap-lines.js';

/** Each code point on its own: what a terminal that joins nothing (xterm, tmux) draws. */
const perCodePoint = (text: string) => [...text].reduce((sum, char) => sum + measure(char), 0);
/** Each grapheme cluster as one: what a terminal that joins them (iTerm2, VTE, kitty) draws. */
const perCluster = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].reduce(
    (sum, { segment }) => sum + measure(segment),
    0,
  );

// qa55's 011_emoji.md and the sequences terminals draw at different widths.
const SEQUENCES = {
  'skin-tone modifier': ['👍🏽', '👍'],
  'ZWJ family': ['👨‍👩‍👧', '👨👩👧'],
  'symbol with VS16': ['🕊️', '🕊'],
  'heart with VS16': ['❤️', '❤'],
  keycap: ['1️⃣', '1'],
  'ZWJ flag with VS16': ['🏳️‍🌈', '🏳🌈'],
  'ZWJ with gender sign': ['🏃‍♀️', '🏃♀'],
  'modifier inside a ZWJ sequence': ['👩🏽‍💻', '👩💻'],
  'subdivision flag (tags)': ['🏴󠁧󠁢󠁥󠁮󠁧󠁿', '🏴'],
} as const;

describe('drawable', () => {
  it.each(Object.entries(SEQUENCES))(
    'draws a %s as parts every terminal measures alike',
    (_, [given, drawn]) => {
      expect(drawable(given)).toBe(drawn);
      // Joined or not, the terminal draws what margin measured.
      expect(perCodePoint(drawn)).toBe(perCluster(drawn));
      expect(stringWidth(given)).toBe(perCodePoint(drawn));
    },
  );

  it('leaves the rest alone: flags, a lone modifier, ZWJ in Indic script, CJK, styles', () => {
    for (const text of [
      '🇺🇦 Kyiv',
      '🏽',
      'क्‍ष',
      '中文，“引号”',
      'plain',
      '\u001b[1mbold\u001b[22m',
    ]) {
      expect(drawable(text)).toBe(text);
    }
    // A flag is two regional indicators, one column each, joined or not.
    expect([perCodePoint('🇺🇦'), perCluster('🇺🇦'), stringWidth('🇺🇦')]).toEqual([2, 2, 2]);
  });

  it('measures a line as it is drawn, so that a padded row ends where the others do', () => {
    const title = '🇺🇦 Ceasefire talks 🕊️ resume 👨‍👩‍👧 👍🏽';
    // A table's cell is given as drawn: 30 columns in a terminal that joins clusters or not.
    for (const row of [padEnd(truncate(title, 30), 30), padEnd(title, 50)]) {
      expect(row).toBe(drawable(row));
      expect(perCodePoint(row)).toBe(perCluster(row));
    }
    expect(perCodePoint(padEnd(truncate(title, 30), 30))).toBe(30);
    expect(perCodePoint(padEnd(title, 50))).toBe(50);
    // Styled text is measured as drawn too.
    expect(stringWidth(`\u001b[1m${title}\u001b[22m`)).toBe(perCodePoint(drawable(title)));
  });
  it("wraps a command's text as it is drawn, so that no wrapped line outgrows the terminal", () => {
    // `margin show` and `margin story` at a terminal: 🕊️ measured 1 column, printed 2.
    const line = `${'The dove 🕊️ flew over the square and the crowd cheered. '.repeat(4)}`;
    for (const each of wrapLines(line, 40).split('\n')) {
      expect(each).toBe(drawable(each));
      expect(perCodePoint(each)).toBeLessThanOrEqual(40);
    }
  });
});
