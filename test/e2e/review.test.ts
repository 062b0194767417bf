import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { patience } from '../helpers/patience.js';
import { type Session, seedsCopyPerTest, spawnCli, storeOpened, WHOLE_SESSION } from './pty.js';

// Every test here drives whole sessions, key by key, some two at once: see WHOLE_SESSION.
vi.setConfig({ testTimeout: WHOLE_SESSION });

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIRST = '000_4b207f45d15cbf96';

const seeds = seedsCopyPerTest();

interface StoredFile {
  status: string;
  annotations: Array<{ label: string; note?: string; anchor: { sentence: string; quote: string } }>;
}

const storeFile = () => join(seeds.dir, 'annotations/alice', `${FIRST}.json`);
const readStore = (): StoredFile => JSON.parse(readFileSync(storeFile(), 'utf8')) as StoredFile;

function start(env: Record<string, string> = {}): Session {
  // The gutters these tests read are the reviewer's labels alone (suggestions: suggestions.test.ts).
  return seeds.track(
    spawnCli(
      ['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice', '--no-suggestions'],
      { cwd: seeds.dir, cols: 120, rows: 40, env },
    ),
  );
}

const line = (screen: string, start: string) =>
  screen.split('\n').find((l) => l.includes(start)) ?? '';
/** The reader's part of the row that shows `text` (right of the pane separator). */
const reader = (screen: string, text: string) => {
  const row = line(screen, text);
  return row.slice(row.indexOf('│') + 1);
};
const header = (screen: string) => screen.split('\n')[0] ?? '';
/** Enter on the list moves the focus to the reader: its current sentence gets the filled marker. */
const readerFocused = (screen: string) =>
  screen.split('\n').some((row) => row.slice(row.indexOf('│') + 1).startsWith('▶'));
const statusBar = (screen: string) => screen.split('\n')[38] ?? '';

/** Waits for a screen after each key, as a person would look before pressing the next. */
async function step(s: Session, keys: string, expected: (screen: string) => boolean, what: string) {
  s.write(keys);
  await s.waitFor(expected, what);
}

