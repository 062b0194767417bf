import { describe, expect, it } from 'vitest';
import {
  type PanelPiece,
  panelWindow,
  ROW_TEXT_LINES,
  wrapPieces,
} from '../../source/review/view/story-panel.js';
import stringWidth from '../../source/text/string-width.js';

const textOf = (line: PanelPiece[]) => line.map((piece) => piece.text).join('');
const width = (line: PanelPiece[]) => stringWidth(textOf(line));

describe('the story panel’s text', () => {
  const parts: PanelPiece[] = [
    { text: 'Going upstairs to bed was a ', marked: false },
    { text: '30 minute activity, as', marked: true },
    {
      text: ' I could only manage two stairs at a time and then needed to sit and rest,',
      marked: false,
    },
    { text: ' Taylor added.', marked: true },
  ];

  it('wraps a counterpart whole, within the width, keeping the marked words marked', () => {
    const lines = wrapPieces(parts, 30, 10);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(30);
    expect(lines.map(textOf).join(' ')).toBe(parts.map((part) => part.text).join(''));
    const marked = lines
      .flat()
      .filter((piece) => piece.marked)
      .map((piece) => piece.text);
    expect(marked.join(' ').replace(/\s+/g, ' ').trim()).toBe(
      '30 minute activity, as Taylor added.',
    );
  });

  it('ends a text cut short with …, still within the width', () => {
    const lines = wrapPieces(parts, 30, 2);
    expect(lines).toHaveLength(2);
    expect(textOf(lines[1]!).endsWith('…')).toBe(true);
    expect(width(lines[1]!)).toBeLessThanOrEqual(30);
    const full = wrapPieces([{ text: 'x'.repeat(60), marked: false }], 30, 1);
    expect(textOf(full[0]!)).toBe(`${'x'.repeat(29)}…`);
  });

  it('keeps the marks of a text written decomposed ("e" and a combining accent)', () => {
    const decomposed: PanelPiece[] = [
      { text: 'The cafe\u0301 owner said the talks ', marked: false },
      { text: 'had failed', marked: true },
      { text: ' again on Thursday near the ', marked: false },
      { text: 'old harbour', marked: true },
      { text: ' of the city.', marked: false },
    ];
    const lines = wrapPieces(decomposed, 20, 10);
    const marked = lines
      .flat()
      .filter((piece) => piece.marked)
      .map((piece) => piece.text);
    expect(marked.join(' ').replace(/\s+/g, ' ')).toBe('had failed old harbour');
  });

  it('counts wide characters as two columns and shows control characters escaped', () => {
    const lines = wrapPieces(
      [{ text: `${'東京の会議は続いた。'.repeat(4)}\u001b[31m`, marked: false }],
      20,
      10,
    );
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(20);
    expect(lines.map(textOf).join('')).not.toContain('\u001b');
  });
});

describe('the counterparts the panel shows', () => {
  // Rows of 1 + 1, 1 + 3 and 1 + 1 lines at width 24.
  const rows: PanelPiece[][] = [
    [{ text: 'Short one.', marked: false }],
    [{ text: 'A longer sentence that takes three lines here.', marked: false }],
    [{ text: 'Short two.', marked: false }],
  ];

  it('shows the selected one whole, with as many before and after it as fit', () => {
    expect(panelWindow(rows, 0, 24, 10).map((shown) => shown.row)).toEqual([0, 1, 2]);
    expect(panelWindow(rows, 0, 24, 6).map((shown) => shown.row)).toEqual([0, 1]);
    expect(panelWindow(rows, 2, 24, 6).map((shown) => shown.row)).toEqual([1, 2]);
    expect(panelWindow(rows, 1, 24, 4).map((shown) => shown.row)).toEqual([1]);
    expect(panelWindow(rows, 1, 24, 4)[0]!.lines).toHaveLength(3);
  });

  it('begins the next one in the lines left rather than leave them empty, cut with …', () => {
    const tall = [
      [{ text: 'word '.repeat(40), marked: false }],
      [{ text: 'word '.repeat(40), marked: false }],
    ];
    // 1 + 6 lines for the first; 4 lines left: the second's outlet and 3 of its lines.
    const shown = panelWindow(tall, 0, 24, 11);
    expect(shown.map((each) => each.row)).toEqual([0, 1]);
    expect(shown[1]!.lines).toHaveLength(3);
    expect(textOf(shown[1]!.lines[2]!).endsWith('…')).toBe(true);
    // One line left: the next one's outlet alone.
    expect(panelWindow(tall, 0, 24, 8)).toEqual([
      { row: 0, lines: shown[0]!.lines },
      { row: 1, lines: [] },
    ]);
    expect(panelWindow(tall, 0, 24, 7).map((each) => each.row)).toEqual([0]);
  });

  it('shows what fits of a selected one taller than the panel', () => {
    const long = [[{ text: 'word '.repeat(200), marked: false }]];
    const [shown] = panelWindow(long, 0, 24, 4);
    expect(shown!.lines).toHaveLength(3);
    expect(panelWindow(long, 0, 24, 40)[0]!.lines).toHaveLength(ROW_TEXT_LINES);
  });
});
