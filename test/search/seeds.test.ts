import { describe, expect, it } from 'vitest';
import { buildSearchEngine, type SearchHit } from '../../source/search/index.js';
import { seedArticles } from './articles.js';
import { context } from './context.js';

const articles = await seedArticles();
const engine = buildSearchEngine(articles);
const search = (query: string, limit = 100) => engine.search(query, context(), { limit });

/** `000 Witkoff|Putin`: the article's number and the highlighted words. */
const shown = (hit: SearchHit) =>
  `${hit.article.slice(0, 3)} ${hit.matches.map(([start, end]) => hit.text.slice(start, end)).join('|')}`;

/** Every sentence of the seeds whose text passes `test`, as [article, sentence]. */
function sentencesWhere(test: (text: string) => boolean): Array<[string, string]> {
  return articles.flatMap((article) =>
    article.sentences
      .filter((sentence) => test(sentence.text))
      .map((sentence): [string, string] => [article.id, sentence.id]),
  );
}

const place = (hits: SearchHit[]) =>
  hits.map((hit): [string, string] => [hit.article, hit.sentence]);

describe('search on the seed articles', () => {
  it('"Witkov" finds Witkov in 004 first, then every Witkoff sentence in article order', () => {
    const hits = search('Witkov');
    const witkov = sentencesWhere((text) => /Witkov\b/.test(text));
    const witkoff = sentencesWhere((text) => /Witkoff/.test(text));
    expect(witkov.every(([article]) => article.startsWith('004'))).toBe(true);
    expect(new Set(witkoff.map(([article]) => article.slice(0, 3)))).toEqual(
      new Set(['000', '001', '002', '003']),
    );
    expect(place(hits)).toEqual([...witkov, ...witkoff]);
    expect(hits.map((hit) => hit.score >= 0.999)).toEqual([
      ...witkov.map(() => true),
      ...witkoff.map(() => false),
    ]);
    expect(new Set(hits.map(shown))).toEqual(
      new Set(['004 Witkov', '000 Witkoff', '001 Witkoff', '002 Witkoff', '003 Witkoff']),
    );
  });

  it('"cautiously optimistic" finds the Peskov quote in 000 and 001 only', () => {
    const hits = search('"cautiously optimistic"');
    expect(hits.map(shown)).toEqual(['000 cautiously optimistic', '001 cautiously optimistic']);
    expect(hits.map((hit) => hit.score)).toEqual([1, 1]);
  });

  it('matches plain words in any order', () => {
    const hits = search('optimistic cautiously');
    expect(hits.map(shown)).toEqual(['000 cautiously|optimistic', '001 cautiously|optimistic']);
  });

  it('"Zelensky" finds "Zelenskyy"', () => {
    const hits = search('Zelensky');
    expect(place(hits)).toEqual(sentencesWhere((text) => /Zelenskyy/i.test(text)));
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map(shown))).toEqual(new Set(['000 Zelenskyy', '002 Zelenskyy']));
  });

  it('forgives swapped letters', () => {
    const zelenskyy = sentencesWhere((text) => /Zelenskyy/i.test(text));
    const peskov = sentencesWhere((text) => /Peskov/.test(text));
    expect(zelenskyy.length).toBeGreaterThan(0);
    expect(peskov.length).toBeGreaterThan(0);
    expect(place(search('Zelenksyy'))).toEqual(zelenskyy);
    expect(place(search('Pesokv'))).toEqual(peskov);
  });

  it('leaves out sentences with an excluded word', () => {
    const hits = search('Witkoff -Putin');
    expect(place(hits)).toEqual([
      ...sentencesWhere((text) => /Witkoff/.test(text) && !/Putin/.test(text)),
      ...sentencesWhere((text) => /Witkov\b/.test(text) && !/Putin/.test(text)),
    ]);
    expect(hits.some((hit) => hit.text.includes('Putin'))).toBe(false);
  });

  it('finds a name while it is being typed, the closest completion first', () => {
    expect(place(search('witk'))).toEqual([
      ...sentencesWhere((text) => /Witkov\b/.test(text)),
      ...sentencesWhere((text) => /Witkoff/.test(text)),
    ]);
    expect(
      search('witk')
        .map(shown)
        .every((line) => /Witkoff|Witkov/.test(line)),
    ).toBe(true);
  });

  it('"US" and "U.S." find each other, and a two-letter word begins no longer word', () => {
    const either = sentencesWhere((text) => /\b(?:US|U\.S\.)(?![\w.])/.test(text));
    const dotted = sentencesWhere((text) => text.includes('U.S.'));
    expect(dotted.length).toBe(7);
    for (const query of ['US', 'U.S.', 'us', 'u.s']) {
      const hits = search(query);
      expect(place(hits), query).toEqual(either);
      expect(
        hits.every((hit) => / (?:US|U\.S\.)(?:\|(?:US|U\.S\.))*$/.test(shown(hit))),
        query,
      ).toBe(true);
      expect(hits.every((hit) => hit.score === 1)).toBe(true);
    }
    // A phrase, either way round.
    const envoy = sentencesWhere((text) => /\b(?:US|U\.S\.) envoy/i.test(text));
    expect(envoy.map(([article]) => article.slice(0, 3))).toEqual(['000', '001', '003']);
    expect(place(search('"US envoy"'))).toEqual(envoy);
    expect(place(search('"U.S. envoy"'))).toEqual(envoy);
    expect(place(search('-U.S. Witkoff')).length).toBeGreaterThan(0);
    expect(search('-U.S. Witkoff').some((hit) => /\b(?:US|U\.S\.)/.test(hit.text))).toBe(false);
    // Three letters begin words: the name is found as it is typed from there.
    expect(search('Ush').map(shown)).toEqual(
      sentencesWhere((text) => text.includes('Ushakov')).map(([id]) => `${id.slice(0, 3)} Ushakov`),
    );
  });

  it('counts as many sentences as it finds without a limit', () => {
    const queries = [
      'the',
      'Witkov',
      'US',
      '"said the"',
      '-Putin',
      'Putin -Witkoff',
      'Witkof ceasfire',
      'nothingmatcheshere',
    ];
    for (const query of queries) {
      const all = search(query, 100_000).length;
      expect(engine.count(query, context()), query).toBe(all);
    }
    expect(search('the', 100_000).length).toBeGreaterThan(50);
  });

  it('does not take an unrelated word for a misspelling', () => {
    expect(search('Witkov Moscow').some((hit) => /\bwith\b/i.test(shown(hit)))).toBe(false);
    expect(search('Peskovv').every((hit) => shown(hit).endsWith('Peskov'))).toBe(true);
    expect(search('Zelensky').some((hit) => hit.text.includes('Lammy'))).toBe(false);
  });

  it('stops at the limit, keeping the best', () => {
    const hits = engine.search('Witkov', context(), { limit: 2 });
    expect(hits.map(shown)).toEqual(['004 Witkov', '004 Witkov']);
  });

  it('finds nothing for an empty query or one with a mistake in a filter', () => {
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('Witkoff label:opinion')).toEqual([]);
  });
});
