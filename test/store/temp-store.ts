import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp folder per test, removed afterwards. */
export function useTempFolder(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
  });
  return async () => {
    const folder = await mkdtemp(join(tmpdir(), 'margin-store-'));
    made.push(folder);
    return folder;
  };
}

/** A clock that ticks one second per call from a fixed instant, and ids a-1, a-2, … */
export function fixedOptions() {
  let tick = 0;
  let id = 0;
  return {
    now: () => new Date(Date.UTC(2026, 0, 2, 3, 4, 5) + 1000 * tick++),
    newId: () => `a-${++id}`,
  };
}
