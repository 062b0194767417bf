import { describe, expect, it } from 'vitest';
import { suggested, suggestionFor } from './article.js';

/** The rules that fired on the sentence holding `piece`. */
function reasons(body: string, piece: string, label: string): string[] {
  return suggestionFor(body, piece).labels.find((score) => score.label === label)!.reasons;
}

describe('rules over the main clause', () => {
  it('reads a past main verb with no source named first as narration', () => {
    expect(
      reasons('Engineers repaired the broken dam near the village.', 'repaired', 'event'),
    ).toContain('event.narrated');
    // With a time it is now suggested from the rules alone.
    expect(
      suggested(suggestionFor('Engineers repaired the broken dam on Tuesday.', 'repaired')),
    ).toContain('event');
    // The past verb is the source's reporting verb: a saying, not a happening.
    expect(
      reasons('The ministry said the dam is safe and needs no repair.', 'ministry', 'event'),
    ).not.toContain('event.narrated');
  });

  it('reads a present or perfect main verb, or what a source reports in them, as a state', () => {
    for (const [body, piece] of [
      ['The firm now employs 300 people in the valley.', 'employs'],
      ['Regulators have fined the bank twice.', 'fined'],
      ['The agency said the bridge is closed to lorries.', 'bridge'],
    ]) {
      expect(reasons(body!, piece!, 'claim'), body).toContain('claim.state');
    }
    for (const [body, piece] of [
      ['The school hopes the new gym will open next year.', 'gym'],
      ['The next hearing is scheduled for March 3 in Leeds.', 'hearing'],
    ]) {
      expect(reasons(body!, piece!, 'claim'), body).not.toContain('claim.state');
    }
  });

  it('reads a modal main verb, or a present wish with a future word, as a plan', () => {
    for (const [body, piece] of [
      ['The council will vote on the budget next week.', 'vote'],
      ['The school hopes the new gym will open next year.', 'gym'],
      ['The mayor said the road would reopen in May.', 'reopen'],
    ]) {
      expect(reasons(body!, piece!, 'claim'), body).toContain('claim.plan');
    }
  });

  it('takes a measured rise or fall for a figure more than a happening', () => {
    expect(reasons('Exports rose 9.7% in February.', 'Exports', 'event')).toContain(
      'event.measure',
    );
    expect(reasons('Rebels seized the town in February.', 'Rebels', 'event')).not.toContain(
      'event.measure',
    );
  });

  it('suggests no event for a bare attribution cut off by the splitter', () => {
    const body =
      'The ministers met in Oslo on Monday.\n\n“We will not give up.”\n\nPeskov testified.';
    expect(reasons(body, 'Peskov testified', 'event')).toContain('event.heading');
    expect(suggested(suggestionFor(body, 'Peskov testified'))).not.toContain('event');
  });
});

describe('a past state and a source that says nothing', () => {
  it('reads "was" or "were" linking the subject to a state as a state, not a passive', () => {
    for (const [body, piece] of [
      ['It was the mayor’s first visit to the valley in a decade.', 'first visit'],
      ['Cholera was once common in the river towns.', 'Cholera'],
      ['The last big flood in the valley was in 1998.', 'flood'],
    ]) {
      expect(reasons(body!, piece!, 'claim'), body).toContain('claim.state');
    }
    for (const [body, piece] of [
      ['Six hikers were stranded on the ridge overnight.', 'stranded'],
      ['The mayor was expected to resign.', 'expected'],
      ['The crew was repairing the roof.', 'repairing'],
    ]) {
      expect(reasons(body!, piece!, 'claim'), body).not.toContain('claim.state');
    }
  });

  it('takes "declined to comment" and its kin for no happening', () => {
    for (const body of [
      'A spokesman for the airline declined to comment.',
      'The ministry did not respond to a request for comment on Friday.',
      'Mr Holm could not be reached for comment.',
    ]) {
      const suggestion = suggestionFor(body, 'comment');
      expect(suggestion.labels.find((score) => score.label === 'event')!.reasons, body).toContain(
        'event.no-comment',
      );
      expect(suggested(suggestion), body).not.toContain('event');
    }
  });
});

describe('a line with no closing mark', () => {
  const body =
    'Police arrested six people in Leeds on Monday. Officers said more arrests were likely.\n\n' +
    'Man Shot at Gas Station Dies at Hospital\n\n' +
    'The council closed the library on Friday! It had been open for 90 years.\n\n' +
    'Did the council close the library on Friday? Nobody would say.\n\nMore news follows.';

  it('is a heading: a headline left in the page is neither a claim nor an event', () => {
    expect(reasons(body, 'Man Shot', 'event')).toContain('event.headline');
    expect(reasons(body, 'Man Shot', 'claim')).toContain('claim.headline');
    expect(suggested(suggestionFor(body, 'Man Shot'))).toEqual([]);
  });

  it('leaves sentences that end in a full stop, an exclamation or a question mark', () => {
    for (const piece of ['Police arrested', 'closed the library on Friday!', 'Did the council']) {
      expect(reasons(body, piece, 'event'), piece).not.toContain('event.headline');
    }
    expect(suggested(suggestionFor(body, 'Police arrested'))).toContain('event');
  });
});
