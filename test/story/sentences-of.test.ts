import { describe, expect, it } from 'vitest';
import { addSentences, type StoryArticle, StoryIndex } from '../../source/story/index.js';

const article = (id: string, ...texts: string[]): StoryArticle => ({
  id,
  date: '2025-03-14',
  source: id,
  sentences: texts.map((text, i) => ({ id: `s${i}`, text })),
});
const quote = '"We will determine the timing of a conversation with the president soon,"';
const port = 'The port of Karsava reopened after three days of storms, the harbour authority said.';
const a = article(
  'a',
  port,
  'Kremlin aide Yuri Ushakov said talks with Washington would continue next week.',
  `${quote} he said.`,
);
const b = article('b', `${quote} Ushakov said.`, port);
const c = article('c', `${quote} Dmitry Peskov said.`);

/** The groups as article and position of each member. */
function formed(add: (index: StoryIndex) => void): string[][] {
  const index = new StoryIndex();
  add(index);
  index.add(b);
  index.add(c);
  index.build();
  return index
    .groups()
    .map((group) => group.members.map((m) => `${m.article}${m.sentence}`))
    .sort();
}

describe('some sentences of an article added to the story index', () => {
  it('compares the sentences asked for, with the speaker a pronoun takes from the sentence before', () => {
    // The quote's "he" is Ushakov: with b's quote, not Peskov's.
    expect(formed((index) => addSentences(index, a, [2]))).toEqual([['a2', 'b0']]);
  });

  it('leaves every other sentence out, where the whole article groups it', () => {
    expect(formed((index) => index.add(a))).toEqual([
      ['a0', 'b1'],
      ['a2', 'b0'],
    ]);
    expect(formed((index) => addSentences(index, a, [0]))).toEqual([['a0', 'b1']]);
  });
});
