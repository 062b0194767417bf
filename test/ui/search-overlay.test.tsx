import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { reduce } from '../../source/review/reducer.js';
import type { ReviewState } from '../../source/review/state.js';
import { SearchOverlay } from '../../source/ui/components/SearchOverlay.js';
import { makeTheme } from '../../source/ui/theme.js';
import { typed } from '../helpers/keys.js';
import { HITS, readerState } from '../review/fixtures.js';

function summaryOf(state: ReviewState): string {
  const { lastFrame, unmount } = render(
    <SearchOverlay state={state} width={80} height={10} theme={makeTheme(false)} />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame.split('\n')[1]?.trim() ?? '';
}

describe('SearchOverlay', () => {
  it('says it is searching until the first answer for the query comes, then counts it', () => {
    const typing = typed(readerState({ searchAvailable: true }), '/sentence');
    // "0 results" stood there until the answer came, which on a large corpus is a moment.
    expect(summaryOf(typing)).toBe('searching…');
    const answered = reduce(typing, { type: 'search/query', query: 'sentence', hits: HITS });
    expect(summaryOf(answered)).toBe(`${HITS.length} results`);
    const none = reduce(typing, { type: 'search/query', query: 'sentence', hits: [] });
    expect(summaryOf(none)).toBe('0 results');
  });

  it('says how many match when there are more than it lists, or that more do', () => {
    const typing = typed(readerState({ searchAvailable: true }), '/sentence');
    const counted = reduce(typing, {
      type: 'search/query',
      query: 'sentence',
      hits: HITS,
      total: 1635,
    });
    expect(summaryOf(counted)).toBe(`first ${HITS.length} of 1,635 results`);
    const uncounted = reduce(typing, {
      type: 'search/query',
      query: 'sentence',
      hits: HITS,
      total: null,
    });
    expect(summaryOf(uncounted)).toBe(
      `first ${HITS.length} results: more match, too many to count`,
    );
  });
});
