import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startReviewSession } from '../../source/commands/review-session.js';
import { eventually } from '../helpers/patience.js';
import { openTestStore, reviewOnFakeTerminal } from './review-terminal.js';

it('names an unreadable corpus file once under the list', async () => {
  const corpus = await mkdtemp(join(tmpdir(), 'margin-warn-'));
  try {
    await writeFile(join(corpus, 'a.txt'), 'A fine sentence. Another fine one.\n');
    await writeFile(join(corpus, 'empty.txt'), '');
    const session = await startReviewSession(corpus, openTestStore, null);
    const { stdin, running, screen } = reviewOnFakeTerminal(session, 'c');
    await eventually(
      () => (screen().includes('⚠') ? true : undefined),
      'the warning',
      1000,
      screen,
    );
    const warning = screen()
      .split('\n')
      .find((line) => line.includes('⚠'));
    expect(warning?.trimEnd()).toBe(`⚠ ${join(corpus, 'empty.txt')}: empty file`);
    stdin.write('q');
    await running;
  } finally {
    await rm(corpus, { recursive: true, force: true });
  }
});
