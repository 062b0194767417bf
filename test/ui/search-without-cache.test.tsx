import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startReviewSession } from '../../source/commands/review-session.js';
import { eventually } from '../helpers/patience.js';
import { openTestStore, reviewOnFakeTerminal } from './review-terminal.js';

const SEEDS = join(import.meta.dirname, '../../seeds');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'margin-no-cache-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('searches the corpus when its cache folder cannot be written', async () => {
  // A cache folder under a file: no folder can be made there, so the corpus index lives in memory.
  const file = join(dir, 'not-a-folder');
  await writeFile(file, '');
  const session = await startReviewSession(SEEDS, openTestStore, join(file, 'margin'));
  const { stdin, running, screen, controller } = reviewOnFakeTerminal(session);
  try {
    await eventually(() => (controller.getState().storeOpen ? true : undefined), 'the store', 5000);
    stdin.write('/');
    stdin.write('Witkov');
    stdin.write('\r');
    // Witkov in 004, and every Witkoff sentence: as with a cache folder (`margin search Witkov`).
    await eventually(
      () => (/result 1 of \d+/.test(screen()) ? true : undefined),
      'the first result',
      5000,
      screen,
    );
    expect(screen()).toMatch(/result 1 of 18\b/);
  } finally {
    stdin.write('\u001b');
    stdin.write('q');
    await running;
    await session.close();
  }
});
