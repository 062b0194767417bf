import { describe, expect, it } from 'vitest';
import { countsText } from '../../source/ui/rows.js';
import { marks } from '../review/fixtures.js';

describe('the counts of labels the codebook no longer lists', () => {
  it('name each such label, so two of them are told apart', () => {
    // qa50: quote renamed and event removed from margin.json: the list read `C1 ?1 ?1`.
    const retired = marks({
      sentences: {
        s1: { labels: ['claim', 'quote'], note: null, attributes: {} },
        s2: { labels: ['event'], note: null, attributes: {} },
        s3: { labels: ['bad\x1b[2Jname-that-goes-on-and-on'], note: null, attributes: {} },
      },
    });
    const codebook = [
      { name: 'claim', key: '1', colour: 'yellow', letter: 'C', description: '', attributes: [] },
    ];
    expect(countsText(retired, codebook)).toBe('C1 ?bad\\u001b[2Jnam… 1 ?event 1 ?quote 1');
  });
});
