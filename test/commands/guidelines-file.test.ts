import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { seedsCopyPerTest, spawnCli, WHOLE_SESSION } from '../e2e/pty.js';

vi.setConfig({ testTimeout: WHOLE_SESSION });

const seeds = seedsCopyPerTest();

/**
 * A guidelines file that cannot be shown (not there yet, a folder, a named pipe that nobody
 * writes) must neither stop nor hang the review: it starts, and `!` says why.
 */
it.each([
  ['missing', 'GUIDELINES.md', 'no such file or folder'],
  ['a folder', 'guides', 'it is a folder'],
  ['a named pipe', 'pipe.md', 'not a regular file'],
])('guidelines that are %s: the review starts and ! names the reason', async (_, name, why) => {
  mkdirSync(join(seeds.dir, 'guides'));
  execFileSync('mkfifo', [join(seeds.dir, 'pipe.md')]);
  writeFileSync(
    join(seeds.dir, 'margin.json'),
    JSON.stringify({ corpus: 'seeds', store: 'annotations', guidelines: name }),
  );
  const s = seeds.track(
    spawnCli(['--no-suggestions'], {
      cwd: seeds.dir,
      cols: 160,
      rows: 30,
      env: { NO_COLOR: '1', MARGIN_ANNOTATOR: 'alice' },
    }),
  );
  await s.waitFor(
    (t) => t.includes('article 1 of 5') && t.includes(`⚠ margin.json: guidelines: ${name}:`),
    'the review, the guidelines named as a problem',
  );
  s.write('!');
  await s.waitFor((t) => t.includes('(Esc or ! closes)'), 'the problems panel');
  const joined = s
    .screen()
    .map((line) => line.replace(/^[⚠ ] /, '').trimEnd())
    .join('');
  expect(joined).toContain(
    `margin.json: guidelines: ${name}: ${why}; the review goes on without them`,
  );
  s.write('\u001b');
  s.write('q');
  expect((await s.exited).exitCode).toBe(0);
});
