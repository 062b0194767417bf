import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { workerScript } from '../../source/corpus/worker-script.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A checkout holding tsc's clean-worker.js and the bundle's, written `tscAt` and `bundleAt`. */
function checkout(tscAt: number | null, bundleAt: number | null): string {
  const root = mkdtempSync(join(tmpdir(), 'margin-worker-script-'));
  made.push(root);
  const write = (path: string, at: number | null) => {
    if (at === null) return;
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), at, at);
  };
  write('dist/corpus/db/clean-worker.js', tscAt);
  write('dist/chunks/clean-worker.js', bundleAt);
  return root;
}

const fromSource = (root: string) =>
  workerScript('./clean-worker.js', pathToFileURL(join(root, 'source/corpus/db/pool.ts')).href);

describe('a worker thread started from source/ (the tests)', () => {
  it('runs the bundle when it was made after tsc wrote dist/', () => {
    const root = checkout(1_000, 2_000);
    expect(fromSource(root).pathname).toBe(join(root, 'dist/chunks/clean-worker.js'));
  });

  it('runs tsc’s dist/ when tsc wrote it after the bundle, or there is no bundle', () => {
    const later = checkout(3_000, 2_000);
    expect(fromSource(later).pathname).toBe(join(later, 'dist/corpus/db/clean-worker.js'));
    const alone = checkout(1_000, null);
    expect(fromSource(alone).pathname).toBe(join(alone, 'dist/corpus/db/clean-worker.js'));
  });

  it('a module run from dist/ starts the script beside it', () => {
    const root = checkout(1_000, 2_000);
    const base = pathToFileURL(join(root, 'dist/corpus/db/pool.js')).href;
    expect(workerScript('./clean-worker.js', base).pathname).toBe(
      join(root, 'dist/corpus/db/clean-worker.js'),
    );
  });
});
