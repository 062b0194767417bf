import { describe, expect, it } from 'vitest';
import { makeAnchor } from '../../source/store/anchor.js';
import { articleFromText } from './articles.js';

describe("an anchor's prefix and suffix", () => {
  it('are cut between graphemes, never inside a ZWJ emoji', () => {
    // The 32nd code unit after the first sentence falls inside the family.
    const family = '👩‍👩‍👧';
    const article = articleFromText(
      'emoji',
      `The family met on Friday. Then the delegates and the ${family} left Kyiv late on Monday. They said so.`,
    );
    const first = makeAnchor(article, article.sentences[0]!);
    // 32 code units reach 4 into the family's 8: the suffix ends before it.
    expect(first.suffix).toBe(' Then the delegates and the ');
    const last = makeAnchor(article, article.sentences[2]!);
    // 32 units back start inside the family too: the prefix starts after it.
    expect(last.prefix).toBe(' left Kyiv late on Monday. ');
  });
});
