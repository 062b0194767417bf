import { describe, expect, it } from 'vitest';
import { attribute, suggested, suggestionFor } from './article.js';

describe('quotes', () => {
  it('suggests a quote for words in quotation marks beside a reporting verb', () => {
    const s = suggestionFor(
      'The talks went on all night. “We are close to a deal,” Finance Minister Anna Berg told reporters.',
      'We are close',
    );
    expect(suggested(s)).toContain('quote');
  });

  it('suggests every sentence of a quotation that runs over several', () => {
    const body =
      'Talks resumed in Oslo. “There are open questions. We will answer them. Nobody should doubt it,” Anna Berg said.';
    for (const piece of [
      'There are open questions',
      'We will answer them',
      'Nobody should doubt',
    ]) {
      const s = suggestionFor(body, piece);
      expect(suggested(s), piece).toContain('quote');
      expect(attribute(s, 'quote', 'speaker'), piece).toBe('Anna Berg');
    }
  });

  it('does not take scare quotes or a title for a quote', () => {
    const s = suggestionFor(
      'Ministers are weighing the so-called “green deal” in Brussels this week. Nothing was decided.',
      'so-called',
    );
    expect(suggested(s)).not.toContain('quote');
  });

  it('takes a short quoted phrase with a speaker for a quote', () => {
    const s = suggestionFor(
      'Mayor Paul Lind called the plan “reckless” on Monday. The council meets again in May.',
      'reckless',
    );
    expect(suggested(s)).toContain('quote');
    expect(attribute(s, 'quote', 'speaker')).toBe('Paul Lind');
  });

  it('suggests nothing for a plain sentence', () => {
    const s = suggestionFor(
      'The river runs through the old town. It is wide and slow in summer.',
      'The river runs',
    );
    expect(suggested(s)).toEqual([]);
  });
});

describe('claims', () => {
  it('suggests a claim for an attributed figure, with its claimant', () => {
    const s = suggestionFor(
      'The Health Ministry said 1,240 people had been treated since January. Hospitals are full.',
      '1,240 people',
    );
    expect(suggested(s)).toContain('claim');
    expect(attribute(s, 'claim', 'claimant')).toBe('the Health Ministry');
  });

  it('does not suggest a claim for a question or a forecast', () => {
    const question = suggestionFor(
      'Prices went up again. Who will pay for the new bridge across the river?',
      'Who will pay',
    );
    expect(suggested(question)).not.toContain('claim');
    const forecast = suggestionFor(
      'Prices went up again. Officials hope the market could calm down soon.',
      'Officials hope',
    );
    expect(suggested(forecast)).not.toContain('claim');
  });
});

describe('events', () => {
  it('suggests an event with when and where for a dated happening at a place', () => {
    const s = suggestionFor(
      'The envoy met the prime minister in Geneva late on Tuesday. More talks are planned.',
      'met the prime minister',
    );
    expect(suggested(s)).toContain('event');
    expect(attribute(s, 'event', 'when')).toBe('late on Tuesday');
    expect(attribute(s, 'event', 'where')).toBe('Geneva');
  });

  // qa54: `where: U.S. Capitol Police`.
  it('gives no place for a body that acts, only for where it happened', () => {
    const referred = suggestionFor(
      'Officers arrested the man on Monday. The office referred the call to Harbour Police, who worked with the coast guard.',
      'referred the call',
    );
    expect(attribute(referred, 'event', 'where')).toBeUndefined();
    const recipient = suggestionFor(
      'The ship sank on Monday. The mayor sent the report to the Safety Committee on Tuesday.',
      'sent the report',
    );
    expect(attribute(recipient, 'event', 'where')).toBeUndefined();
    const there = suggestionFor(
      'The ship sank on Monday. The mayor met the families at the Safety Committee on Tuesday.',
      'met the families',
    );
    expect(attribute(there, 'event', 'where')).toBe('the Safety Committee');
    const country = suggestionFor(
      'The talks ended on Monday. The envoy flew to the Soviet Union on Tuesday.',
      'flew to the Soviet Union',
    );
    expect(attribute(country, 'event', 'where')).toBe('the Soviet Union');
  });

  it('does not take the day a statement was made for an event', () => {
    const s = suggestionFor(
      'The ministry said on Friday that it supports the plan. Nothing else changed.',
      'The ministry said on Friday',
    );
    expect(suggested(s)).not.toContain('event');
    expect(attribute(s, 'event', 'when')).toBeUndefined();
  });

  it('takes a speaker’s quoted words for what was said, not for a happening', () => {
    for (const sentence of [
      'Anna Berg, who led the talks, said, “We are close to a deal on the prisoners and the border.”',
      'After the talks, Anna Berg said, “We are close to a deal on the prisoners and the border.”',
    ]) {
      const s = suggestionFor(`Delegates left Geneva. ${sentence}`, 'Anna Berg');
      expect(suggested(s), sentence).toContain('quote');
      expect(suggested(s), sentence).not.toContain('event');
    }
  });

  it('still takes a happening with a short quoted phrase for an event', () => {
    const s = suggestionFor(
      'The city was quiet. Police arrested six men in Leeds on Friday, calling the raid “a success”.',
      'Police arrested',
    );
    expect(suggested(s)).toContain('event');
  });

  it('reads dates, months with years and relative times', () => {
    const cases: Array<[string, string]> = [
      ['Troops crossed the border on 24 February 2022, officials recall.', '24 February 2022'],
      ['A storm hit the coast overnight, cutting power to thousands.', 'overnight'],
      ['The factory closed in March 2020 after the strike.', 'March 2020'],
      ['Rebels attacked the convoy three days ago near the border.', 'three days ago'],
    ];
    for (const [sentence, when] of cases) {
      const s = suggestionFor(`Nothing is simple here. ${sentence}`, sentence.slice(0, 12));
      expect(attribute(s, 'event', 'when'), sentence).toBe(when);
    }
  });
});

describe('reasons', () => {
  it('names the rules behind a score', () => {
    const s = suggestionFor('“It is over,” Anna Berg said. The hall emptied.', 'It is over');
    const quote = s.labels.find((score) => score.label === 'quote')!;
    expect(quote.reasons).toContain('quote.attributed');
  });
});
