import { describe, expect, it, vi } from 'vitest';
import { EMPTY_MARKS } from '../../source/review/marks.js';
import type * as untrusted from '../../source/text/untrusted.js';
import { fitWidth } from '../../source/text/width.js';
import { displayTitle, listTitle } from '../../source/ui/rows.js';
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

describe('an article only opened, in the list', () => {
  it('shows · as unreviewed (as stats counts it), ◐ once something in it is tagged', () => {
    const article = fixtureArticle('t', 2);
    const opened = { ...EMPTY_MARKS, status: 'in progress' as const };
    expect(listTitle(article, opened, 30)).toBe(fitWidth('· Title of t', 30));
    const tagged = {
      ...opened,
      sentences: { 't-s0': { labels: ['claim'], note: null, attributes: {} } },
    };
    expect(listTitle(article, tagged, 30)).toBe(fitWidth('◐ Title of t', 30));
    // Counted from the store's index before the article is read.
    expect(listTitle(article, { ...opened, tally: { claim: 0 } }, 30)).toBe(
      fitWidth('· Title of t', 30),
    );
    expect(listTitle(article, { ...opened, tally: { quote: 2 } }, 30)).toBe(
      fitWidth('◐ Title of t', 30),
    );
  });
});
