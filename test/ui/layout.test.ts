import { describe, expect, it } from 'vitest';
import { helpGroups } from '../../source/review/keymap.js';
import { ReaderGeometry } from '../../source/review/view/geometry.js';
import { digitRange, helpColumns } from '../../source/review/view/help.js';
import { paneLayout } from '../../source/review/view/layout.js';
import { followTop } from '../../source/review/view/window.js';
import { wrapArticle } from '../../source/review/view/wrap.js';
import { anchorFrames, ScreenRows } from '../../source/ui/anchored-stdout.js';
import { fittingHints } from '../../source/ui/components/StatusBar.js';
import { highlightSegments } from '../../source/ui/hit-segments.js';
import { listDetails, listTitle } from '../../source/ui/rows.js';
import { fixtureArticle, marks } from '../review/fixtures.js';

describe('wrapArticle', () => {
  it('starts every sentence on its own line and maps each line to its sentence', () => {
    const article = {
      ...fixtureArticle('w', 3, 2),
      title: 'A title',
      byline: 'By Someone',
    };
    article.sentences[0]!.text = 'One two three four five six seven eight nine ten.';
    const { lines, firstLine, lastLine } = wrapArticle(article, 20);
    expect(lines.map((l) => [l.kind, l.text, l.sentence, l.first])).toEqual([
      ['title', 'A title', -1, false],
      ['meta', 'Fixture News ·', -1, false],
      ['meta', '2025-03-14 · By', -1, false],
      ['meta', 'Someone', -1, false],
      ['blank', '', -1, false],
      ['text', 'One two three four', 0, true],
      ['text', 'five six seven eight', 0, false],
      ['text', 'nine ten.', 0, false],
      ['text', 'Sentence 2 of w.', 1, true],
      ['blank', '', -1, false],
      ['text', 'Sentence 3 of w.', 2, true],
    ]);
    expect(firstLine).toEqual([5, 8, 10]);
    expect(lastLine).toEqual([7, 8, 10]);
  });

  it("says under the metadata what reading the file changed, as the reader's geometry does", () => {
    // qa54: a removed byte of mojibake was said by `margin show` and nowhere in the review.
    const article = {
      ...fixtureArticle('m', 1),
      warnings: ['m.html: removed 1 control character (U+009D) \x1b[2Jof mojibake'],
    };
    const header = [
      ['title', 'Title of m', -1, false],
      ['meta', 'Fixture News · 2025-03-14', -1, false],
      ['notice', '! m.html: removed 1 control character', -1, false],
      ['notice', '(U+009D) \\u001b[2Jof mojibake', -1, false],
      ['blank', '', -1, false],
    ];
    const { lines } = wrapArticle(article, 40);
    expect(lines.slice(0, 5).map((l) => [l.kind, l.text, l.sentence, l.first])).toEqual(header);
    const geometry = new ReaderGeometry(article, 40);
    const shown = geometry
      .window(geometry.start(), 5)
      .map(({ line: l }) => [l.kind, l.text, l.sentence, l.first]);
    expect(shown).toEqual(header);
  });

  it('never lets an escape sequence from the text reach the screen', () => {
    const article = fixtureArticle('x', 1);
    article.sentences[0]!.text = 'Evil \x1b[2J\x1b]0;title\x07text.';
    const text = wrapArticle(article, 40).lines.at(-1)!.text;
    expect(text).not.toMatch(/\x1b|\x07/);
    expect(text).toContain('Evil');
  });

  it('shows the start of a sentence of megabytes and counts the rest', () => {
    const article = fixtureArticle('m', 2);
    // A page saved with an image's base64 as its text: one "word" of two million characters.
    article.sentences[0]!.text = `Figure: ${'iVBORw0KGgo'.repeat(200_000)} end.`;
    for (const lines of [
      new ReaderGeometry(article, 60).lines(0),
      wrapArticle(article, 60).lines.filter((line) => line.sentence === 0),
    ]) {
      expect(lines.length).toBeLessThan(400);
      expect(lines.at(-1)!.text).toMatch(/ \[… 2,180,013 more characters not shown\]$/);
    }
    expect(new ReaderGeometry(article, 60).lines(1).at(-1)!.text).toBe('Sentence 2 of m.');
  });
});

