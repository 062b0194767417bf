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
});
