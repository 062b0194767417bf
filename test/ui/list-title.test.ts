import { describe, expect, it, vi } from 'vitest';
import type * as untrusted from '../../source/text/untrusted.js';
import { displayTitle } from '../../source/ui/rows.js';
import { fixtureArticle } from '../review/fixtures.js';

// The real function, with the text each call was given kept.
const given: string[] = [];
vi.mock('../../source/text/untrusted.js', async (original) => {
  const real = await original<typeof untrusted>();
  return {
    ...real,
    oneLine: (text: string) => {
      given.push(text);
      return real.oneLine(text);
    },
  };
});

describe('an untitled article in the list', () => {
  // qa51 #13: cut at a word with nothing to say so, the opening words read as a whole headline.
  it('shows its opening twelve words, spaces collapsed and controls escaped, … when cut', () => {
    const article = { ...fixtureArticle('t', 1), title: null };
    const text =
      ' \n  One\ttwo  three\u001b[31m four\n\nfive six seven eight nine ten eleven twelve thirteen';
    expect(displayTitle({ ...article, text })).toBe(
      ' One two three\\u001b[31m four five six seven eight nine ten eleven…',
    );
    const twelve = Array.from({ length: 12 }, (_, n) => `w${n + 1}`).join(' ');
    expect(displayTitle({ ...article, text: `${twelve} \n` })).toBe(twelve);
    expect(displayTitle({ ...article, text: `${twelve} w13` })).toBe(`${twelve}…`);
    expect(displayTitle({ ...article, text: 'Only three words' })).toBe('Only three words');
    expect(displayTitle({ ...article, text: '  \n ' })).toBe(' ');
    expect(displayTitle({ ...article, text: '' })).toBe('t');
  });

  it('reads only those words of a long text (each row asks on every frame)', () => {
    const article = { ...fixtureArticle('t', 1), title: null };
    const text = `${'word '.repeat(12)}${'and more words. '.repeat(10_000)}`;
    given.length = 0;
    expect(displayTitle({ ...article, text })).toBe(`${Array(12).fill('word').join(' ')}…`);
    expect(given.map((each) => each.length)).toEqual(['word '.repeat(12).length - 1]);
  });
});
