import { describe, expect, it } from 'vitest';
import { moreArrived } from '../../source/review/navigation.js';
import { HITS } from './fixtures.js';

// The search box (PgDn past the last) and the results after it (`n` past the last) page on
// through this one function; search-count.test.tsx drives both through the screen.
describe('the next results of a search', () => {
  const [first, second, third] = HITS as [(typeof HITS)[0], (typeof HITS)[0], (typeof HITS)[0]];

  it('keeps those listed in place, lists a re-ranked one once, and goes to the one asked for', () => {
    const listed = { query: 'q', hits: [first, second], total: 9, wanted: 3, index: 1 };
    // A larger limit ranked the second above the first: it is not listed twice.
    const { paged, at } = moreArrived(listed, [second, first, third], 9);
    expect(paged).toEqual({ query: 'q', hits: [first, second, third], total: 9, index: 1 });
    // Asked for the fourth, three there are: the last.
    expect(at).toBe(2);
  });

  it('drops the count when nothing new came: all that match are listed', () => {
    const listed = { hits: [first, second], total: 5, wanted: 2 };
    const { paged, at } = moreArrived(listed, [first, second], 5);
    expect(paged).toEqual({ hits: [first, second], total: undefined });
    expect(at).toBeNull();
  });
});
