import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../source/corpus/clean.js';
import { textToUnits } from '../../source/corpus/units.js';

/** Plain text wrapped at 72 columns, as an e-mail client or a browser's "Save as text" writes it. */
const WRAPPED = `Harbour council votes to rebuild the old pier

The harbour council voted on Tuesday to rebuild the old pier, ending a
debate that had lasted nearly three years. Councillor Maria Lindqvist
said the decision would "bring the fishing fleet back to the town centre"
and that work could begin in March. The contract goes to a local yard.
Nobody on the council voted against it, though two members abstained.

The pier was closed in 2022 after an inspection found rotten piles under
its eastern end. Since then, boats have moored at a temporary pontoon
near the ferry terminal, which fishermen say is too exposed in winter.

Opponents argued that the money, about 4.2 million euros, would be better
spent on the town's schools. "We are choosing planks over pupils," said
Jonas Berg, who leads the opposition group on the council this year.
`;

describe('hard-wrapped plain text', () => {
  it('reads each blank-line-separated paragraph whole, however its lines start', () => {
    const cleaned = cleanDocument(WRAPPED, 'text');
    expect(cleaned.title).toBe('Harbour council votes to rebuild the old pier');
    expect(cleaned.paragraphs).toEqual([
      'The harbour council voted on Tuesday to rebuild the old pier, ending a debate that had lasted nearly three years. Councillor Maria Lindqvist said the decision would "bring the fishing fleet back to the town centre" and that work could begin in March. The contract goes to a local yard. Nobody on the council voted against it, though two members abstained.',
      'The pier was closed in 2022 after an inspection found rotten piles under its eastern end. Since then, boats have moored at a temporary pontoon near the ferry terminal, which fishermen say is too exposed in winter.',
      `Opponents argued that the money, about 4.2 million euros, would be better spent on the town's schools. "We are choosing planks over pupils," said Jonas Berg, who leads the opposition group on the council this year.`,
    ]);
  });

  it('keeps a line the writer ended early, and list items, as units of their own', () => {
    const text = `The council listed what the yard must do before the work can start in
the spring, and what it must report to the harbour master each month:
- remove the rotten piles under the eastern end of the old pier;
- drive new steel piles, which the contractor says takes six weeks.
Work starts in March.
The yard said it had hired twelve more workers for the job already.
`;
    expect(textToUnits(text).map((unit) => unit.text)).toEqual([
      'The council listed what the yard must do before the work can start in the spring, and what it must report to the harbour master each month:',
      '- remove the rotten piles under the eastern end of the old pier;',
      '- drive new steel piles, which the contractor says takes six weeks.',
      'Work starts in March.',
      'The yard said it had hired twelve more workers for the job already.',
    ]);
  });

  it('leaves one paragraph per line alone when the lines are not wrapped', () => {
    const lines = [
      'The harbour council voted on Tuesday to rebuild the old pier, ending a debate that had lasted nearly three years and divided the town.',
      'Councillor Maria Lindqvist said the decision would bring the fishing fleet back to the town centre, and that work could begin in March.',
      'Opponents argued that the money, about 4.2 million euros, would be better spent on schools.',
    ];
    expect(cleanDocument(lines.join('\n'), 'text').paragraphs).toEqual(lines);
  });

  it('takes a headline with the body right under it as the title', () => {
    const body = [
      'The harbour council voted on Tuesday to rebuild the old pier, ending a debate that had lasted nearly three years.',
      'Opponents argued that the money would be better spent on schools.',
    ];
    for (const newline of ['\n', '\r\n']) {
      const text = ['Harbour council votes to rebuild the old pier', ...body].join(newline);
      const cleaned = cleanDocument(text, 'text');
      expect(cleaned.title).toBe('Harbour council votes to rebuild the old pier');
      expect(cleaned.paragraphs).toEqual(body);
    }
  });

  it('takes a one-word headline alone at the top as the title, not a label such as Advertisement', () => {
    const body =
      'The harbour council voted on Tuesday to rebuild the old pier, ending a debate that had lasted nearly three years.';
    const cleaned = cleanDocument(`Ceasefire\n\n${body}\nOpponents argued otherwise.`, 'text');
    expect(cleaned.title).toBe('Ceasefire');
    expect(cleaned.paragraphs.join(' ')).not.toContain('Ceasefire');
    const labelled = cleanDocument(`Advertisement\n\n${body}\nOpponents argued otherwise.`, 'text');
    expect(labelled.title).not.toBe('Advertisement');
  });
});

