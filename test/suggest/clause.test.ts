import { describe, expect, it } from 'vitest';
import { findAttributions } from '../../source/suggest/attribution.js';
import { clauseCues } from '../../source/suggest/clause.js';
import { isPast } from '../../source/suggest/cues.js';
import { tokenize } from '../../source/suggest/tokens.js';
import { timeExpressions } from '../../source/suggest/when-where.js';
import { suggestionFor } from './article.js';

/** The main clause's cues of one sentence, with no quotation in it. */
function cuesOf(text: string): string[] {
  const tokens = tokenize(text);
  const inside = tokens.map(() => false);
  const attribution = findAttributions(tokens, inside)[0];
  return clauseCues({
    tokens,
    inside,
    attributionAt: attribution?.at ?? null,
    times: timeExpressions(text),
    isPast,
  });
}

describe('the main clause', () => {
  it('reads the kind of thing the subject names', () => {
    expect(cuesOf('The explosion came a day after the vote.')).toContain('h:event');
    expect(cuesOf('Police arrested four men on Monday.')).toEqual(
      expect.arrayContaining(['h:group', 'h:group+when']),
    );
    expect(cuesOf('After the match, she thanked the fans.')).toContain('h:pronoun');
  });

  it('tells a source named before the content from one named after it', () => {
    expect(cuesOf('The mayor explained that the bridge had been closed for repairs.')).toContain(
      'k:source-before',
    );
    expect(cuesOf('Two men were taken to hospital after the crash, Chief Ann Lee said.')).toContain(
      'k:source-after',
    );
  });

  it('knows a happening scheduled for a day from a plan with no date', () => {
    expect(cuesOf('The hearing is scheduled for Feb. 14.')).toContain('k:scheduled+day');
    expect(cuesOf('The hearing is scheduled to take place later.')).toContain('k:scheduled');
    expect(cuesOf('The hearing is scheduled to take place later.')).not.toContain(
      'k:scheduled+day',
    );
  });

  it('knows a label with a list and a participle after a comma', () => {
    const cues = cuesOf('John Smith: possession of a stolen car, held in jail in lieu of bond.');
    expect(cues).toEqual(expect.arrayContaining(['k:label-colon', 'k:participle']));
    expect(cuesOf('Officers searched the car and found a knife.')).not.toContain('k:label-colon');
  });
  it('reads the tense of the main verb, not of a past form elsewhere', () => {
    expect(cuesOf('Ms Lee now teaches at a school in Leeds.')).toContain('t:present');
    const state = cuesOf('Ms Lee is one of the first women elected to the council.');
    expect(state).toContain('t:present');
    expect(state).not.toContain('t:past');
    expect(
      cuesOf('Officials in the north, which is close to the border, closed the road.'),
    ).toContain('t:past');
    expect(cuesOf('The passengers have started leaving the station.')).toContain('t:perfect');
    expect(cuesOf('Local doctors said that nine people were treated.')).toContain('t:past');
    expect(cuesOf('New rules will be announced later this week.')).toContain('t:modal');
  });

  it('reads the tense of what a source named first reports', () => {
    expect(cuesOf('Local doctors said that nine people were treated.')).toContain('t:told-past');
    expect(cuesOf('The paper reported on Friday that the firm is facing an inquiry.')).toContain(
      't:told-present',
    );
    expect(cuesOf('Two men were hurt in the crash, the police said.')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^t:told/)]),
    );
  });
});

describe('what the rules read differently', () => {
  it('counts no date as a figure', () => {
    const dated = suggestionFor('The trial opened on Feb. 14 in the county court.', 'trial');
    const claim = dated.labels.find((score) => score.label === 'claim')!;
    expect(claim.reasons).not.toContain('claim.figure');
    const counted = suggestionFor('The court heard 14 witnesses in the trial.', 'witnesses');
    expect(counted.labels.find((score) => score.label === 'claim')!.reasons).toContain(
      'claim.figure',
    );
  });

  it('takes a past form after a comma for no action of the sentence', () => {
    const listed = suggestionFor(
      'Jane Roe: possession of a stolen car, held in jail in lieu of bond.',
      'Jane Roe',
    );
    const event = listed.labels.find((score) => score.label === 'event')!;
    expect(event.reasons).not.toContain('event.action');
  });
});
