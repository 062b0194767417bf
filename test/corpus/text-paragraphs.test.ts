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
