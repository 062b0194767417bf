import { describe, expect, it } from 'vitest';
import { figuresMissing, signedFigures } from '../../source/search/figures.js';
import { buildSearchEngine, type SearchHit } from '../../source/search/index.js';
import { fold, PLAIN_PUNCTUATION, sentenceWords, words } from '../../source/text/fold.js';
import { article } from './articles.js';
import { context } from './context.js';

const engine = buildSearchEngine([
  article('kyiv', [
    'Air raid sirens sounded across KYIV on Monday.',
    '“Kyïv will not bow,” the mayor said — and ﬁrefighters worked through the night.',
    'В Києві оголосили тривогу, повідомляє «Київ Цифровий».',
    'Лідери обʼєднання памʼятають про Гаваїʻі.',
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
  article('figures', [
    'The package is worth about $22.5 billion (€9 billion), officials said.',
    'The fund holds $5 billion, up 20.8% from a year before.',
    'Prices rose 20% and 1,772 people signed on Nov. 11.',
    'On November 11 the talks resumed; 12,345 troops left.',
    'A loan of €5 billion was agreed, and 20 workers were hired.',
  ]),
  article('decades', [
    'In the 2020s prices doubled, as in 2020 itself.',
    'The 2030s will tell; 5G masts went up in 2nd place.',
    'Inflation was 17,5 % and then 3,25% in the euro area.',
    'The index fell 17.5 points; 1,0000 and 2018,2019 are no decimals.',
    'A hit of the 90s, played by 90 bands in their 20s at 9pm.',
  ]),
  article('arabic', [
    'أسقطت الدفاعات الروسية ٢٨ طائرة مسيرة، وبلغ التضخم ٣٩٫١٪.',
    'Air defences downed 28 drones; inflation reached 39.1%.',
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

  it("finds a Ukrainian word written with ʼ (U+02BC) when typed with ' or ’, and the other way", () => {
    for (const query of ["об'єднання", 'об’єднання', 'обʼєднання']) {
      expect(search(query).map(highlighted)).toEqual([['обʼєднання']]);
    }
    expect(search("пам'ятають").map(highlighted)).toEqual([['памʼятають']]);
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
    // One letter and a dot is no abbreviation; "3.5" is a number, one word of its own.
    expect(words('Donald J. Trump, 3.5 per cent, a.b3')).toEqual([
      'donald',
      'j',
      'trump',
      '3.5',
      'per',
      'cent',
      'a',
      'b3',
    ]);
  });

  it('reads a number as one word: 5 is not 22.5, 20 is not 20.8, 1,772 is 1772', () => {
    expect(words('$22.5 billion, 20.8%, 1,772 of 12,500,000 in 2019, 2020')).toEqual([
      '22.5',
      'billion',
      '20.8',
      '1772',
      'of',
      '12500000',
      'in',
      '2019',
      '2020',
    ]);
    const sentences = (query: string) => search(query).map((hit) => hit.sentence);
    // A sign counts: the same number with another sign or none is a partial match.
    expect(sentences('$5 billion')).toEqual(['figures-s1', 'figures-s4']);
    expect(search('$5 billion').map((hit) => hit.score.toFixed(3))).toEqual(['1.000', '0.900']);
    expect(search('$5 billion').map(highlighted)).toEqual([
      ['5', 'billion'],
      ['5', 'billion'],
    ]);
    expect(sentences('"€5 billion"')).toEqual(['figures-s4', 'figures-s1']);
    expect(search('5 billion').map((hit) => hit.score)).toEqual([1, 1]);
    expect(sentences('22.5 billion')).toEqual(['figures-s0']);
    expect(search('22.5').map(highlighted)).toEqual([['22.5']]);
    expect(sentences('20%')).toEqual(['figures-s2', 'figures-s4']);
    expect(search('20%').map((hit) => hit.score.toFixed(3))).toEqual(['1.000', '0.800']);
    expect(
      figuresMissing('up 20 percent, US$5 and £1,772', signedFigures(['20%', '$5', '£1772'])),
    ).toBe(0);
    expect(figuresMissing('up 20 points, €5', signedFigures(['20%', '$5', '5']))).toBe(2);
    expect(sentences('20.8%')).toEqual(['figures-s1']);
    expect(sentences('1772')).toEqual(['figures-s2']);
    expect(search('1,772').map(highlighted)).toEqual([['1,772']]);
    // A figure is never a prefix or a misspelling of another: 12,346 is not 12,345.
    expect(sentences('12,346')).toEqual([]);
    expect(sentences('123')).toEqual([]);
    expect(sentences('"20.8% from"')).toEqual(['figures-s1']);
  });

  it('finds the decade of a number, and reads a decimal comma as a decimal point', () => {
    const sentences = (query: string) => search(query).map((hit) => hit.sentence);
    // `2020` finds itself first, then the decade it begins; `2020s` is its own word, never `2030s`.
    const decade = search('2020');
    expect(decade.map((hit) => hit.sentence)).toEqual(['decades-s0']);
    expect(decade.map(highlighted)).toEqual([['2020s', '2020']]);
    expect(sentences('2020s')).toEqual(['decades-s0']);
    expect(search('2030s').map(highlighted)).toEqual([['2030s']]);
    expect(sentences('2030')).toEqual(['decades-s1']);
    // A name and an ordinal are words of their own: `5` and `2` find neither.
    expect(sentences('5g')).toEqual(['decades-s1']);
    expect(sentences('2nd')).toEqual(['decades-s1']);
    expect(sentences('5')).not.toContain('decades-s1');
    expect(sentences('2')).not.toContain('decades-s1');
    // Two digits find their decade (`90` → `90s`) and nothing else they begin (`9` is not `9pm`).
    expect(search('90').map(highlighted)).toEqual([['90s', '90']]);
    // The number itself first, its decade after; `20%` asks for the figure and finds no decade.
    expect(search('20').map(highlighted)).toEqual([['20'], ['20'], ['20s']]);
    expect(sentences('20%')).not.toContain('decades-s4');
    expect(sentences('9')).not.toContain('decades-s4');
    expect(sentences('90s')).toEqual(['decades-s4']);
    // `202` begins `2020` and `2020s` only as digits: a number is never the start of a longer one.
    expect(sentences('202')).toEqual([]);
    // `17,5` is the number 17.5, as a European writes it; four digits after a comma stay apart.
    expect(words('17,5 % and 3,25% but 1,0000 and 2019,2020')).toEqual([
      '17.5',
      'and',
      '3.25',
      'but',
      '1',
      '0000',
      'and',
      '2019',
      '2020',
    ]);
    expect(sentences('17,5')).toEqual(['decades-s2', 'decades-s3']);
    expect(search('17,5 points').map(highlighted)[0]).toEqual(['17.5', 'points']);
    expect(search('17,5%').map((hit) => `${hit.sentence} ${hit.score.toFixed(3)}`)).toEqual([
      'decades-s2 1.000',
      'decades-s3 0.800',
    ]);
    expect(sentences('3.25%')).toEqual(['decades-s2']);
    expect(figuresMissing('rose 3,25% in', signedFigures(['3.25%']))).toBe(0);
    // A minus is a sign (qa56 #5): `-3.5%` lacks in `3.5%`, `+3.5%` and `2-3.5%` (a range).
    const negative = signedFigures(['-3.5%']);
    expect(negative).toEqual([{ number: '3.5', sign: '%', minus: true }]);
    expect(signedFigures(['-$5', '$-5', '-3.5'])).toEqual([
      { number: '5', sign: '$', minus: true },
      { number: '5', sign: '$', minus: true },
      { number: '3.5', sign: '', minus: true },
    ]);
    for (const text of ['fell by -3.5% in', 'fiel um \u22123,5 % im'])
      expect(figuresMissing(text, negative)).toBe(0);
    for (const text of ['rose 3.5% in', 'rose +3.5% in', 'between 2-3.5% in'])
      expect(figuresMissing(text, negative)).toBe(1);
    // `-3.5` holds in `-3.5%` (the number with its minus), not in `3.5`; `-5 percent` keeps its
    // minus (it was dropped with the word "percent", and `5 percent` ranked alike).
    const bare = signedFigures(['-3.5']);
    expect(figuresMissing('fell -3.5%', bare)).toBe(0);
    expect(figuresMissing('rose 3.5', bare)).toBe(1);
    const percent = signedFigures(['-5 percent']);
    expect(percent).toEqual([{ number: '5', sign: '%', minus: true }]);
    expect(figuresMissing('fell -5 percent', percent)).toBe(0);
    expect(figuresMissing('rose 5 percent', percent)).toBe(1);
  });

  it('reads Eastern Arabic digits as the figures they are', () => {
    const sentences = (query: string) => search(query).map((hit) => hit.sentence);
    expect(sentences('28')).toEqual(['arabic-s0', 'arabic-s1']);
    expect(sentences('٢٨')).toEqual(['arabic-s0', 'arabic-s1']);
    expect(search('28').map(highlighted)).toEqual([['٢٨'], ['28']]);
    expect(sentences('39.1%')).toEqual(['arabic-s0', 'arabic-s1']);
    expect(sentences('٣٩٫١٪')).toEqual(['arabic-s0', 'arabic-s1']);
  });

  it('finds a month written in full or abbreviated, the way written first', () => {
    const hits = search('November 11');
    expect(hits.map((hit) => hit.sentence)).toEqual(['figures-s3', 'figures-s2']);
    expect(hits.map(highlighted)).toEqual([
      ['November', '11'],
      ['Nov', '11'],
    ]);
    expect(hits[0]!.score).toBe(1);
    expect(hits[1]!.score).toBeLessThan(1);
    expect(search('Nov. 11').map((hit) => hit.sentence)).toEqual(['figures-s2', 'figures-s3']);
    expect(search('11 nov').map((hit) => hit.sentence)).toEqual(['figures-s2', 'figures-s3']);
  });

  it('splits plain ASCII sentences as it splits any text, abbreviations included', () => {
    for (const text of [
      'The U.S. said at 9 a.m.; U.S.-led, U.S.A., e.g. x.com',
      "ab.c.d 3.a.b u.s5 a.b.c5 U.S.Army I...a U.S.'s plan B. Then",
      '$22.5 billion, 20.8%, 1,772 of 12,500,000; 1,0000 1,00 22.5bn.3 b3.5 22a.5 1.2.3 5. 2019,2020',
      '22,5 % 3,25% 1,772,5 0,5m 22,55 22,555 22,5555 1,7.5 a1,5 2020s, 5g',
    ]) {
      expect(sentenceWords(text), text).toEqual(words(text));
    }
    expect(sentenceWords('ab.c.d a.b.c5 U.S.Army')).toEqual(['ab', 'cd', 'ab', 'c5', 'us', 'army']);
  });

  it('splits ASCII with quotes, dashes, € and £ as it splits any text', () => {
    // Each of these folds to itself and parts words: the one-pass reading must stay `words`'.
    for (const mark of PLAIN_PUNCTUATION) {
      expect(fold(mark), mark).toBe(mark);
      expect(words(`a${mark}b`), mark).toEqual(['a', 'b']);
    }
    const texts = [
      '“The U.S. said at 9 a.m.,” he said — and U.S.’s plan‘s end–game',
      '€22.5 billion, £1,772 of 12,500,000 – 20.8%; 1,0000 • 22,5 € 3,25€ U.S.”Army a.”b.c',
      '1’772 1,”772 22.”5 u.’s. e.–g. x—1,5 5g• ‘2020s’',
    ];
    for (const text of texts) expect(sentenceWords(text), text).toEqual(words(text));
    expect(sentenceWords('“U.S.’s €22.5 – £1,772”')).toEqual(['us', 's', '22.5', '1772']);
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
