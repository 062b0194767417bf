import { describe, expect, it } from 'vitest';
import { acceptVersion, compareSentences } from '../../source/export/adjudication.js';
import { asciiArticle, orphan, place, unicodeArticle } from './fixture.js';

describe('compareSentences', () => {
  const alice = [
    place(unicodeArticle, 0, 'quote', 'alice', { note: 'verify', attributes: { speaker: 'x' } }),
    place(unicodeArticle, 0, 'claim', 'alice'),
    place(unicodeArticle, 2, 'claim', 'alice'),
    orphan(unicodeArticle, 'alice'),
  ];
  const bob = [place(unicodeArticle, 0, 'quote', 'bob'), place(unicodeArticle, 2, 'claim', 'bob')];
  const rows = compareSentences(unicodeArticle, { alice, bob });

  it('lists disagreements first, then the rest in reading order', () => {
    expect(rows.map((row) => [row.sentence.id, row.disagreement])).toEqual([
      ['uni-s0', true],
      ['uni-s1', false],
      ['uni-s2', false],
      ['uni-s3', false],
    ]);
    expect(rows[0]!.labels).toEqual([
      { annotator: 'alice', labels: ['claim', 'quote'] },
      { annotator: 'bob', labels: ['quote'] },
    ]);
  });

  it('plans gold’s labels to become exactly the accepted version, with its note', () => {
    const plan = acceptVersion(rows[0]!, 'alice', alice, ['quote', 'event']);
    expect(plan).toEqual({
      sentence: 'uni-s0',
      tag: ['claim'],
      untag: ['event'],
      patch: { note: 'verify', attributes: { speaker: 'x' } },
    });
    expect(acceptVersion(rows[0]!, 'bob', bob, ['quote'])).toEqual({
      sentence: 'uni-s0',
      tag: [],
      untag: [],
      patch: null,
    });
  });

  it('clears gold when the accepted version has no labels', () => {
    const row = compareSentences(asciiArticle, {
      alice: [place(asciiArticle, 1, 'event', 'alice')],
      bob: [],
    })[0]!;
    expect(acceptVersion(row, 'bob', [], ['event']).untag).toEqual(['event']);
  });
});