/**
 * A UN briefing copied out of its PDF: the text is broken at a fixed width and words at the line
 * ends are hyphenated, as typesetting left them (qa58 #5).
 */
const PDF_PASTE = `UN Security Council briefing on Ukraine

The Under-Secretary-General told the Council that civilian casual-
ties had risen sharply in February. At least 2,300 civil-
ians were killed or injured, according to the Office of the High Commis-
sioner for Human Rights. The well-
known envoy of the Russia-
Ukraine talks said the COVID-
19 figures and the post-war order were separate matters, and the anti-
war groups agreed.
`;

describe('words broken at a line end', () => {
  it('are whole again where the text broke a word, and keep a hyphen that is their own', () => {
    expect(cleanDocument(PDF_PASTE, 'text').paragraphs).toEqual([
      'The Under-Secretary-General told the Council that civilian casualties had risen sharply in February. At least 2,300 civilians were killed or injured, according to the Office of the High Commissioner for Human Rights. The well-known envoy of the Russia-Ukraine talks said the COVID-19 figures and the post-war order were separate matters, and the anti-war groups agreed.',
    ]);
  });

  it('go by the document: a word it writes elsewhere whole or hyphenated is written so', () => {
    const text = `The council met the co-
chairs on Monday and the
re-elected mayor said the town's co-chairs had been re-
elected in their absence.
`;
    expect(textToUnits(text).map((unit) => unit.text)).toEqual([
      "The council met the co-chairs on Monday and the re-elected mayor said the town's co-chairs had been re-elected in their absence.",
    ]);
  });

  it('join at a soft hyphen, the mark a typeset word was broken at', () => {
    const text =
      'The Under-Secretary-General for Political and Peace\u00ad\nbuilding Affairs spoke first.\n';
    expect(textToUnits(text).map((unit) => unit.text)).toEqual([
      'The Under-Secretary-General for Political and Peacebuilding Affairs spoke first.',
    ]);
  });

  it('keep the space after a suspended hyphen, completed by a word after a conjunction', () => {
    // review58-c: `short-` / `and long-term` came out `short-and long-term`.
    const text = `The plan sets short-
and long-term goals for pre-
and post-war towns, for 10-
to 15-year-olds, and the Wirtschafts-
und Finanzminister signed it; it was tak-
en up again.
`;
    expect(textToUnits(text).map((unit) => unit.text)).toEqual([
      'The plan sets short- and long-term goals for pre- and post-war towns, for 10- to 15-year-olds, and the Wirtschafts- und Finanzminister signed it; it was taken up again.',
    ]);
  });

  it('are never joined inside a line', () => {
    const text = 'The casual- ties were counted by the civil- ian office.\n';
    expect(textToUnits(text).map((unit) => unit.text)).toEqual([
      'The casual- ties were counted by the civil- ian office.',
    ]);
  });
});

describe('Markdown read as text', () => {
  it('drops bullets, table pipes, escapes and footnote marks; keeps what they mark', () => {
    const text = `Harbour council votes to rebuild the old pier
=============================================

The harbour council voted on **Tuesday** to rebuild the old pier, ending a debate that had
lasted nearly three years, and chose a local yard for the work \\*after\\* a tender.[^1]
See <https://example.org/minutes> for the ~~draft~~ minutes.

What happens next
-----------------

The yard must finish three stages before the fleet can moor at the pier again next winter:

* [x] remove the rotten piles under the eastern end;
- drive new steel piles, which the contractor says takes six weeks;
+ lay a new deck of larch.

1. The first stage starts in March.

| Stage | Cost |
| ----- | ---: |
| Piles | 1.9 million euros |
| Deck  | 0.8 million euros |

[^1]: The tender drew four bids from yards in the region.
`;
    const cleaned = cleanDocument(text, 'markdown');
    expect(cleaned.title).toBe('Harbour council votes to rebuild the old pier');
    expect(cleaned.paragraphs).toEqual([
      'The harbour council voted on Tuesday to rebuild the old pier, ending a debate that had lasted nearly three years, and chose a local yard for the work *after* a tender. See https://example.org/minutes for the draft minutes.',
      'What happens next',
      'The yard must finish three stages before the fleet can moor at the pier again next winter:',
      'remove the rotten piles under the eastern end;',
      'drive new steel piles, which the contractor says takes six weeks;',
      'lay a new deck of larch.',
      '1. The first stage starts in March.',
      'Stage Cost',
      'Piles 1.9 million euros',
      'Deck 0.8 million euros',
      'The tender drew four bids from yards in the region.',
    ]);
  });
});
