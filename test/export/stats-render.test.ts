import { describe, expect, it } from 'vitest';
import { statsOver } from '../../source/export/stats.js';
import { renderStats } from '../../source/export/stats-render.js';

describe('margin stats as a picture', () => {
  // qa50: with six labels the Annotators rows lost "claim 4 · quote 8 · …" at 80 columns, which
  // is also what a pipe gets.
  it('puts an annotator’s labels under the bar when they do not fit beside it, escaped', () => {
    const labels = new Map([
      ['alice', { claim: 4, quote: 8, event: 2, opinion: 11, framing: 3, 'source\u202etxt': 1 }],
    ]);
    const report = statsOver(
      [{ id: 'a1', ord: 0, title: 'Title', source: null }],
      { labels, orphans: 0, perArticle: new Map([['a1', 29]]) },
      () => 'unreviewed',
      ['alice'],
    );
    const text = renderStats(report, 80);
    const lines = text.split('\n');
    const at = lines.indexOf('Annotators');
    const under = lines.slice(at + 2, lines.indexOf('', at));
    expect(under.join(' ')).toContain('claim 4 · quote 8 · event 2');
    expect(under.join(' ')).toContain('source\\u202etxt 1');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(text).not.toContain('\u202e');
  });

  // qa53 #10: a family emoji in a title was drawn as `👩\u200d👩\u200d👧`, where `list` and the
  // review show it as an emoji. A title is text; its hostile characters are still escaped. As
  // list and the review draw it since qa55 #5: as its parts, which every terminal measures alike.
  it('draws a title or source as list does: an emoji sequence as its parts, a bidi override escaped', () => {
    const family = '👩\u200d👩\u200d👧';
    const labels = new Map([['a\u200dna', { claim: 2 }]]);
    const report = statsOver(
      [
        { id: 'e1', ord: 0, title: `Émoji ${family} test`, source: `Wire ${family}` },
        { id: 'e2', ord: 1, title: 'evil\u202etitle', source: null },
      ],
      {
        labels,
        orphans: 0,
        perArticle: new Map([
          ['e1', 1],
          ['e2', 1],
        ]),
      },
      () => 'unreviewed',
      ['a\u200dna'],
    );
    const text = renderStats(report, 100);
    expect(text).toContain('Émoji 👩👩👧 test');
    expect(text).toContain('Wire 👩👩👧');
    expect(text).toContain('evil\\u202etitle');
    expect(text).not.toContain('\u202e');
    // A name is not text: the joiner in an annotator's name is still shown.
    expect(text).toContain('a\\u200dna');
  });
});

// qa57 #8: two labels of 40 characters that begin alike both read
// `allegation-of-election-fraud-by…` beside 40 columns of bar room, whatever the width.
describe('label names in margin stats', () => {
  const official = 'allegation-of-election-fraud-by-official';
  const candidate = 'allegation-of-election-fraud-by-candidate';
  const report = statsOver(
    [{ id: 'a1', ord: 0, title: 'Title', source: null }],
    {
      labels: new Map([['alice', { [official]: 3, [candidate]: 5 }]]),
      orphans: 0,
      perArticle: new Map([['a1', 8]]),
    },
    () => 'unreviewed',
    ['alice'],
  );
  const labelRows = (text: string) => {
    const lines = text.split('\n');
    const at = lines.indexOf('Labels');
    return lines.slice(at + 1, lines.indexOf('', at));
  };

  it('shows them whole where the width allows, and on a pipe', () => {
    for (const text of [renderStats(report, 80), renderStats(report, 20, { whole: true })]) {
      const rows = labelRows(text);
      expect(rows.some((row) => row.startsWith(`  ${official}  `))).toBe(true);
      expect(rows.some((row) => row.startsWith(`  ${candidate} `))).toBe(true);
    }
  });

  it('cuts them where they differ when the terminal is narrow, never alike', () => {
    const rows = labelRows(renderStats(report, 44));
    const names = rows
      .map((row) => row.trim().split(/\s{2,}/)[0])
      .filter((name) => name!.startsWith('allegation'));
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(names.join(' ')).toMatch(/official/);
    expect(names.join(' ')).toMatch(/candidate/);
    for (const name of names) expect(name!.length).toBeLessThanOrEqual(32);
  });
});
