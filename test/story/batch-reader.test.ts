import { describe, expect, it } from 'vitest';
import { BatchReader } from '../../source/story/batch-reader.js';
import { FeatureReader } from '../../source/story/feature-batch.js';
import { sentenceFeatures, Vocabulary } from '../../source/story/tokens.js';

const first = [
  '“We will fund the treaty on customs data without further delay,” minister Pavel Rahmani said.',
  'According to the coast guard, 27 residents were evacuated in Karsava on Sunday.',
];
const second = [
  'Rahmani said the treaty on customs data would be funded without delay.',
  'He added: “There are reasons to be cautiously optimistic.”',
];

describe('a batch read apart and taken into the index', () => {
  it('gives the features the index would have read itself, words numbered in its order', () => {
    const reader = new BatchReader();
    const index = new Vocabulary();
    const ids: number[] = [];
    const read: unknown[] = [];
    for (const [seq, texts] of [first, second].entries()) {
      const reply = reader.read({ seq, texts });
      expect(reply.seq).toBe(seq);
      // The index numbers a reader's new words as they come, in the reader's order.
      for (const word of reply.words) ids.push(index.id(word));
      const features = new FeatureReader(reply.packed, ids);
      read.push(...features.next(1), ...features.next(texts.length - 1));
    }
    const alone = new Vocabulary();
    const expected = [...first, ...second].map((text) => sentenceFeatures(text, alone));
    expect(read).toEqual(expected);
    expect(index.words).toEqual(alone.words);
  });

  it('names each word once, in the batch where it was first met', () => {
    const reader = new BatchReader();
    const once = reader.read({ seq: 0, texts: first }).words;
    const again = reader.read({ seq: 1, texts: [...first, ...second] }).words;
    expect(once.length).toBeGreaterThan(0);
    expect(again.some((word) => once.includes(word))).toBe(false);
    expect(again.length).toBeGreaterThan(0);
  });
});
