import { describe, expect, it } from 'vitest';
import { PASTED } from '../../source/review/keys.js';
import { pasteSplitter } from '../../source/ui/keyboard-stdin.js';

describe('pasted text, apart from keys', () => {
  it('hands on a paste as one part of text, its line breaks made spaces, keys around it apart', () => {
    const split = pasteSplitter();
    expect(split('n\x1b[200~Peskov said\r\nexcerpt:\tx\rd\x1b[201~\rj')).toEqual([
      'n',
      `${PASTED}Peskov said excerpt: x d`,
      '\rj',
    ]);
    expect(split('jj')).toEqual(['jj']);
  });

  it('follows a paste over several chunks, its end marker cut in two', () => {
    const split = pasteSplitter();
    expect(split('\x1b[200~first line\r')).toEqual([`${PASTED}first line `]);
    expect(split('second \x1b[31mline\x1b[2')).toEqual([`${PASTED}second [31mline`]);
    expect(split('01~u')).toEqual(['u']);
  });

  it('keeps a start marker cut in two for the next chunk, but never an Escape', () => {
    const split = pasteSplitter();
    expect(split('abc\x1b[20')).toEqual(['abc']);
    expect(split('0~hello\rworld\x1b[201~')).toEqual([`${PASTED}hello world`]);
    expect(split('j\x1b')).toEqual(['j\x1b']);
  });

  it('leaves out every control character of a paste, and an empty paste entirely', () => {
    const split = pasteSplitter();
    expect(split('\x1b[200~\x07\x00\x1b[201~')).toEqual([]);
    expect(split('\x1b[200~a\x7fb\x1b[201~')).toEqual([`${PASTED}ab`]);
  });
});
