import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The crash and concurrency tests run the store in child processes from `dist/` (`npm test`
 * builds it first); when run alone after editing the store, rebuild so they test current code.
 */
export function ensureBuiltStore(): void {
  const built = `${repoRoot}dist/store/index.js`;
  const sources = `${repoRoot}source/store/`;
  const builtAt = mtime(built);
  const newest = Math.max(...readdirSync(sources).map((name) => mtime(sources + name)));
  if (builtAt >= newest) return;
  try {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: repoRoot, stdio: 'ignore' });
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
