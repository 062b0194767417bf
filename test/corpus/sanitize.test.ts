import { describe, expect, it } from 'vitest';
import { sanitizeLine, sanitizeText } from '../../source/corpus/sanitize.js';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

describe('sanitizeText removes', () => {
  it.each([
    ['CSI colour codes', `${ESC}[31mRed${ESC}[0m text`, 'Red text', 9],
    ['CSI with several parameters', `${ESC}[1;38;5;196mBold${ESC}[m`, 'Bold', 16],
    ['cursor moves and screen clears', `A${ESC}[2J${ESC}[H${ESC}[10;20HB${ESC}[3A`, 'AB', 19],
    ['private-mode CSI (alternate screen)', `${ESC}[?1049hshown`, 'shown', 8],
    [
      'an OSC 8 hyperlink, keeping its visible text',
      `${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`,
      'click',
      34,
    ],
    ['an OSC 0 title ended by BEL', `${ESC}]0;pwned${BEL}Title stays`, 'Title stays', 10],
    ['an OSC 0 title ended by ST', `${ESC}]0;pwned${ST}Title stays`, 'Title stays', 11],
    [
      'an unterminated OSC, to the end of its line',
      `Before${ESC}]0;no end\nAfter`,
      'Before\nAfter',
      10,
    ],
    ['a DCS string', `x${ESC}P1$r0m${ST}y`, 'xy', 9],
    ['APC, PM and SOS strings', `a${ESC}_apc${ST}b${ESC}^pm${ST}c${ESC}Xsos${ST}d`, 'abcd', 20],
    ['an 8-bit CSI (U+009B)', '\u009b31mred\u009b0m', 'red', 7],
    ['an 8-bit OSC ended by an 8-bit ST', '\u009d0;title\u009cok', 'ok', 9],
    ['two-character escapes (save cursor, charset, reset)', `${ESC}7a${ESC}(Bb${ESC}c`, 'ab', 7],
    ['a lone ESC at the end', `end${ESC}`, 'end', 1],
    ['NUL, BEL, backspace and DEL', 'a\u0000b\u0007c\u0008d\u007fe', 'abcde', 4],
    ['C0 controls other than line breaks', 'a\u001cb\u0001c\u001fd', 'abcd', 3],
    ['C1 controls', 'a\u0081b\u0080c', 'abc', 2],
    ['an 8-bit DCS string ended by an 8-bit ST', 'a\u0090q\u009cb', 'ab', 3],
    [
      'the Trojan Source override (U+202E)',
      'access \u202eevil\u202c level',
      'access evil level',
      2,
    ],
    ['bidi embeddings and overrides', '\u202aa\u202bb\u202dc\u202c', 'abc', 4],
    ['bidi isolates', '\u2066x\u2067y\u2068z\u2069', 'xyz', 4],
  ])('%s', (_name, input, text, removed) => {
    expect(sanitizeText(input)).toEqual({ text, removed });
  });
});

describe('sanitizeText normalises line endings without counting them', () => {
  it.each([
    ['CRLF', 'one\r\ntwo\r\n', 'one\ntwo\n'],
    ['lone CR', 'one\rtwo', 'one\ntwo'],
    ['CR CR LF as two breaks', 'one\r\r\ntwo', 'one\n\ntwo'],
    // Line breaks too: removing them would glue the words they separate ("verticaltab").
    ['vertical tab', 'vertical\u000btab', 'vertical\ntab'],
    ['form feed between pages', 'end of page\n\u000cnext page', 'end of page\n\nnext page'],
    ['NEL (U+0085)', 'next\u0085line', 'next\nline'],
  ])('%s', (_name, input, text) => {
    expect(sanitizeText(input)).toEqual({ text, removed: 0 });
  });
});

describe('sanitizeText keeps', () => {
  it.each([
    ['Cyrillic', 'Кремль заявил, что переговоры возможны.'],
    ['emoji, including joined sequences', 'Talks 🇺🇦🤝🇷🇺 and 👩🏽‍💻 😀'],
    ['curly quotes, dashes and ellipses', '“Yes,” he said — ‘no’… «да»'],
    ['tabs and newlines', 'col1\tcol2\nline two\n\npara'],
    [
      'CJK, Arabic with its direction marks, and Devanagari',
      '普京。 مرحبا\u200f\u061c हिन्दी। \u200e',
    ],
    ['non-breaking and other Unicode spaces', 'a\u00a0b\u2009c\u3000d'],
    ['zero-width non-joiner and joiner', 'می\u200cخواهد क्\u200dष 👩\u200d👩\u200d👧'],
  ])('%s', (_name, input) => {
    expect(sanitizeText(input)).toEqual({ text: input, removed: 0 });
  });

  it('keeps the text around removed sequences intact', () => {
    const input = `Putin ${ESC}[1mmet${ESC}[22m Witkoff.\r\nThe talks\u202e lasted ${ESC}]0;x${BEL}three hours.`;
    expect(sanitizeText(input)).toEqual({
      text: 'Putin met Witkoff.\nThe talks lasted three hours.',
      removed: 16,
    });
  });
});

describe('sanitizeLine', () => {
  it('turns tabs and line breaks into spaces after sanitizing', () => {
    expect(sanitizeLine(`a\tb\r\nc\n${ESC}[31md\u000be`)).toBe('a b c d e');
  });
});
