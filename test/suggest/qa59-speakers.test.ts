import { describe, expect, it } from 'vitest';
import { speaker, suggested, suggestionFor } from './article.js';

/**
 * qa59 #12: the commonest way each agency writes a quote's speaker, a role and what it belongs
 * to between the verb and the name, gave the quote with no speaker.
 */
describe('a speaker after a role with what it belongs to (qa59 #12)', () => {
  it.each([
    ['国家统计局城市司首席统计师董莉娟表示：“居民消费价格总体平稳。”', '居民消费', '董莉娟'],
    [
      '"I conti sono in ordine", ha detto il ministro dell\'Economia Giancarlo Giorgetti.',
      'I conti',
      'Giancarlo Giorgetti',
    ],
    [
      '"Non voteremo la manovra", ha dichiarato la segretaria del Pd Elly Schlein.',
      'Non voteremo',
      'Elly Schlein',
    ],
    [
      '"A inflação vai cair no próximo ano", disse o gerente da pesquisa, André Almeida.',
      'A inflação',
      'André Almeida',
    ],
  ])('%s', (body, quoted, who) => {
    expect(suggested(suggestionFor(body, quoted))).toContain('quote');
    expect(speaker(body, quoted)).toBe(who);
  });
});

describe('a post of a body after the verb, with no name (review59-b)', () => {
  it.each([
    ['"Basta", ha detto il presidente della Regione.', 'Basta'],
    ['"Ci sono problemi", ha detto il direttore del Museo.', 'Ci sono'],
    ['"Não é verdade", disse o ministro da Fazenda.', 'Não é'],
  ])('is no speaker, as "the president of the Region" is not: %s', (body, quoted) => {
    expect(speaker(body, quoted)).toBeUndefined();
  });
});
