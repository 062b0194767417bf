import { describe, expect, it } from 'vitest';
import { keyOf, typed } from '../helpers/keys.js';
import { readerState } from './fixtures.js';

describe('! while the corpus loads', () => {
  it('says no problems so far, since the load may still find some', () => {
    const loading = readerState({ loading: { done: 10, total: 100 } });
    expect(typed(loading, keyOf('problems/toggle')).message?.text).toBe(
      'no problems so far; the corpus is still loading',
    );
  });
});
