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
  const s = seeds.track(
    spawnCli(['--no-suggestions', '--corpus', 'seeds', '--store', 'annotations'], {
      cwd: seeds.dir,
      cols: 100,
      rows: 30,
      env: { NO_COLOR: '1', MARGIN_ANNOTATOR: 'alice' },
    }),
  );
  await s.waitFor(
    (t) => t.includes('article 1 of 5') && t.includes('5 problems in all: ! shows them in full'),
    'the list with its problems',
  );
  s.write('!');
  await s.waitFor((t) => t.includes('5 problems (Esc or ! closes)'), 'the problems panel');
  // Each problem whole: its file's name and what is wrong, over as many lines as it takes.
  const joined = s
    .screen()
    .map((line) => line.replace(/^[⚠ ] /, ''))
    .join('');
  for (const name of names.slice(0, 4)) expect(joined).toContain(`${name}: not a text file`);
  for (const line of s.screen()) expect(line.length).toBeLessThanOrEqual(100);
  // A name's escape sequence is shown, never sent to the terminal.
  expect(joined).toContain('page-\\u001b[31mred.txt: not a text file');
  expect(s.raw()).not.toContain('\u001b[31mred');
  s.write('\u001b');
  await s.waitFor((t) => t.includes('article 1 of 5') && t.includes('shows them in full'), 'back');
  s.write('q');
  await s.exited;
});
