import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import measure from 'string-width';
import { describe, expect, it, vi } from 'vitest';
import { type Session, seedsCopyPerTest, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();

/** qa55's 011_emoji.md: a flag, VS16, a ZWJ family and a skin-tone modifier. */
const EMOJI = `# 🇺🇦 Ceasefire talks 🕊️ resume in Riyadh 👨‍👩‍👧

**Kyiv Independent** · March 14, 2025

Zelenskyy said the talks were "constructive" 👍🏽 and that Ukraine was ready for a 30-day truce. Officials in Riyadh confirmed a second round for Friday 🗓️.

Café owner Zoë Ñúñez in Kraków said: "We've waited long enough." The Pre͟sident's a̧ide, Ol̈eksandr, declined to comment.
`;

/** Columns of `text` in a terminal that joins nothing, as the test's emulator draws it. */
const columns = (text: string) => [...text].reduce((sum, char) => sum + measure(char), 0);
const rows = (s: Session) => s.screen();
const zelenskyyRows = (screen: string) =>
  screen.split('\n').filter((row) => row.includes('Zelenskyy said'));

describe('emoji sequences terminals draw at different widths', () => {
  it('keep the frame inside the window in a terminal that joins nothing, and a resize redraws it whole', async () => {
    writeFileSync(join(seeds.dir, 'seeds', '011_emoji.md'), EMOJI);
    const s = seeds.track(
      spawnCli(
        ['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice', '--no-suggestions'],
        { cwd: seeds.dir, cols: 60, rows: 15, widths: 'per-code-point' },
      ),
    );
    await s.waitFor(
      (t) => t.split('\n')[0]!.includes('art. 1/6') && storeOpened(t.split('\n')[13]!),
      'the list',
    );
    s.write('G');
    await s.waitFor((t) => t.split('\n')[0]!.includes('art. 6/6'), 'the last article');
    s.write('\r');
    await s.waitFor((t) => zelenskyyRows(t).some((row) => row.startsWith('▶')), 'it opened');
    // qa55 #5: 👍🏽 drawn 4 columns wide, measured 2: the line wrapped, the frame grew a row and
    // the header scrolled off. Drawn as 👍, every terminal makes it 2.
    let screen = rows(s);
    expect(screen[0]).toMatch(/^seeds · alice │ art\. 6\/6 │ sent\. 1\/\d+/);
    expect(screen[1]).toBe('       🇺🇦 Ceasefire talks 🕊 resume in Riyadh 👨👩👧');
    expect(zelenskyyRows(screen.join('\n'))).toEqual([
      '▶      Zelenskyy said the talks were "constructive" 👍 and',
    ]);
    // The status bar on the row before the last, which the review leaves free.
    expect(screen[13]).toMatch(/^j\/k move/);
    for (const row of screen) expect(columns(row)).toBeLessThanOrEqual(60);
    // Written without the joiners; the stored text keeps them (the store and exports: untouched).
    expect(s.raw()).not.toMatch(/[\u200D\uFE0F\u{1F3FB}-\u{1F3FF}]/u);

    // Wider and taller, then as wide and shorter: the emulator drops rows off the top for a
    // shorter screen, as many terminals do, and Ink draws only the rows it takes to have changed.
    s.resize(80, 24);
    await s.waitFor(
      (t) => t.split('\n')[0]!.includes('article 6 of 6') && zelenskyyRows(t).length === 1,
      'the frame at 80×24',
    );
    s.resize(80, 15);
    // Its status bar, once drawn where it belongs, and the header above it (the emulator's rows
    // moved up by 9: before, the rows Ink took to be unchanged stayed there, its header gone).
    await s.waitFor(
      (t) =>
        t.split('\n')[13]!.startsWith('j/k move') && t.split('\n')[0]!.startsWith('margin · seeds'),
      'the frame at 80×15',
    );
    screen = rows(s);
    expect(screen[0]).toMatch(/^margin · seeds · alice {2}│ {2}article 6 of 6/);
    expect(screen[1]).toBe('       🇺🇦 Ceasefire talks 🕊 resume in Riyadh 👨👩👧');
    expect(zelenskyyRows(screen.join('\n'))).toEqual([
      '▶      Zelenskyy said the talks were "constructive" 👍 and that Ukraine was',
    ]);
    expect(screen.filter((row) => row.startsWith('margin · seeds'))).toHaveLength(1);

    // The terminal scrolls the frame up a row by itself (qa55 #5: tmux wrapped a line margin had
    // measured narrower), then the window grows: before, the rows Ink took to be unchanged stayed
    // where the scroll had put them until something redrew the whole screen (two Zelenskyy rows,
    // no header).
    await s.emulate('\x1b[15;1H\n');
    expect(rows(s)[0]).not.toMatch(/^margin/);
    s.resize(100, 30);
    await s.waitFor(
      (t) =>
        t.split('\n')[28]!.startsWith('j/k move') &&
        t.split('\n')[0]!.startsWith('margin · seeds') &&
        t.includes('ready for a 30-day'),
      'the frame at 100×30',
    );
    screen = rows(s);
    expect(screen[1]).toBe('       🇺🇦 Ceasefire talks 🕊 resume in Riyadh 👨👩👧');
    expect(zelenskyyRows(screen.join('\n'))).toHaveLength(1);
    expect(screen.filter((row) => row.startsWith('margin · seeds'))).toHaveLength(1);

    // Side by side at 120×40: the list's border in one column on every row, the emoji row's too.
    s.resize(120, 40);
    await s.waitFor(
      (t) => t.split('\n').some((row) => row.includes('Ceasefire talks') && row.includes('│')),
      'the list beside the reader',
    );
    screen = rows(s);
    const borders = screen
      .slice(1, 38)
      .map((row) => (row.includes('│') ? columns(row.slice(0, row.indexOf('│'))) : null));
    expect(new Set(borders), JSON.stringify(screen, null, 1)).toEqual(new Set([borders[0]]));
    expect(borders[0]).not.toBeNull();
    s.write('q');
    await s.exited;
  });
});
