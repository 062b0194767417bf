import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../source/story/tokens.js';

describe('a word read from its sentence', () => {
  it('is what the word read alone is, whichever words shared its slot before', () => {
    const vocabulary = new Vocabulary();
    const alone = new Vocabulary();
    // Twenty thousand words for 8,192 slots: many share one, the same word comes back after
    // others took its slot, and many are the start of others ("w12", "w123").
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}`);
    const text = ` ${words.join(' ')} ${words.slice(0, 3000).reverse().join(' ')} `;
    let start = 1;
    for (let end = 1; end < text.length; end++) {
      if (text[end] !== ' ') continue;
      const written = text.slice(start, end);
      expect(vocabulary.infoAt(text, start, end)).toEqual(alone.info(written));
      expect(vocabulary.infoAt(text, start, end)).toBe(vocabulary.info(written));
      start = end + 1;
    }
  });
});