describe('followTop', () => {
  it('keeps the window while the target is inside it with context, scrolls minimally otherwise', () => {
    expect(followTop(0, 5, 5, 10, 100, 2)).toBe(0);
    expect(followTop(0, 8, 8, 10, 100, 2)).toBe(1);
    expect(followTop(20, 19, 19, 10, 100, 2)).toBe(17);
    expect(followTop(0, 99, 99, 10, 100, 2)).toBe(90);
    // Taller than the window: its beginning shows.
    expect(followTop(0, 30, 50, 10, 100, 2)).toBe(28);
  });
});

describe('paneLayout', () => {
  it('splits from 110 columns and refuses below 60×15', () => {
    expect(paneLayout({ columns: 109, rows: 30 }).split).toBe(false);
    expect(paneLayout({ columns: 110, rows: 30 })).toMatchObject({
      split: true,
      listWidth: 40,
      readerWidth: 69,
    });
    expect(paneLayout({ columns: 59, rows: 15 }).tooSmall).toBe(true);
    expect(paneLayout({ columns: 60, rows: 14 }).tooSmall).toBe(true);
    expect(paneLayout({ columns: 60, rows: 15 })).toMatchObject({
      tooSmall: false,
      bodyHeight: 12,
    });
  });
});

describe('list entries', () => {
  it('show status and title, then source, date and counts, giving up the source first', () => {
    const article = fixtureArticle('r', 3);
    const tagged = marks({
      status: 'done',
      sentences: { 'r-s0': { labels: ['claim', 'quote'], note: null, attributes: {} } },
    });
    expect(listTitle(article, tagged, 20)).toBe('✓ Title of r        ');
    expect(listDetails(article, tagged, 40)).toBe('  Fixture News · 2025-03-14 · C1 Q1     ');
    expect(listDetails(article, tagged, 32)).toBe('  Fixture … · 2025-03-14 · C1 Q1');
    expect(listDetails(article, tagged, 24)).toBe('  2025-03-14 · C1 Q1    ');
    expect(listDetails(article, marks(), 40)).toBe('  Fixture News · 2025-03-14 · no tags   ');
    const bare = { ...article, source: null, date: null };
    expect(listDetails(bare, marks(), 20)).toBe('  no tags           ');
  });
});

describe('highlightSegments', () => {
  it('marks the matched ranges and cuts around the first match', () => {
    expect(highlightSegments('Steve Witkoff met Putin', [[6, 13]], 40)).toEqual([
      { text: 'Steve ', hit: false },
      { text: 'Witkoff', hit: true },
      { text: ' met Putin', hit: false },
    ]);
    const long = `${'word '.repeat(30)}Witkoff arrived`;
    const cut = highlightSegments(long, [[150, 157]], 30);
    expect(cut[0]).toEqual({ text: '…', hit: false });
    expect(cut.find((s) => s.hit)?.text).toBe('Witkoff');
    expect(cut.map((s) => s.text).join('').length).toBeLessThanOrEqual(30);
  });

  it('begins a cut sentence at a word, not inside one', () => {
    const text = 'A news has gone viral on social media about an oxygen bar in the capital.';
    const cut = highlightSegments(text, [[47, 53]], 40);
    expect(cut.map((s) => s.text).join('')).toMatch(/^…about an oxygen bar/);
    // Part of a word is no context: the match itself comes first then.
    const long = `${'x'.repeat(60)} oxygen`;
    expect(highlightSegments(long, [[61, 67]], 40).map((s) => s.text)).toEqual(['…', 'oxygen']);
  });

  it('ends a cut sentence after a word, not inside one', () => {
    const text = 'Oxygen bars opened in the capital this week, and doctors warned against them.';
    expect(highlightSegments(text, [[0, 6]], 40).map((s) => s.text)).toEqual([
      'Oxygen',
      ' bars opened in the capital this',
      '…',
    ]);
    // A match is never taken back to end at a word.
    expect(highlightSegments('Witkoff-Dmitriev talks', [[0, 16]], 10).map((s) => s.text)).toEqual([
      'Witkoff-D',
      '…',
    ]);
  });
});

