import { describe, expect, it } from 'vitest';
import { buildSearchEngine, type SearchHit } from '../../source/search/index.js';
import { article } from './articles.js';
import { context } from './context.js';

const engine = buildSearchEngine([
  article('kyiv', [
    'Air raid sirens sounded across KYIV on Monday.',
    '“Kyïv will not bow,” the mayor said — and ﬁrefighters worked through the night.',
    'В Києві оголосили тривогу, повідомляє «Київ Цифровий».',
  ]),
  article('joiners', [
    'او می\u200cخواهد برود، گفت وزیر.',
    'The word क्\u200dष and a family 👩\u200d👩\u200d👧 were posted.',
  ]),
  article('names', [
    'Volodymyr Zélenskyy met the envoy in Saint-Étienne.',
    'The 30-day truce began; the U.S. welcomed it.',
    'Only 30 of them had a day off.',
  ]),
]);

const highlighted = (hit: SearchHit) =>
  hit.matches.map(([start, end]) => hit.text.slice(start, end));
const search = (query: string) => engine.search(query, context());

describe('folding and highlights', () => {
  it('"Kyiv" finds "KYIV" and "Kyïv", highlighting the original letters', () => {
    const hits = search('Kyiv');
    expect(hits.map((hit) => hit.sentence)).toEqual(['kyiv-s0', 'kyiv-s1']);
    expect(hits.map(highlighted)).toEqual([['KYIV'], ['Kyïv']]);
    expect(hits.map((hit) => hit.score)).toEqual([1, 1]);
  });

  it('highlights past curly quotes and a ligature that folding lengthens', () => {
    const [hit] = search('firefighters night');
    expect(hit?.matches).toEqual([
      [42, 53],
      [73, 78],
    ]);
    expect(highlighted(hit!)).toEqual(['ﬁrefighters', 'night']);
  });

  it('folds Cyrillic case and finds a word inside guillemets', () => {
    const [hit] = search('київ');
    expect(hit?.sentence).toBe('kyiv-s2');
    expect(highlighted(hit!)).toEqual(['Київ']);
  });

  it('finds a Persian word typed without its zero-width non-joiner, and with it', () => {
    expect(search('میخواهد').map(highlighted)).toEqual([['می\u200cخواهد']]);
    expect(search('می\u200cخواهد').map(highlighted)).toEqual([['می\u200cخواهد']]);
  });

  it('reads a Devanagari conjunct with a zero-width joiner as one word', () => {
    expect(search('क्ष').map(highlighted)).toEqual([['क्\u200dष']]);
  });

  it('folds diacritics in the text and in the query', () => {
    expect(search('zelenskyy saint-etienne').map(highlighted)).toEqual([
      ['Zélenskyy', 'Saint-Étienne'],
    ]);
    expect(search('Zélenskyy').map((hit) => hit.score)).toEqual([1]);
  });

  it('reads a word with inner punctuation as those words together', () => {
    expect(search('30-day').map(highlighted)).toEqual([['30-day']]);
    expect(search('U.S.').map(highlighted)).toEqual([['U.S']]);
    expect(search('30 day').map((hit) => hit.sentence)).toEqual(['names-s1', 'names-s2']);
  });

  it('matches a phrase across punctuation, and while its last word is typed (whole word lit)', () => {
    expect(search('"the mayor said and"').map(highlighted)).toEqual([['the mayor said — and']]);
    expect(search('"mayor said and fire"').map(highlighted)).toEqual([
      ['mayor said — and ﬁrefighters'],
    ]);
    expect(search('"kyiv will no"').map(highlighted)).toEqual([['Kyïv will not']]);
  });
});
