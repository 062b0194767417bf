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
      unlisted: [],
      notFilters: [],
    });
  });

  it('reads - before a number as its sign, not as a word left out (qa56 #5)', () => {
    const parsed = parseQuery('-3.5% -$5 -.5 fell -Putin -2020s');
    expect(parsed.words).toEqual(['-3.5%', '-$5', '-.5', 'fell']);
    expect(parsed.excluded).toEqual(['Putin', '2020s']);
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

  it('names a status it does not know, and keeps a label the codebook lacks as typed', () => {
    const parsed = parseQuery('label:Opinion status:finished');
    expect(parsed.problems).toEqual([
      'status:finished: expected one of done, in-progress, unreviewed',
    ]);
    // A label renamed or removed from margin.json still names the store's annotations with it.
    expect(parsed.filters).toEqual([{ field: 'label', value: 'Opinion', negate: false }]);
    expect(parsed.unlisted).toEqual(['Opinion']);
  });

  it("takes the project's label names, the unambiguous start of one, and others as unlisted", () => {
    const labels = ['claim', 'quote', 'event', 'statistic', 'opinion', 'frame-economic'];
    const parsed = parseQuery('label:opinion label:stat label:frame label:frame-economic', labels);
    expect(parsed.filters).toEqual([
      { field: 'label', value: 'opinion', negate: false },
      { field: 'label', value: 'statistic', negate: false },
      { field: 'label', value: 'frame-economic', negate: false },
      { field: 'label', value: 'frame-economic', negate: false },
    ]);
    expect(parsed.unlisted).toEqual([]);
    expect(parseQuery('label:frame_economic', labels).filters[0]!.value).toBe('frame-economic');
    expect(parseQuery('label:framing', labels).unlisted).toEqual(['framing']);
  });

  it('treats an unknown field, a lone dash and an empty filter as ordinary text', () => {
    expect(parseQuery('http://x.org - label: 30-day')).toEqual({
      words: ['http://x.org', '-', '30-day'],
      phrases: [],
      excluded: [],
      filters: [],
      problems: [],
      unlisted: [],
      notFilters: [],
    });
    expect(parseQuery('speaker:Waltz said: claimant:"Mr X"').notFilters).toEqual([
      'speaker',
      'claimant',
    ]);
  });
});