describe('margin review in a real terminal', () => {
  it('records a whole session: open, move, tag, note, undo, redo, done, quit', async () => {
    const s = start();
    await s.waitFor(
      (t) => header(t).includes('article 1 of 5') && storeOpened(statusBar(t)),
      'the list',
    );
    expect(s.alternate()).toBe(true);
    // In colour when nothing says otherwise (NO_COLOR and CI below).
    expect(s.raw()).toMatch(/\x1b\[3[0-9]m/);
    await step(
      s,
      '\r',
      // Only opened: no progress shown yet (as `margin stats` counts it).
      (t) => line(t, 'Russia said on Friday').startsWith('▷ ·'),
      'opened',
    );
    await step(s, 'j', (t) => header(t).includes('sentence 2 of 23'), 'moved');
    await step(
      s,
      '1',
      (t) =>
        header(t).includes('C 1  Q 0  E 0') &&
        statusBar(t).endsWith('saved') &&
        line(t, 'Russia said on Friday').startsWith('▷ ◐'),
      'claim, in progress',
    );
    await step(
      s,
      '2',
      (t) => header(t).includes('C 1  Q 1  E 0') && statusBar(t).endsWith('saved'),
      'quote',
    );
    await step(s, 'j', (t) => header(t).includes('sentence 3 of 23'), 'moved again');
    await step(
      s,
      '3',
      (t) => header(t).includes('C 1  Q 1  E 1') && statusBar(t).endsWith('saved'),
      'event',
    );
    await step(s, 'n', (t) => statusBar(t).startsWith('✎ note:'), 'the note input');
    s.write('ask Peskov');
    await s.waitFor((t) => statusBar(t).includes('ask Peskov'), 'the typed note');
    await step(
      s,
      '\r',
      (t) => reader(t, 'When Mr Witkoff brings').startsWith('▶  E✎'),
      'the note marker',
    );
    await step(
      s,
      'u',
      (t) =>
        statusBar(t).startsWith('undid: ') &&
        reader(t, 'When Mr Witkoff brings').startsWith('▶  E '),
      'undo',
    );
    await step(
      s,
      '\x12',
      (t) =>
        statusBar(t).startsWith('redid: ') &&
        reader(t, 'When Mr Witkoff brings').startsWith('▶  E✎'),
      'redo',
    );
    // Undo from another sentence goes to the one it changes, so the reviewer sees what it did.
    await step(s, 'k', (t) => header(t).includes('sentence 2 of 23'), 'back one sentence');
    await step(
      s,
      'u',
      (t) =>
        statusBar(t).startsWith('undid: note') &&
        header(t).includes('sentence 3 of 23') &&
        reader(t, 'When Mr Witkoff brings').startsWith('▶  E '),
      'the undo taken to the note it took back',
    );
    await step(
      s,
      '\x12',
      (t) =>
        statusBar(t).startsWith('redid: note') &&
        reader(t, 'When Mr Witkoff brings').startsWith('▶  E✎'),
      'the note back',
    );
    await step(
      s,
      'd',
      (t) => line(t, 'Russia said on Friday').startsWith('▷ ✓') && statusBar(t).endsWith('saved'),
      'done',
    );
    const screen = s.screen().join('\n');
    expect(reader(screen, 'US envoy Steve Witkoff met')).toMatch(
      /^ CQ {2}[1 ] US envoy Steve Witkoff met/,
    );
    s.write('q');
    const exit = await s.exited;
    expect(exit.exitCode).toBe(0);
    expect(s.alternate()).toBe(false);

    const stored = readStore();
    expect(stored.status).toBe('done');
    const byQuote = stored.annotations
      .map((a) => [a.label, a.anchor.quote.slice(0, 26), a.note ?? null])
      .sort();
    expect(byQuote).toEqual([
      ['claim', 'US envoy Steve Witkoff met', null],
      ['event', '“When Mr Witkoff brings al', 'ask Peskov'],
      ['quote', 'US envoy Steve Witkoff met', null],
    ]);
  });

  it('loses nothing the screen showed as saved when killed with SIGKILL midway', async () => {
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(s, '\r', readerFocused, 'opened');
    // Keys typed in one burst: the screen is read only once it says everything is saved.
    s.write('1j2j3j1');
    await s.waitFor(
      (t) => header(t).includes('C 2  Q 1  E 1') && statusBar(t).endsWith('saved'),
      'saved',
    );
    s.kill('SIGKILL');
    await s.exited;
    const stored = readStore();
    expect(stored.status).toBe('in progress');
    expect(stored.annotations.map((a) => a.label).sort()).toEqual([
      'claim',
      'claim',
      'event',
      'quote',
    ]);
  });

  it('searches with /: type, ↓, Enter opens the chosen article at the chosen sentence', async () => {
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    // `/` opens the box at once; a query typed before search is ready runs once it is.
    s.write('/');
    await s.waitFor((t) => /^\/ /m.test(t), 'the search box');
    s.write('"cautiously optimistic"');
    const results = (t: string) => /^\d+ results?/m.test(t) && t.includes('Putin-Trump Meeting');
    // A search while typing stops after 200 ms of wall time, which a loaded machine can take
    // even on the seeds; it then says so, and Enter reads everything, as a person would press.
    const stopped = (t: string) =>
      t.includes('Enter searches them all') && t.includes('/ "cautiously optimistic"');
    await s.waitFor((t) => results(t) || stopped(t), 'the results, or a search stopped');
    if (!results(s.screen().join('\n'))) await step(s, '\r', results, 'the results, read whole');
    await step(
      s,
      '\x1b[B',
      (t) => line(t, 'Putin-Trump Meeting').startsWith('▶'),
      'the second result',
    );
    // A frame can reach the terminal in more than one piece: wait for all of it.
    await step(
      s,
      '\r',
      (t) =>
        header(t).includes('article 2 of 5') &&
        reader(t, 'There are reasons to be cautiously optimistic').startsWith('▶') &&
        statusBar(t).startsWith('result 2 of '),
      'the article at the sentence',
    );
    const screen = s.screen().join('\n');
    expect(reader(screen, 'There are reasons to be cautiously optimistic')).toMatch(/^▶/);
    expect(statusBar(screen)).toMatch(/^result 2 of \d+: n\/N, Esc back/);
    s.write('q');
    await s.exited;
  });

  it('goes back to where a search began: Esc out of its results, Ctrl+O back and forth', async () => {
    // qa54 #8: after Enter on a hit, Esc and Esc left the reviewer in the hit's article.
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(s, 'j', (t) => header(t).includes('article 2 of 5'), 'the second article');
    await step(s, '\r', readerFocused, 'opened');
    await step(s, 'jj', (t) => header(t).includes('sentence 3 of'), 'its third sentence');
    s.write('/Witkov');
    const listed = (t: string) => /^\d+ results?/m.test(t) && t.includes('/ Witkov');
    const stopped = (t: string) => t.includes('Enter searches them all') && t.includes('/ Witkov');
    await s.waitFor((t) => listed(t) || stopped(t), 'the results, or a search stopped');
    if (!listed(s.screen().join('\n'))) await step(s, '\r', listed, 'the results, read whole');
    await step(
      s,
      '\r',
      (t) => header(t).includes('article 5 of 5') && statusBar(t).startsWith('result 1 of '),
      'the first hit',
    );
    const hit = header(s.screen().join('\n')).match(/sentence \d+ of \d+/)?.[0];
    expect(hit).toBeDefined();
    await step(
      s,
      '\x1b',
      (t) =>
        header(t).includes('article 2 of 5') &&
        header(t).includes('sentence 3 of') &&
        statusBar(t).startsWith('back where the search began · Ctrl+O: the place left'),
      'back at the article and sentence the search began in',
    );
    // Ctrl+O: to the hit again, and back.
    await step(
      s,
      '\x0f',
      (t) => header(t).includes('article 5 of 5') && header(t).includes(hit!),
      'the hit again',
    );
    await step(
      s,
      '\x0f',
      (t) => header(t).includes('article 2 of 5') && header(t).includes('sentence 3 of'),
      'back again',
    );
    s.write('q');
    await s.exited;
  });

  it('redraws cleanly when the window is resized, narrower and back', async () => {
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(s, '\r', readerFocused, 'opened');
    s.resize(70, 20);
    await s.waitFor(
      (t) =>
        t.split('\n')[0]!.startsWith('seeds · alice │ art. 1/5 │ sent. 1/23') &&
        t.split('\n')[18]!.endsWith('saved') &&
        // The first sentence is told by two other outlets: its gutter says 2 once grouped.
        t.split('\n')[3]!.startsWith('▶    2 '),
      'the narrow header',
    );
    const narrow = s.screen();
    expect(narrow).toHaveLength(20);
    // One pane at a time: nothing left over from the side-by-side layout.
    expect(narrow.filter((row) => row.includes('│')).length).toBe(1);
    expect(narrow.slice(1, 4)).toEqual([
      '       The National · 2025-03-14',
      '',
      '▶    2 Russia said on Friday it is preparing for direct talks between',
    ]);
    expect(narrow[18]).toMatch(/^j\/k move .* saved$/);
    expect(narrow[19]).toBe('');
    s.resize(120, 40);
    await s.waitFor(
      (t) => header(t).includes('article 1 of 5') && statusBar(t).endsWith('saved'),
      'the wide frame',
    );
    // The header and the 37 body rows carry the separator; the status bar and the free row do not.
    const wide = s.screen();
    expect(wide.filter((row) => row.includes('│')).length).toBe(38);
    expect(wide[1]).toMatch(
      /^▷ · Russia said on Friday it is preparing… │ {7}The National · 2025-03-14$/,
    );
    expect(wide[2]).toMatch(/^ {4}The National · 2025-03-14 · no tags +│$/);
  });

  it('takes an Enter typed before it has the keyboard, then the keys typed after', async () => {
    const s = start();
    // At once, before margin has even started: the terminal is still in line mode and hands
    // Enter on as "\n", alone in margin's first read. It was lost, and the note typed after
    // `1 n` acted on the list: its `d` marked the first article done.
    s.write('\r');
    await s.waitFor(readerFocused, 'the first article opened by that Enter');
    await step(s, '1', (t) => header(t).includes('C 1'), 'the claim');
    await step(s, 'n', (t) => statusBar(t).startsWith('✎ note:'), 'the note input');
    s.write('dj note\r');
    await s.waitFor(
      (t) =>
        reader(t, 'preparing for direct talks').startsWith('▶C  ✎') &&
        statusBar(t).endsWith('saved'),
      'the note saved',
    );
    const stored = readStore();
    expect(stored.annotations.map((a) => [a.label, a.note])).toEqual([['claim', 'dj note']]);
    expect(stored.status).toBe('in progress');
  });

  it('keeps notes typed at once after n, in one burst with the tag or right behind it', async () => {
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(s, '\r', readerFocused, 'opened');
    // One chunk: move, tag, open the note, type it and save it.
    s.write('j1nfirst note\r');
    // Separate writes, each before the screen has caught up with the one before.
    for (const keys of ['j', '3', 'n', 'Ushakov is', ' the source', '\r']) s.write(keys);
    await s.waitFor(
      (t) =>
        reader(t, 'US envoy Steve Witkoff met').startsWith(' C  ✎') &&
        reader(t, 'When Mr Witkoff brings').startsWith('▶  E✎') &&
        statusBar(t).endsWith('saved'),
      'both notes',
    );
    const notes = readStore().annotations.map((a) => [a.label, a.note]);
    expect(notes).toEqual([
      ['claim', 'first note'],
      ['event', 'Ushakov is the source'],
    ]);
  });

  it('takes a pasted text of several lines as the note; finishes its writes on SIGTERM', async () => {
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    expect(s.raw()).toContain('\x1b[?2004h');
    await step(s, '\r', readerFocused, 'opened');
    await step(s, '1', (t) => header(t).includes('C 1') && statusBar(t).endsWith('saved'), 'claim');
    await step(s, 'n', (t) => statusBar(t).startsWith('✎ note:'), 'the note input');
    // As a terminal sends a paste once asked for bracketed paste: the lines would be x, d and j.
    s.write('\x1b[200~Peskov said this on TASS\rexcerpt: x d j\x1b[201~');
    await s.waitFor(
      (t) => statusBar(t).includes('Peskov said this on TASS excerpt: x d j'),
      'the pasted note',
    );
    await step(s, '\r', (t) => /^▶C +✎/.test(reader(t, 'preparing for direct talks')), 'saved');
    await s.waitFor((t) => statusBar(t).endsWith('saved'), 'written');
    const stored = readStore();
    expect(stored.status).not.toBe('done');
    expect(stored.annotations.map((a) => [a.label, a.note])).toEqual([
      ['claim', 'Peskov said this on TASS excerpt: x d j'],
    ]);

    // SIGTERM right after a tag shows: the write is finished, the alternate screen left.
    s.write('3');
    await s.waitFor((t) => header(t).includes('C 1  Q 0  E 1'), 'the tag on screen');
    s.kill('SIGTERM');
    const exit = await s.exited;
    expect(exit.exitCode).toBe(0);
    expect(s.alternate()).toBe(false);
    expect(readStore().annotations.map((a) => a.label)).toEqual(['claim', 'event']);
  });

  it('takes a paste right behind Escape as a paste; leaves the screen and paste mode on SIGINT', async () => {
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(s, '\r', readerFocused, 'opened');
    s.write('\x1b\x1b[200~one\rx d\x1b[201~');
    await s.waitFor(
      (t) => statusBar(t).startsWith('paste ignored: notes, search'),
      'the paste refused',
    );
    await s.waitFor((t) => statusBar(t).endsWith('saved'), 'written');
    expect(readStore().status).toBe('in progress');

    // SIGINT sent from outside, as `kill -INT` would.
    s.kill('SIGINT');
    await s.exited;
    expect(s.alternate()).toBe(false);
    expect(s.raw()).toContain('\x1b[?2004l');
  });

  it('shows what a second terminal on the same store writes, without restarting', async () => {
    const first = start();
    await first.waitFor((t) => storeOpened(statusBar(t)), 'the first terminal');
    const second = spawnCli(
      ['--corpus', 'seeds', '--store', 'annotations', '--annotator', 'alice', '--no-suggestions'],
      {
        cwd: seeds.dir,
        cols: 120,
        rows: 40,
      },
    );
    try {
      await second.waitFor((t) => storeOpened(statusBar(t)), 'the second terminal');
      await step(second, '\r', readerFocused, 'opened there');
      await step(
        second,
        '2',
        (t) => header(t).includes('Q 1') && statusBar(t).endsWith('saved'),
        'tagged there',
      );
      await first.waitFor(
        (t) => line(t, '2025-03-14 · Q1') !== '' && header(t).includes('Q 1'),
        'the tag in the first terminal',
      );
    } finally {
      second.kill('SIGKILL');
      await second.exited;
    }
  });

  it("adjudicates with --compare: accepting an annotator's version writes it to gold", async () => {
    const s = start();
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(s, '\r', readerFocused, 'opened');
    await step(
      s,
      'j2',
      (t) => header(t).includes('Q 1') && statusBar(t).endsWith('saved'),
      'a quote',
    );
    s.write('q');
    await s.exited;
    const judge = spawnCli(['--corpus', 'seeds', '--store', 'annotations', '--compare'], {
      cwd: seeds.dir,
      cols: 120,
      rows: 40,
    });
    seeds.track(judge);
    await judge.waitFor(
      (t) =>
        header(t).startsWith('margin · seeds · gold') &&
        header(t).includes('article 1 of 5') &&
        storeOpened(statusBar(t)),
      'the gold review with its list',
    );
    await step(judge, '\r', readerFocused, 'opened as gold');
    await step(judge, 'c', (t) => t.includes('1 alice'), 'the compare table');
    await step(
      judge,
      'j1',
      (t) => line(t, 'US envoy Steve Witkoff met').startsWith('▶   ·Q·     ·Q·'),
      'accepted',
    );
    await judge.waitFor((t) => statusBar(t).endsWith('saved'), 'written');
    judge.write('q');
    await judge.exited;
    const gold = JSON.parse(
      readFileSync(join(seeds.dir, 'annotations/gold', `${FIRST}.json`), 'utf8'),
    ) as StoredFile;
    expect(gold.annotations.map((a) => [a.label, a.anchor.quote.slice(0, 26)])).toEqual([
      ['quote', 'US envoy Steve Witkoff met'],
    ]);
  });

  it('honours NO_COLOR: no colour codes at all, the glyphs still show', async () => {
    const s = start({ NO_COLOR: '1' });
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(
      s,
      '\r1',
      (t) => reader(t, 'preparing for direct talks').startsWith('▶C'),
      'a badge',
    );
    expect(s.raw()).not.toMatch(/\x1b\[[0-9;]*m/);
    s.write('q');
    await s.exited;
  });

  it('draws every frame, in colour, though the shell says CI=true (Ink would print only the last)', async () => {
    const s = start({ CI: 'true', CI_JOB_ID: '7' });
    await s.waitFor((t) => storeOpened(statusBar(t)), 'the list');
    await step(
      s,
      '\r1',
      (t) => reader(t, 'preparing for direct talks').includes('C'),
      'a badge after a key',
    );
    expect(s.raw()).toMatch(/\x1b\[3[0-9]m/);
    s.write('q');
    await s.exited;
  });
});

describe('margin review without a terminal', () => {
  it('names the scripting commands and exits with status 2', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'review'], {
      cwd: seeds.dir,
      encoding: 'utf8',
      env: { ...process.env, CI: undefined },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'margin review: needs an interactive terminal. For scripts, use: margin list, margin show, margin search, margin export (see margin --help).\n',
    );
    expect(result.stdout).toBe('');
  });
});

describe('margin review on a path that is not a folder', () => {
  /** Runs the review in a terminal and returns what it printed (escape codes kept) and its status. */
  async function refused(args: string[]) {
    writeFileSync(join(seeds.dir, 'f'), '');
    const session = seeds.track(
      spawnCli(['review', '--annotator', 'alice', ...args], { cwd: seeds.dir }),
    );
    // Before the fix a store that is a file left a blank screen for ever: give up in the end.
    const timeout = new Promise<{ exitCode: number }>((resolve) =>
      setTimeout(() => resolve({ exitCode: -1 }), patience(2_000)).unref(),
    );
    const { exitCode } = await Promise.race([session.exited, timeout]);
    return { exitCode, output: session.raw() };
  }

  it.each([
    [['-c', 'f', '-s', 'x'], 'margin review: the corpus f is not a folder.'],
    [['-c', 'seeds', '-s', 'f'], 'margin review: the store f is not a folder.'],
    [
      ['-c', 'f/a', '-s', 'x'],
      'margin review: the corpus f/a: a part of its path is a file, not a folder.',
    ],
    [
      ['-c', 'seeds', '-s', 'f/a'],
      'margin review: the store f/a: a part of its path is a file, not a folder.',
    ],
    [['-c', 'nope', '-s', 'x'], 'margin review: the corpus nope does not exist.'],
  ])(
    '%j says so in one line and exits with status 2 before the screen changes',
    async (args, message) => {
      const { exitCode, output } = await refused(args);
      expect(output).toBe(`${message}\r\n`);
      expect(exitCode).toBe(2);
      expect(existsSync(join(seeds.dir, 'x'))).toBe(false);
    },
  );
});
