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

  // fixteam57: wrap-ansi broke `label:allegation-of-election-fraud-by-offic` / `ial` in the
  // search queries at 60 columns, and a 64-character example name was cut with `…`.
  it("breaks a label's name too long for its room after a hyphen, never inside a word", () => {
    const label = (name: string, key: string, letter: string) => ({
      name,
      key,
      colour: 'red' as const,
      letter,
      description: '',
      attributes: [],
    });
    const longest = `${'x'.repeat(30)}_${'y'.repeat(33)}`;
    const long: LabelSet = [
      label(longest, '1', 'X'),
      label('allegation-of-election-fraud-by-official', '2', 'A'),
    ];
    const { keymap } = buildKeymap(long, {});
    for (const width of [60, 120]) {
      const lines = helpColumns(width, { labels: long, keymap, guidelines: null })
        .flat()
        .map((line) => line.trim());
      const query = lines.slice(lines.indexOf('Search queries'));
      const text = query.join('\n');
      // The `-word` row's own `…)` aside, nothing is cut.
      expect(text.replaceAll('…)', '')).not.toContain('…');
      // Every piece of a name on a line ends at a hyphen, an underscore or the name's end.
      expect(text).toMatch(/label:allegation-of-election-fraud-by-(\n)?official, label:none/);
      expect(text).toMatch(new RegExp(`label:${'x'.repeat(30)}_\n${'y'.repeat(33)}\n`));
      expect(text).not.toMatch(/offic\n|x\nx|y\ny/);
    }
  });
});
