import { describe, expect, it } from 'vitest';
import { speaker, suggested, suggestionFor } from './article.js';

/**
 * qa56 #4: quotes in the languages a fact-checker meets beside English get their speaker, and a
 * German sentence after a „…“ quotation is no quote (the closing “ was read as opening one, and
 * the quotation ran on to the paragraph's end).
 */
describe('a quotation in another language', () => {
  it.each([
    ['„Wir sind bereit, Gastgeber zu sein“, sagte Erdoğan nach dem Treffen.', 'Erdoğan'],
    ['„Die Lage ist ernst“, sagte Außenminister Hakan Fidan.', 'Hakan Fidan'],
    ['»Wir sind bereit, Gastgeber zu sein«, sagte Erdoğan nach dem Treffen.', 'Erdoğan'],
    ['Erdoğan sagte: „Wir sind bereit, Gastgeber für Gespräche zu sein.“', 'Erdoğan'],
    [
      '« Nous sommes prêts à accueillir des pourparlers », a dit M. Erdoğan après la rencontre.',
      'Erdoğan',
    ],
    [
      '«Estamos dispuestos a acoger conversaciones de paz», dijo Erdoğan tras el encuentro.',
      'Erdoğan',
    ],
    ['«Siamo pronti a ospitare colloqui di pace», ha detto Erdoğan dopo l’incontro.', 'Erdoğan'],
    [
      '«Estamos prontos para acolher conversações de paz», disse Erdoğan após o encontro.',
      'Erdoğan',
    ],
    ['«Мы готовы принять мирные переговоры», — заявил Эрдоган после встречи.', 'Эрдоган'],
    ['«Ми готові прийняти мирні переговори», — заявив Ердоган після зустрічі.', 'Ердоган'],
    ['Erdoğan, "Barış görüşmelerine ev sahipliği yapmaya hazırız" dedi.', 'Erdoğan'],
    [
      'Erdoğan görüşmenin ardından "Barış görüşmelerine ev sahipliği yapmaya hazırız" dedi.',
      'Erdoğan',
    ],
  ])('%s', (body, who) => {
    const quoted = body.match(/[„»«"]\s?(\p{L}+)/u)![1]!;
    expect(suggested(suggestionFor(body, quoted))).toContain('quote');
    expect(speaker(body, quoted)).toBe(who);
  });

  it('gives a speaker after a country named in the genitive its name alone', () => {
    const body =
      'Президент Турции Реджеп Тайип Эрдоган принял коллегу в Стамбуле. «Мы готовы принять мирные переговоры», — заявил Эрдоган после встречи.';
    expect(speaker(body, 'Мы готовы')).toBe('Реджеп Тайип Эрдоган');
  });

  it.each([
    '«Ситуация серьёзная», — сказал пресс-секретарь.',
    '«Ситуація серйозна», — сказав речник.',
    '«الوضع خطير»، قال متحدث.',
  ])('is a quote with a role for its speaker: %s', (body) => {
    const quoted = body.match(/«(\p{L}+)/u)![1]!;
    expect(suggested(suggestionFor(body, quoted))).toContain('quote');
  });

  it('is a quote in corner brackets too', () => {
    const body = '土耳其总统周一会见了乌克兰总统。「局势很严峻」，一位发言人说。';
    expect(suggested(suggestionFor(body, '局势很严峻'))).toContain('quote');
  });
});

describe('a pronoun of another language', () => {
  it('is no speaker, though capitalised at the start', () => {
    const body =
      'Ein Sprecher des Ministeriums äußerte sich am Abend. Er fügte hinzu: „Wir hoffen auf eine Einigung bis Ende des Monats.“';
    expect(suggested(suggestionFor(body, 'Wir hoffen'))).toContain('quote');
    expect(speaker(body, 'Wir hoffen')).not.toBe('Er');
  });
});

describe('English beside the other languages', () => {
  it('keeps an M. inside a name as an initial', () => {
    // French `M.` (Monsieur) is a title only where the phrase opens with it.
    const body =
      'The fund was set up by John Milo Ford in 1990. Since then John M. Ford has given it away. “We keep going,” John M. Ford said.';
    expect(speaker(body, 'We keep going')).toBe('John M. Ford');
  });

  it('reads UN as the United Nations, not the Spanish article', () => {
    // `un` is an indefinite article in French and Spanish; in capitals it names a body, and
    // "said UN agency spokesman …" was read "said a agency" (the speaker became `UN agency`).
    const body = '“Aid is not reaching Gaza,” said UN agency spokesman Jens Laerke on Friday.';
    expect(speaker(body, 'Aid is not')).not.toBe('UN agency');
  });
});

describe('a German sentence after a „…“ quotation', () => {
  it('is no quote', () => {
    const body =
      'Der Präsident empfing seinen Gast in Istanbul. „Wir sind bereit“, sagte Erdoğan nach dem Treffen. Laut Angaben der Regierung wurden Getreideexporte besprochen. Ärzte und Ökonomen äußerten sich skeptisch.';
    expect(suggested(suggestionFor(body, 'Laut Angaben'))).not.toContain('quote');
    expect(suggested(suggestionFor(body, 'Ärzte und Ökonomen'))).not.toContain('quote');
    expect(suggested(suggestionFor(body, 'Wir sind bereit'))).toContain('quote');
  });
});
