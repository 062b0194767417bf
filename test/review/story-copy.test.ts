import { describe, expect, it } from 'vitest';
import { reduce } from '../../source/review/reducer.js';
import type { ReviewState } from '../../source/review/state.js';
import { marks, readerState, STORY } from './fixtures.js';

/** The story panel open on b's sentence 20 (a claim by the Kremlin), its counterpart a's 3rd. */
function panel(counterpart: ReviewState['marks']['a']): ReviewState {
  return readerState({
    mode: { kind: 'story', article: 'b', sentence: 'b-s20', selected: 0 },
    story: { view: STORY, origin: null, linkFrom: null },
    marks: {
      ...readerState().marks,
      ...(counterpart ? { a: counterpart } : {}),
    },
  });
}

describe('copying labels across in the story panel', () => {
  // qa50: "copied claim to … (u undoes)" where the counterpart had it all already, and a value
  // replaced without a word.
  it('says the counterpart has them already, and writes nothing', () => {
    const same = marks({
      sentences: {
        'a-s3': { labels: ['claim'], note: null, attributes: { claimant: 'Kremlin' } },
      },
    });
    const copied = reduce(panel(same), { type: 'story/copy' });
    expect(copied.outbox).toEqual([]);
    expect(copied.message?.text).toMatch(/ has claim already, as here$/);
  });

  it('names a value it replaces', () => {
    const other = marks({
      sentences: { 'a-s3': { labels: ['claim'], note: null, attributes: { claimant: 'TASS' } } },
    });
    const copied = reduce(panel(other), { type: 'story/copy' });
    expect(copied.message?.text).toMatch(
      /^copied claim to .* \(claimant: TASS → Kremlin\) \(u undoes\)$/,
    );
    expect(copied.outbox).toHaveLength(1);
  });

  it('takes a stored attribute named as an object member for a plain value', () => {
    // An import can store `constructor`: read off the counterpart's plain object it was a
    // function, "replaced" in the message.
    const base = panel(marks({ sentences: {} }));
    const b = base.marks.b!;
    const own = {
      labels: ['claim'],
      note: null,
      attributes: { claimant: 'Kremlin', constructor: 'c' },
    };
    const state = {
      ...base,
      marks: { ...base.marks, b: { ...b, sentences: { ...b.sentences, 'b-s20': own } } },
    };
    const copied = reduce(state, { type: 'story/copy' });
    expect(copied.message?.text).toMatch(/^copied claim to [^()]* \(u undoes\)$/);
    expect(copied.outbox).toHaveLength(1);
  });
});
