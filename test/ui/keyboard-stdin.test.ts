import { describe, expect, it } from 'vitest';
import { PASTED } from '../../source/review/keys.js';
import { escapesApart, pasteSplitter } from '../../source/ui/keyboard-stdin.js';

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

describe('an Escape Ink would join to the next key', () => {
  it('leaves keys, control sequences and what Ink reads as Alt+key as they are', () => {
    for (const keys of [
      'jk?/',
      '\x1b[A',
      '\x1b\x1b[A',
      '\x1bOP',
      '\x1bj',
      '\x1b\r',
      '\x1b ',
      '\x1b\x7f',
    ]) {
      expect(escapesApart(keys)).toBe(keys);
    }
  });

  it('makes every other Escape one Ink cannot join, keeping Alt on the key behind it', () => {
    expect(escapesApart('j\x1b')).toBe('j\x1b[27;1u');
    expect(escapesApart('\x1b\x1b')).toBe('\x1b[27;1u\x1b[27;1u');
    expect(escapesApart('\x1b?x')).toBe('\x1b[63;3ux');
    expect(escapesApart('\x1b\t')).toBe('\x1b[9;3u');
    expect(escapesApart('\x1b\x12')).toBe('\x1b[114;7u');
    expect(escapesApart('\x1b\u{1F600}j')).toBe('\x1b[128512;3uj');
    expect(escapesApart('\x1b\n')).toBe('\x1b[27;1u\n');
  });
});
