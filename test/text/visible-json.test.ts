import { describe, expect, it } from 'vitest';
import { isVisibleJson, safeJson } from '../../source/text/untrusted.js';

describe('isVisibleJson', () => {
  it('says of every character whether safeJson would escape it, from its UTF-8 bytes', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= 0x10ffff; code++) {
      // Lone surrogates have no UTF-8; JSON.stringify escapes them itself.
      if (code >= 0xd800 && code <= 0xdfff) continue;
      // Between letters, as in a text: the bytes around never make a match.
      const text = `a${String.fromCodePoint(code)}b`;
      const json = JSON.stringify(text);
      if (isVisibleJson(Buffer.from(json)) !== (safeJson(text) === json))
        wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('finds a character to escape anywhere in a long text, at its ends too', () => {
    const long = '“Quoted” — text with curly quotes and dashes, '.repeat(100);
    for (const hidden of ['\u007f', '\u0085', '\u202e', '\u2066']) {
      for (const text of [`${hidden}${long}`, `${long}${hidden}`, `${long}${hidden}${long}`]) {
        expect(isVisibleJson(Buffer.from(JSON.stringify(text)))).toBe(false);
      }
    }
    expect(isVisibleJson(Buffer.from(JSON.stringify(long)))).toBe(true);
  });
});
