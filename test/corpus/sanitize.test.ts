import { describe, expect, it } from 'vitest';
import { removalWarning, sanitizeLine, sanitizeText } from '../../source/corpus/sanitize.js';

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/** The text left and how many characters went. */
function sanitized(input: string): { text: string; removed: number } {
  const { text, removed } = sanitizeText(input);
  return { text, removed };
}

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
    expect(sanitized(input)).toEqual({ text, removed });
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
    expect(sanitized(input)).toEqual({ text, removed: 0 });
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
    expect(sanitized(input)).toEqual({ text: input, removed: 0 });
  });

  it('keeps the text around removed sequences intact', () => {
    const input = `Putin ${ESC}[1mmet${ESC}[22m Witkoff.\r\nThe talks\u202e lasted ${ESC}]0;x${BEL}three hours.`;
    expect(sanitized(input)).toEqual({
      text: 'Putin met Witkoff.\nThe talks lasted three hours.',
      removed: 16,
    });
  });
});

describe('a stray introducer takes no text', () => {
  it.each([
    // `”` (E2 80 9D) read as Windows-1252 and saved as UTF-8: U+009D is the 8-bit OSC.
    [
      'a mojibake closing quote (â€ + U+009D)',
      'the plan â€œa disasterâ€\u009d in a speech on Monday. She said the budget would be cut.\n\nA vote is expected.',
      'the plan â€œa disasterâ€ in a speech on Monday. She said the budget would be cut.\n\nA vote is expected.',
    ],
    // The same read as Latin-1: every byte 0x80–0x9F a C1 control, U+009C (an ST) in “.
    [
      'Latin-1 mojibake, whose next opening quote holds an ST',
      'â\u0080\u009cYes,â\u0080\u009d he said. â\u0080\u009cNo.â\u0080\u009d',
      'âYes,â he said. âNo.â',
    ],
    // ‐ (E2 80 90) read as Windows-1252: U+0090 is the 8-bit DCS.
    [
      'a mojibake hyphen (â€ + U+0090)',
      'well\u00e2\u20ac\u0090known and more',
      'wellâ€known and more',
    ],
    // ě (C4 9B) read as Latin-1: U+009B is the 8-bit CSI and `c` a final byte.
    ['a mojibake CSI before a letter', 'nÄ\u009bco dalšího', 'nÄco dalšího'],
    ['an unterminated 7-bit OSC', `Before${ESC}]0;no end\nAfter`, 'Before0;no end\nAfter'],
    [
      'an unterminated 8-bit OSC',
      '\u009d0;title and the rest of the text',
      '0;title and the rest of the text',
    ],
    ['an unterminated DCS', `a${ESC}Pq text after`, 'aq text after'],
    ['unterminated APC, PM and SOS', `a${ESC}_b \u009ec \u0098d \u009fe`, 'ab c d e'],
    ['an unterminated CSI', `value ${ESC}[31`, 'value 31'],
    ['an 8-bit string holding more than printable ASCII', '\u009dcafé\u009c text', 'café text'],
    ['an 8-bit string ended only on a later line', '\u009d0;x\nline\u0007 two', '0;x\nline two'],
  ])('%s', (_name, input, text) => {
    expect(sanitizeText(input).text).toBe(text);
  });
});

describe('removalWarning says what went and that the text stays', () => {
  it.each([
    [
      'escape sequences',
      `${ESC}[31mRed${ESC}[0m ${ESC}]0;x${BEL}`,
      'removed 3 terminal escape sequences (15 characters); the text around them is kept',
    ],
    [
      'mojibake',
      'a disasterâ€\u009d in',
      'removed 1 control character (U+009D) of mojibake: text read in the wrong encoding and saved again, such as â€ for ”; the text around it is kept',
    ],
    [
      'every kind',
      `${ESC}[1mA${ESC}[m\u0007\u0000 \u202ex\u202c â€\u009d`,
      'removed 2 terminal escape sequences (7 characters), 2 control characters (U+0007, U+0000), 2 bidi controls that could reorder the text (U+202E, U+202C) and 1 control character (U+009D) of mojibake: text read in the wrong encoding and saved again, such as â€ for ”; the text around them is kept',
    ],
  ])('%s', (_name, input, warning) => {
    expect(removalWarning(sanitizeText(input))).toBe(warning);
  });
});

describe('sanitizeLine', () => {
  it('turns tabs and line breaks into spaces after sanitizing', () => {
    expect(sanitizeLine(`a\tb\r\nc\n${ESC}[31md\u000be`)).toBe('a b c d e');
  });
});
