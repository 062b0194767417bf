import { describe, expect, it } from 'vitest';
import { isVariant, variantKey } from '../../source/search/candidates.js';
import { buildSearchEngine, type SearchHit } from '../../source/search/index.js';
import { article, seedArticles } from './articles.js';
import { context } from './context.js';

const seeds = buildSearchEngine(await seedArticles());
const highlighted = (hit: SearchHit) =>
  hit.matches.map(([start, end]) => hit.text.slice(start, end)).join('|');
const found = (engine: typeof seeds, query: string) =>
  engine
    .search(query, context(), { limit: 100 })
    .map((hit) => `${hit.article.slice(0, 3)} ${highlighted(hit)}`);

describe('romanisation variants', () => {
  it.each([
    ['kiev', 'kyiv'],
    ['zelensky', 'zelenskiy'],
    ['zelenskyy', 'zelenskii'],
    ['yuri', 'yury'],
    ['iurii', 'yury'],
    ['dmitri', 'dmitry'],
    ['kharkiv', 'harkiv'],
    ['witkov', 'witkoff'],
  ])('%s and %s are one name', (a, b) => {
    expect(variantKey(a)).toBe(variantKey(b));
    expect(isVariant(a, b)).toBe(true);
    expect(isVariant(b, a)).toBe(true);
  });

  it.each([
    ['died', 'did'],
    ['lies', 'lis'],
    ['flying', 'fling'],
    ['kiev', 'kiev'],
    ['sky', 'ski'],
    ['kyiv', 'kiss'],
  ])('%s and %s are not', (a, b) => {
    expect(isVariant(a, b)).toBe(false);
  });

  it('"Kiev" finds the Kyiv sentences after its own, and "Kyiv" finds the Kiev one after its own', () => {
    const kiev = found(seeds, 'Kiev');
    expect(kiev[0]).toBe('004 Kiev');
    expect(kiev.slice(1)).toEqual(['000 Kyiv', '002 Kyiv', '002 Kyiv', '002 Kyiv']);
    const kyiv = found(seeds, 'Kyiv');
    expect(kyiv).toEqual(['000 Kyiv', '002 Kyiv', '002 Kyiv', '002 Kyiv', '004 Kiev']);
  });

  it('"Yuri" finds Yury, and "Yury" finds Yuri, each own spelling first', () => {
    expect(found(seeds, 'Yuri')).toEqual(['003 Yuri', '000 Yury']);
    expect(found(seeds, 'Yury')).toEqual(['000 Yury', '003 Yuri']);
  });

  it('an exact match outranks a variant, and a variant is never mistaken for an English word', () => {
    const engine = buildSearchEngine([
      article('a', ['The envoy died in Kiev.', 'He did not go to Kyiv.', 'Harkiv and Kharkiv.']),
    ]);
    const hits = engine.search('died', context());
    expect(hits.map((hit) => hit.sentence)).toEqual(['a-s0']);
    const kyiv = engine.search('Kyiv', context());
    expect(kyiv.map((hit) => [hit.sentence, Math.round(hit.score * 1000) / 1000])).toEqual([
      ['a-s1', 1],
      ['a-s0', 0.6],
    ]);
    expect(engine.search('Kharkiv', context()).map(highlighted)).toEqual(['Harkiv|Kharkiv']);
  });
});
