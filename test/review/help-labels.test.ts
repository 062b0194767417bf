import { describe, expect, it } from 'vitest';
import { buildKeymap } from '../../source/review/project.js';
import { helpColumns } from '../../source/review/view/help.js';
import type { LabelSet } from '../../source/store/labels.js';

const CODEBOOK: LabelSet = [
  { name: 'claim', key: '1', colour: 'yellow', letter: 'C', description: '', attributes: [] },
  {
    name: 'figure',
    key: '4',
    colour: 'green',
    letter: 'N',
    description: 'a number that can be checked',
    attributes: [],
  },
];

describe("the help's labels", () => {
  // qa53: a label without a description read `1 C            claim:`.
  it('name a label without a description without a dangling colon', () => {
    const { keymap } = buildKeymap(CODEBOOK, {});
    const lines = helpColumns(200, { labels: CODEBOOK, keymap, guidelines: null })
      .flat()
      .map((line) => line.trimEnd());
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}1 C +claim$/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {2}4 N +figure: a number that can be checked$/),
    );
  });

  // qa57 #9: at 60 columns a label's long description read `…`; at 120 the Tag section's `a`
  // line was cut.
  it('wraps a long description under itself instead of cutting it', () => {
    const description =
      'a claim by an official that the election was rigged, with or without any evidence given';
    const long: LabelSet = [
      {
        name: 'allegation-of-election-fraud-by-official',
        key: '1',
        colour: 'red',
        letter: 'A',
        description,
        attributes: [],
      },
    ];
    const { keymap } = buildKeymap(long, {});
    for (const width of [60, 120]) {
      const columns = helpColumns(width, { labels: long, keymap, guidelines: null });
      const text = columns
        .flat()
        .map((line) => line.trim())
        .join(' ');
      expect(text).toContain(`allegation-of-election-fraud-by-official: ${description}`);
      expect(text).toContain("edit the attributes of the sentence's labels");
      expect(text).toContain('label:allegation-of-election-fraud-by-official label:none');
      const columnWidth = width === 60 ? 60 : 59;
      for (const line of columns.flat()) expect(line.length).toBeLessThanOrEqual(columnWidth);
    }
  });
});
