import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../source/search/index.js';

describe('parseQuery', () => {
  it('splits plain words, phrases and exclusions', () => {
    expect(parseQuery('Witkov  "cautiously optimistic" -Putin -"White House"')).toEqual({
      words: ['Witkov'],
      phrases: ['cautiously optimistic'],
      excluded: ['Putin', 'White House'],
      filters: [],
      problems: [],
    });
  });

  it('reads typographic quotes and a phrase still being typed', () => {
    expect(parseQuery('“reasons to be” “cautiously opt').phrases).toEqual([
      'reasons to be',
      'cautiously opt',
    ]);
  });

  it('reads filters, quoted values and negated filters', () => {
    expect(
      parseQuery(
        'label:quote source:"Kyiv Independent" annotator:ana status:in-progress -label:claim',
      ).filters,
    ).toEqual([
      { field: 'label', value: 'quote', negate: false },
      { field: 'source', value: 'Kyiv Independent', negate: false },
      { field: 'annotator', value: 'ana', negate: false },
      { field: 'status', value: 'in progress', negate: false },
      { field: 'label', value: 'claim', negate: true },
    ]);
  });

  it('accepts the unambiguous start of a value, as while typing', () => {
    expect(parseQuery('label:q status:d LABEL:None').filters).toEqual([
      { field: 'label', value: 'quote', negate: false },
      { field: 'status', value: 'done', negate: false },
      { field: 'label', value: 'none', negate: false },
    ]);
  });

  it('names a value it does not know', () => {
    expect(parseQuery('label:opinion status:finished').problems).toEqual([
      'label:opinion: expected one of claim, quote, event, none',
      'status:finished: expected one of done, in-progress, unreviewed',
    ]);
  });

  it("takes the project's label names, and only those", () => {
    const labels = ['claim', 'quote', 'event', 'statistic', 'opinion'];
    expect(parseQuery('label:opinion label:stat', labels).filters).toEqual([
      { field: 'label', value: 'opinion', negate: false },
      { field: 'label', value: 'statistic', negate: false },
    ]);
    expect(parseQuery('label:frame', labels).problems).toEqual([
      'label:frame: expected one of claim, quote, event, statistic, opinion, none',
    ]);
  });

  it('treats an unknown field, a lone dash and an empty filter as ordinary text', () => {
    expect(parseQuery('http://x.org - label: 30-day')).toEqual({
      words: ['http://x.org', '-', '30-day'],
      phrases: [],
      excluded: [],
      filters: [],
      problems: [],
    });
  });
});