describe('anchorFrames', () => {
  const run = (chunk: string) => {
    const written: string[] = [];
    anchorFrames((out) => written.push(out))(chunk);
    return written[0];
  };

  it('starts every frame at the top-left instead of moving up from where the last one ended', () => {
    expect(run('\x1b[?2026h\x1b[38A\x1b[1Gheader\x1b[K\n\x1b[E')).toBe(
      '\x1b[?2026h\x1b[Hheader\x1b[K\n\x1b[E',
    );
    expect(run('first frame\nline 2\n')).toBe('\x1b[Hfirst frame\nline 2\n');
  });

  it('clears what a shrinking frame erased, and passes other writes through', () => {
    expect(run('\x1b[2K\x1b[1A\x1b[2K\x1b[Gshort\n\x1b[?2026l')).toBe(
      '\x1b[Hshort\n\x1b[J\x1b[?2026l',
    );
    expect(run('\x1b[2K\x1b[1A\x1b[2K\x1b[G')).toBe('\x1b[H\x1b[2J');
    expect(run('\x1b[?25l')).toBe('\x1b[?25l');
    expect(run('\x1b[?2026l')).toBe('\x1b[?2026l');
  });

  it('writes emoji sequences as their parts, which every terminal draws as wide (qa55 #5)', () => {
    expect(run('\x1b[38A\x1b[1G“constructive” 👍🏽 and 👨‍👩‍👧 🕊️\x1b[K\n')).toBe(
      '\x1b[H“constructive” 👍 and 👨👩👧 🕊\x1b[K\n',
    );
  });

  it('keeps the rows the frames left on screen, to draw them again whole after a resize', () => {
    const screen = new ScreenRows();
    const frames = anchorFrames(() => {}, screen);
    frames('\x1b[?2026hheader\n\x1b[1mfirst\x1b[22m\nsecond\nthird\x1b[?2026l');
    // Ink's next frame: row 2 changed, the others skipped as unchanged.
    frames('\x1b[2A\x1b[1G\x1b[E\x1b[E\x1b[1G2nd\x1b[K\n');
    expect(screen.redraw(40)).toBe(
      '\x1b[?2026h\x1b[H\x1b[2Jheader\n\x1b[1mfirst\x1b[22m\n2nd\nthird\x1b[?2026l',
    );
    // A shorter frame erases the rows below it; a shorter window keeps the rows it holds.
    frames('\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K\x1b[G\x1b[1A\x1b[1Gtop\x1b[K\n');
    expect(screen.redraw(1)).toBe('\x1b[?2026h\x1b[H\x1b[2Jtop\x1b[?2026l');
  });

  it('keeps the rows right when frames are read in the middle of a long review', () => {
    const screen = new ScreenRows();
    const frames = anchorFrames(() => {}, screen);
    const row = (n: number, key: number) => `row ${n} after key ${key} ${'·'.repeat(100)}`;
    frames(`\x1b[?2026h${[0, 1, 2, 3].map((n) => row(n, 0)).join('\n')}\x1b[?2026l`);
    // 3,000 keys, each changing one of rows 1-3 in turn (far more than is kept unread at once);
    // the first row, written once at the start, stays.
    for (let key = 1; key <= 3000; key++) {
      const n = 1 + (key % 3);
      frames(`\x1b[3A\x1b[1G${'\x1b[E'.repeat(n)}\x1b[1G${row(n, key)}\x1b[K\n`);
    }
    expect(screen.redraw(40)).toBe(
      `\x1b[?2026h\x1b[H\x1b[2J${[row(0, 0), row(1, 3000), row(2, 2998), row(3, 2999)].join('\n')}\x1b[?2026l`,
    );
  });
});

describe('status-bar hints', () => {
  it('keep "? help" when the others do not all fit', () => {
    const hints = ['j/k move', 'Enter open', 'd done', 'u undo', '/ search', '? help', 'q quit'];
    expect(fittingHints(hints, 80)).toBe(
      'j/k move · Enter open · d done · u undo · / search · ? help · q quit',
    );
    expect(fittingHints(hints, 50)).toBe('j/k move · Enter open · d done · u undo · ? help');
    expect(fittingHints(hints, 10)).toBe('? help');
  });
});

describe('help rows', () => {
  it('read a run of digits as a range and never run keys into the description', () => {
    expect(digitRange('1 2 3 4 5 6 7 8 9')).toBe('1–9');
    expect(digitRange('1 2 3')).toBe('1 2 3');
    expect(digitRange('q Ctrl+C')).toBe('q Ctrl+C');
    for (const column of helpColumns(130)) {
      for (const line of column) expect(line).not.toMatch(/^ {2}\S.{13}\S/);
    }
  });

  it('read whole from 120 columns: no description is cut', () => {
    const descriptions = helpGroups().flatMap(({ rows }) => rows.map((row) => row.description));
    for (const width of [120, 130, 200]) {
      const lines = helpColumns(width).flat();
      for (const description of descriptions) {
        expect(lines.some((line) => line.trimEnd().endsWith(` ${description}`))).toBe(true);
      }
    }
  });
});
