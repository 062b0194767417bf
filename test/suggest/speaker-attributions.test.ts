/**
 * Ways news gives quoted words a speaker that the reporting verbs alone miss: each rule with
 * sentences of its own making (no benchmark text). Written on 2026-12-04 (speak16b) from the
 * misses of the first speaker held-out set, each as the general rule of news writing it shows.
 */
import { describe, expect, it } from 'vitest';
import { speaker, suggested, suggestionFor } from './article.js';

describe('the verb beside the quote', () => {
  it('is a verb with its particle: "weighed in", "chimed in", "pointed out"', () => {
    expect(
      speaker(
        'Mayor Ana Ruiz toured the dam. “We all owe the crews a great deal,” Ruiz weighed in.',
        'owe the crews',
      ),
    ).toBe('Ana Ruiz');
    expect(speaker('“The pool opens in May,” Coach Tom Reed chimed in.', 'The pool opens')).toBe(
      'Tom Reed',
    );
    expect(
      speaker(
        'Engineer Lia Park pointed out that the bridge was “never built for trucks this heavy.”',
        'built for trucks',
      ),
    ).toBe('Lia Park');
  });

  // A guard: the verb without its particle reports nothing.
  it('is not a phrasal verb without its particle', () => {
    expect(
      speaker(
        'Dock worker Sam Otto weighed the “biggest tuna of the season” on Friday.',
        'biggest tuna',
      ),
    ).toBeUndefined();
  });

  it('is "remembered" as "recalled"', () => {
    expect(
      speaker(
        'Director Vera Lind remembered her first film and “how little any of us knew.”',
        'how little',
      ),
    ).toBe('Vera Lind');
  });

  it('is any past verb whose object the subject gives in quoted words after "as"', () => {
    expect(
      speaker(
        'Governor Ned Lamb introduced the new chief to the crowd as “the best officer this city has had in decades.”',
        'best officer',
      ),
    ).toBe('Ned Lamb');
  });

  // A guard: a passive has no speaker before "as".
  it('gives no speaker to words after "as" in a passive', () => {
    expect(
      speaker(
        'The ruling was widely seen as “a blow to the council,” and the vote was delayed.',
        'a blow to the council',
      ),
    ).toBeUndefined();
    // With a verb in -ed, which the rule reads (a reader's find: it gave the quote to Ruiz).
    for (const [body, piece] of [
      ['Mayor Ana Ruiz met the crews. Ruiz was praised as “a hero of the flood.”', 'a hero'],
      ['Mayor Ana Ruiz met the crews. Ruiz was widely mocked as “a coward.”', 'a coward'],
    ] as const) {
      expect(speaker(body, piece)).toBeUndefined();
    }
  });
});

// A reader's find (2026-12-04): "proceed", "exceed" end in -ed and are no past forms.
describe('a present verb spelled like a past one before "as “…”"', () => {
  it('is no quote', () => {
    for (const [body, piece] of [
      ['Prices exceed what analysts saw as “fair value.”', 'fair value'],
      ['They proceed as “planned” now.', 'planned'],
    ] as const) {
      expect(suggested(suggestionFor(body, piece))).not.toContain('quote');
    }
  });
});

describe('a document', () => {
  it('speaks for the author named after it', () => {
    expect(
      speaker(
        '“Growth will slow next year,” said a report from Larkspur Equity Research.',
        'Growth will slow',
      ),
    ).toBe('Larkspur Equity Research');
    expect(
      speaker(
        'A statement from the Transport Department said the line would be “closed until spring.”',
        'closed until spring',
      ),
    ).toBe('the Transport Department');
  });

  // A guard: a document with no author named has no speaker.
  it('names no one when no author follows it', () => {
    expect(
      speaker('“Growth will slow next year,” said a report on Monday.', 'Growth will slow'),
    ).toBeUndefined();
  });
});

describe('a quotation that follows the speaker’s own', () => {
  it('keeps the voice over all its sentences, one with no words included', () => {
    const body =
      'Coach Jon Gruden spoke after the game. “We got beat,” Gruden said. “We played badly. … We will be better next week.”';
    expect(speaker(body, 'played badly')).toBe('Jon Gruden');
    expect(speaker(body, 'better next week')).toBe('Jon Gruden');
  });
});

// qa52: "Earlier this year, GateHouse … called it “immaterial”" gave the speaker "Earlier".
describe('a sentence opening with a time adverbial', () => {
  it('takes its subject after the adverbial, not the capitalised first word', () => {
    expect(
      speaker(
        'Earlier this year, Harbour Mills reportedly cut 60 jobs and called the loss “immaterial” to its plans.',
        'immaterial',
      ),
    ).toBe('Harbour Mills');
    expect(
      speaker(
        'Last week, Mayor Ana Ruiz called the plan “dead on arrival” at the council.',
        'dead',
      ),
    ).toBe('Ana Ruiz');
  });

  // A guard: a name inside the opening words is the subject as before.
  it('keeps a name that the opening words hold', () => {
    expect(
      speaker('Later that day Tom Reed called the vote “a disgrace” in a statement.', 'disgrace'),
    ).toBe('Tom Reed');
  });
});
