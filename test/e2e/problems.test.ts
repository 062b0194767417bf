import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { seedsCopyPerTest, spawnCli, WHOLE_SESSION } from './pty.js';

vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();

it('shows every problem in full on !, each escaped and wrapped, and goes back on Esc', async () => {
  // Pages scraped into folders deep enough that no problem line fits the list.
  const deep = join(
    'seeds',
    'scraped-pages-of-an-outlet-that-files-them-by-section',
    'world-europe',
  );
  mkdirSync(join(seeds.dir, deep), { recursive: true });
  const names = [1, 2, 3, 4].map((n) => `page-${n}-${'long-name-'.repeat(4)}end.txt`);
  names.push('page-\u001b[31mred.txt');
  for (const name of names)
    writeFileSync(join(seeds.dir, deep, name), Buffer.from([0, 1, 2, 0xff]));
  // A store file a command would name as annotations/alice/…: the panel names it so too.
  mkdirSync(join(seeds.dir, 'annotations', 'alice'), { recursive: true });
  writeFileSync(join(seeds.dir, 'annotations', 'alice', '000_4b207f45d15cbf96.json'), '{');
  const s = seeds.track(
    spawnCli(['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations'], {
      cwd: seeds.dir,
      cols: 100,
      rows: 30,
      env: { NO_COLOR: '1', MARGIN_ANNOTATOR: 'alice' },
    }),
  );
  // The corpus's five problems, and the store's sixth when the store opened before the first
  // frame (it may open after, on a loaded machine or before it).
  await s.waitFor(
    (t) => t.includes('article 1 of 5') && /[56] problems in all: ! shows them in full/.test(t),
    'the list with its problems',
  );
  s.write('!');
  await s.waitFor((t) => t.includes('6 problems (Esc or ! closes)'), 'the problems panel');
  // Each file as the user named its folder (--corpus seeds, --store annotations), as commands
  // name it; the panel showed absolute paths before.
  const starts = s
    .screen()
    .filter((line) => line.startsWith('⚠ '))
    .map((line) => line.slice(2).split('/')[0]);
  expect(starts.sort()).toEqual(['annotations', ...names.map(() => 'seeds')]);
  // Each problem whole: its file's name and what is wrong, over as many lines as it takes.
  const joined = s
    .screen()
    .map((line) => line.replace(/^[⚠ ] /, ''))
    .join('');
  for (const name of names.slice(0, 4)) expect(joined).toContain(`${name}: not a text file`);
  for (const line of s.screen()) expect(line.length).toBeLessThanOrEqual(100);
  // A name's escape sequence is shown, never sent to the terminal.
  // (Its line wraps after the colon: the joined lines lose the space there.)
  expect(joined.replaceAll(' ', '')).toContain('page-\\u001b[31mred.txt:notatextfile');
  expect(s.raw()).not.toContain('\u001b[31mred');
  s.write('\u001b');
  await s.waitFor((t) => t.includes('article 1 of 5') && t.includes('shows them in full'), 'back');
  s.write('q');
  await s.exited;
});

it('keeps every listed title on screen when two long problems take three lines', async () => {
  // At 70 × 15 two problems cut at the width take three lines (two and "! shows them in full");
  // the list counted two, and Ink squeezed its entries until their titles were blank lines.
  for (const n of [1, 2])
    writeFileSync(
      join(seeds.dir, 'seeds', `page-${n}-${'long-name-'.repeat(5)}end.txt`),
      Buffer.from([0, 1, 2, 0xff]),
    );
  const s = seeds.track(
    spawnCli(['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations'], {
      cwd: seeds.dir,
      cols: 70,
      rows: 15,
      env: { NO_COLOR: '1' },
    }),
  );
  await s.waitFor((t) => t.includes('2 problems in all: ! shows them in full'), 'the problems');
  const titles = [
    'Russia said on Friday',
    'Putin-Trump Meeting',
    'Putin’s Ukraine',
    'Kremlin says',
  ];
  for (const title of titles) expect(s.screen().some((line) => line.includes(title))).toBe(true);
  s.write('q');
  await s.exited;
});
