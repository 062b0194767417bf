import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built CLI (`npm test` builds first), as a user stops it: `| head`, or Ctrl+C.
const cli = join(import.meta.dirname, '../../dist/cli.js');
const scratch = await mkdtemp(join(tmpdir(), 'margin-story-stop-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const TOWNS = ['Eskdale', 'Pomorin', 'Karsava', 'Ostby', 'Halvard', 'Brenmoor', 'Tallin', 'Varn'];
const WHAT = [
  'trucks were stranded near the river crossing',
  'families were moved from the flooded valley',
  'schools stayed closed after the storm',
  'roads were blocked by fallen trees',
  'boats were kept in the harbour by the wind',
  'homes lost power overnight',
  'bridges were shut for inspection',
  'trains were cancelled along the coast',
];

// 150 articles telling the same 8 things with other figures: 8 groups of 150, a report (with
// --all) of some 320 KB, more than a pipe and the reader's buffer hold, so the command is still
// writing when its reader goes.
beforeAll(async () => {
  await mkdir(join(scratch, 'corpus'));
  await mkdir(join(scratch, 'store'));
  for (let n = 0; n < 150; n++) {
    const sentences = TOWNS.map(
      (town, k) =>
        `Officials in ${town} said ${100 + k * 10 + (n % 7)} ${WHAT[k]} on Monday, after a week in which the regional council, the port authority and the weather service each warned that the ${town} district would be the first to feel the storm.`,
    );
    await writeFile(
      join(scratch, 'corpus', `a${String(n).padStart(3, '0')}.txt`),
      `${sentences.join('\n\n')}\n`,
    );
  }
});

/**
 * `margin story` over that corpus, stopped by `stop` once its first bytes (the largest group)
 * have arrived: how it ended, what it said on stderr and what it wrote first.
 */
function stopped(stop: (child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, [cli, 'story', '--all', '-c', 'corpus', '-s', 'store'], {
    cwd: scratch,
    env: { ...process.env, XDG_CACHE_HOME: join(scratch, 'cache'), MARGIN_DEBUG: '' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let first = '';
  child.stdout!.once('data', (chunk: Buffer) => {
    first = chunk.toString();
    stop(child);
  });
  return new Promise<{ code: number | null; signal: string | null; stderr: string; first: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr, first })),
  );
}

describe('margin story, stopped while it writes', () => {
  it('ends with status 0 and says nothing when the reader closes the pipe, as `| head` does', async () => {
    const ended = await stopped((child) => child.stdout!.destroy());
    expect(ended.first).toMatch(
      /^story-[0-9a-f]{12} {2}event · 150 sentences in 150 articles of unknown source/,
    );
    expect({ code: ended.code, signal: ended.signal, stderr: ended.stderr }).toEqual({
      code: 0,
      signal: null,
      stderr: '',
    });
  });

  it('ends at Ctrl+C (SIGINT) as the signal says, with no stack trace', async () => {
    // The reader stops reading: the command waits on the full pipe when the signal comes.
    const ended = await stopped((child) => {
      child.stdout!.pause();
      child.kill('SIGINT');
    });
    expect(ended.first).toMatch(/^story-/);
    expect({ code: ended.code, signal: ended.signal, stderr: ended.stderr }).toEqual({
      code: null,
      signal: 'SIGINT',
      stderr: '',
    });
  });
});
