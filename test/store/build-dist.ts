import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The crash and concurrency tests run the store in child processes from `dist/` (`npm test`
 * builds it first); when run alone after editing the store, rebuild so they test current code.
 * The build runs beside the worker, not in it: a synchronous one held the worker's event loop for
 * over a minute on a loaded machine, and vitest then failed the run on its own message timeout.
 */
export async function ensureBuiltStore(): Promise<void> {
  const built = `${repoRoot}dist/store/index.js`;
  const sources = `${repoRoot}source/store/`;
  const builtAt = mtime(built);
  const newest = Math.max(...readdirSync(sources).map((name) => mtime(sources + name)));
  if (builtAt >= newest) return;
  try {
    await promisify(execFile)('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: repoRoot });
  } catch {
    // Type errors elsewhere in the tree do not stop tsc from emitting the store.
  }
  if (mtime(built) < newest) throw new Error('could not build dist/store for the child processes');
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}
