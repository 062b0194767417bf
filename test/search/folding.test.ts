import { describe, expect, it } from 'vitest';
import { buildSearchEngine, type SearchHit } from '../../source/search/index.js';
import { sentenceWords, words } from '../../source/text/fold.js';
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
  article('dots', [
    'The UN met at 9 a.m. in Washington, D.C., on Monday.',
    'U.N. envoys and the U.K. minister met; the US-UK talks went on.',
    'The С.Ш.А. delegation used the e.g. form.',
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
    expect(search('U.S.').map(highlighted)).toEqual([['US'], ['U.S.']]);
    expect(search('30 day').map((hit) => hit.sentence)).toEqual(['names-s1', 'names-s2']);
  });

  it('reads letters between single dots as one word: U.N. is UN, both ways and in phrases', () => {
    const sentences = (query: string) => search(query).map((hit) => hit.sentence);
    expect(sentences('UN')).toEqual(['dots-s0', 'dots-s1']);
    expect(sentences('U.N.')).toEqual(['dots-s0', 'dots-s1']);
    expect(search('un').map(highlighted)).toEqual([['UN'], ['U.N.']]);
    expect(sentences('UK')).toEqual(['dots-s1']);
    expect(search('U.K.').map(highlighted)).toEqual([['U.K.', 'UK']]);
    expect(sentences('US')).toEqual(['dots-s1', 'names-s1']);
    expect(sentences('DC')).toEqual(['dots-s0']);
    expect(search('9 am').map(highlighted)).toEqual([['9', 'a.m.']]);
    expect(sentences('"U.N. envoys"')).toEqual(['dots-s1']);
    expect(sentences('"UN envoys"')).toEqual(['dots-s1']);
    expect(sentences('"the UK minister"')).toEqual(['dots-s1']);
    expect(sentences('США')).toEqual(['dots-s2']);
    expect(sentences('-U.N. met')).toEqual(['names-s0']);
    // One letter and a dot is no abbreviation, nor are digits: "3.5" stays 3 and 5.
    expect(words('Donald J. Trump, 3.5 per cent, a.b3')).toEqual([
      'donald',
      'j',
      'trump',
      '3',
      '5',
      'per',
      'cent',
      'a',
      'b3',
    ]);
  });

  it('splits plain ASCII sentences as it splits any text, abbreviations included', () => {
    for (const text of [
      'The U.S. said at 9 a.m.; U.S.-led, U.S.A., e.g. x.com',
      "ab.c.d 3.a.b u.s5 a.b.c5 U.S.Army I...a U.S.'s plan B. Then",
    ]) {
      expect(sentenceWords(text), text).toEqual(words(text));
    }
    expect(sentenceWords('ab.c.d a.b.c5 U.S.Army')).toEqual(['ab', 'cd', 'ab', 'c5', 'us', 'army']);
  });

  it('matches a phrase across punctuation, and while its last word is typed (whole word lit)', () => {
    expect(search('"the mayor said and"').map(highlighted)).toEqual([['the mayor said — and']]);
    expect(search('"mayor said and fire"').map(highlighted)).toEqual([
      ['mayor said — and ﬁrefighters'],
    ]);
    // Two letters are a word, never the start of one: "no" is not "not".
    expect(search('"kyiv will no"').map(highlighted)).toEqual([]);
    expect(search('"the mayor sai"').map(highlighted)).toEqual([['the mayor said']]);
  });
});
