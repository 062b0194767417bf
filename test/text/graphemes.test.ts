import { describe, expect, it } from 'vitest';
import {
  graphemeHead,
  graphemeList,
  graphemeSegmenter,
  graphemeTail,
} from '../../source/text/graphemes.js';

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

describe('listing graphemes', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const oracle = (text: string) => Array.from(segmenter.segment(text), ({ segment }) => segment);

  it('lists what Intl.Segmenter lists, for every character beside its neighbours', () => {
    // Every code point up to U+07FF (Latin, Greek, Cyrillic, Hebrew, Arabic) and every 29th
    // above, each before and after a letter, a line feed, a CR, an Arabic letter and itself: the
    // fast path must never take two graphemes for one or one for two.
    const partners = ['a', '\n', '\r', '\u0628'];
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code += code < 0x800 ? 1 : 29) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      for (const partner of partners) {
        for (const text of [char + partner, partner + char, char + char]) {
          if (graphemeList(text).join('\u0000') !== oracle(text).join('\u0000')) {
            differing.push(text);
          }
        }
      }
    }
    expect(differing).toEqual([]);
  });

  it('keeps CR LF and an Arabic number sign with its digits as one grapheme each', () => {
    expect(graphemeList('a\r\nb')).toEqual(['a', '\r\n', 'b']);
    expect(graphemeList('\u0600\u0661\u0662')).toEqual(['\u0600\u0661', '\u0662']);
    expect(graphemeList('\u06dd\u0661')).toEqual(['\u06dd\u0661']);
  });
});

describe('the grapheme segmenter Ink draws with', () => {
  const icu = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const own = graphemeSegmenter();
  /** Each segment, and the one containing every unit (and just outside), as one line. */
  const read = (segments: Intl.Segments | ReturnType<typeof own.segment>, text: string) => {
    const each = [...segments].map(({ segment, index, input }) =>
      input === text ? `${index}:${segment}` : 'another input',
    );
    for (let at = -1; at <= text.length; at++) {
      const found = segments.containing(at);
      each.push(found ? `@${at}=${found.index}:${found.segment}` : `@${at} none`);
    }
    return each.join('|');
  };
  /** Whether the text was segmented without ICU: not one of its `Segments`. */
  const here = (text: string) =>
    Object.getPrototypeOf(own.segment(text)) !== Object.getPrototypeOf(icu.segment(''));
  const differ = (text: string) => read(own.segment(text), text) !== read(icu.segment(text), text);

  it('segments as ICU does every character it answers itself, alone, beside others and styled', () => {
    const answered: string[] = [];
    const wrong: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      if (!here(`a${char}a`)) continue;
      answered.push(char);
      for (const text of [char, `a${char}a`, char + char, `\u001b[1m${char}\u001b[22m│`]) {
        if (differ(text)) wrong.push(JSON.stringify(text));
      }
    }
    expect(wrong).toEqual([]);
    expect(answered.length).toBeGreaterThan(20_000);
    const line = `\u001b[2m 12\u001b[22m │ “Talks”, he said · ${answered.filter((_, i) => i % 31 === 0).join('')} \u001b[7m✓\u001b[27m`;
    expect(here(line)).toBe(true);
    expect(differ(line)).toBe(false);
  });

  it('leaves CR LF, marks, joiners and astral characters to ICU', () => {
    for (const text of [
      'a\r\nb',
      'cafe\u0301',
      FAMILY,
      '🇺🇦',
      'a\u200db',
      '⚠\ufe0f',
      '각',
      '\u1100\u1161',
    ]) {
      expect(here(text), JSON.stringify(text)).toBe(false);
      expect(differ(text)).toBe(false);
    }
  });
});
