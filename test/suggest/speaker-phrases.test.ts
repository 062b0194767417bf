import { describe, expect, it } from 'vitest';
import { speaker } from './article.js';

describe('the phrases that name a speaker', () => {
  it('leaves a post out of the name: an acronym or "Speaker" before a full name', () => {
    const body =
      'Rams LB Marcus Dell was fined on Monday. “I regret nothing,” Dell said. Senate Speaker Ana Lutz called the vote. “We are done,” Lutz said.';
    expect(speaker(body, 'regret nothing')).toBe('Marcus Dell');
    expect(speaker(body, 'We are done')).toBe('Ana Lutz');
  });

  it('keeps a post "for" or "of" something whole, not the capitals after it', () => {
    expect(
      speaker(
        'The European Commissioner for Fisheries said the quota was “not up for debate this year”.',
        'not up for debate',
      ),
    ).toBe('the European Commissioner for Fisheries');
  });

  it('takes a body named with lower-case words: a ministry, an agency', () => {
    expect(
      speaker(
        'Peru’s health ministry said the outbreak was “under control in every province”.',
        'under control',
      ),
    ).toBe('Peru’s health ministry');
    // A lower-case word that names no body or person is no speaker.
    expect(
      speaker('Lutz never said the plan was “dead in the water for good”.', 'dead in the water'),
    ).not.toBe('Lutz never');
  });

  it('reads "…” more words, said Name" as the speaker after the verb', () => {
    const body =
      'Tariffs rose again. “The talks have stalled. Nobody wants the small deal” struck in March, said Maria Ruiz, an economist at a bank in Lima.';
    expect(speaker(body, 'talks have stalled')).toBe('Maria Ruiz');
    expect(speaker(body, 'Nobody wants')).toBe('Maria Ruiz');
  });

  it('takes the full name set off by a comma after a described speaker', () => {
    expect(
      speaker(
        'Lutz was said to be “in charge of the whole thing” by then, said another official at the ministry, former deputy minister Pavel Orlov.',
        'in charge of the whole thing',
      ),
    ).toBe('Pavel Orlov');
  });

  it('keeps the speaker named before a comma when an object follows the verb', () => {
    expect(
      speaker(
        '“The wards are full,” Dr. Ines Varga, a nurse at the clinic, told Radio Free Lima.',
        'wards are full',
      ),
    ).toBe('Ines Varga');
  });

  it('takes the name before a participle after "with"', () => {
    expect(
      speaker(
        'Three Baltic states also rejected the plan, with Estonian Prime Minister Kaja Tamm warning of “a slow disaster”.',
        'slow disaster',
      ),
    ).toBe('Kaja Tamm');
  });

  it('reads a pronoun that opens a sentence as its subject, not an opening phrase', () => {
    const body =
      'Chief engineer Rosa Klein presented the rocket in Texas. She gave no date for the launch, but said the crew would fly it “many times” first.';
    expect(speaker(body, 'many times')).toBe('Rosa Klein');
  });

  it('gives a quotation with no attribution to the person whose words the sentence before reported', () => {
    const body =
      'Negotiator Omar Haddad said the proposal was only the latest trap set for his delegation by the other side.\n\n“They want us to give up. We will not.”';
    expect(speaker(body, 'They want us')).toBe('Omar Haddad');
    expect(speaker(body, 'We will not')).toBe('Omar Haddad');
  });
});
