import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../source/store/read-ahead.js';

describe('ReadAhead', () => {
  it('gives null, not a wait, when its thread cannot read (the export reads itself)', () => {
    const ahead = ReadAhead.start({
      store: '/nonexistent/margin-read-ahead/store.sqlite',
      corpus: null,
      kind: 'jsonl 1',
      generation: 'g',
      ids: ['a', 'b'],
    });
    expect(ahead).not.toBeNull();
    expect(ahead!.next('jsonl 1')).toBeNull();
    expect(ahead!.next('jsonl 1')).toBeNull();
  });
});
