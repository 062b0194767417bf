import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../source/corpus/boilerplate.js';
import type { Unit } from '../../source/corpus/units.js';

/** The words as a split by the pattern of the characters between words gave them. */
const BETWEEN = /[\s"'“”‘’«»()[\]{},.;:!?…—–/*#|•·-]+/;
const bySplit = (text: string) => text.toLowerCase().split(BETWEEN).filter(Boolean);

const unitsOf = (texts: string[]) => texts.map((text) => ({ text }) as Unit);

describe('the words of boilerplate lines', () => {
  it('ends a word at exactly the characters the pattern names, of every code unit', () => {
    const texts: string[] = [];
    for (let code = 0; code < 0x10000; code++) texts.push(`Ab${String.fromCharCode(code)}cD`);
    expect(wordsOf(unitsOf(texts))).toEqual(texts.map(bySplit));
  });

  it('reads lines of a page as before', () => {
    const texts = [
      '',
      '  ',
      'Sign up to First Edition, our free daily newsletter – every weekday at 7am BST',
      '— «Ціни», сказав він… (AFP/Getty Images) | Tags: war; peace',
      'İstanbul’da 14 Mart 2025 · TASS\u00a0/\u2009Reuters\u3000end',
      'a--b..c//d**e##f||g•·h',
    ];
    expect(wordsOf(unitsOf(texts))).toEqual(texts.map(bySplit));
  });
});
