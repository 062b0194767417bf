import { describe, expect, it } from 'vitest';
import { wordsOfSentences } from '../../source/corpus/db/clean-file.js';
import { indexWords } from '../../source/corpus/db/index-words.js';

/** The record's fields as a list of sentences per word, in order of first use, would give them. */
function byLists(texts: string[]): { words: string; wordSentences: number[] } {
  const holders = new Map<string, number[]>();
  texts.forEach((text, i) => {
    for (const word of indexWords(text)) {
      const list = holders.get(word) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      holders.set(word, list);
    }
  });
  return {
    words: [...holders.keys()].join(' '),
    wordSentences: [...holders.values()].flatMap((list) => [list.length, ...list]),
  };
}

describe("an article's words and the sentences holding each", () => {
  it('lists each word once, at its first use, with its sentences ascending', () => {
    const texts = [
      'Prices rose 20% in March, prices said.',
      'No words here? Just $5 billion and 20 percent.',
      '',
      'Rose rose; the rose. March on!',
      ...Array.from({ length: 300 }, (_, i) => `word${i % 97} and ${i} more ${i % 5}`),
    ];
    const found = wordsOfSentences(texts.map((text) => ({ text })));
    expect({ words: found.words, wordSentences: [...found.wordSentences] }).toEqual(byLists(texts));
    expect(found.words.split(' ').slice(0, 6)).toEqual([
      'prices',
      'rose',
      '20',
      'in',
      'march',
      'said',
    ]);
  });

  it('gives nothing for an article without words', () => {
    const found = wordsOfSentences([{ text: '—' }, { text: '' }]);
    expect(found.words).toBe('');
    expect([...found.wordSentences]).toEqual([]);
  });
});
