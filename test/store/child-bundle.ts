import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { patience } from '../helpers/patience.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A script of `child/` bundled from the current sources with esbuild, for the tests that start it
 * as a process many times: a child loading tsc's `dist/store/` module by module took 0.35 s of
 * CPU, one loading a bundle 0.2 s, and the crash tests start some 70. Bundled from `source/`, it
 * runs the code under test even before `npm run build`. The bundle sits under
 * `node_modules/.cache/`, where better-sqlite3, left out of it, is found as `dist/` finds it.
 * Returns the bundle's path, known once the file's `beforeAll` has run.
 */
export function childBundle(name: string): () => string {
  let folder = '';
  beforeAll(async () => {
    const cache = join(repoRoot, 'node_modules/.cache/margin-test');
    await mkdir(cache, { recursive: true });
    folder = await mkdtemp(join(cache, `${name}-`));
    await build({
      absWorkingDir: repoRoot,
      entryPoints: [fileURLToPath(new URL(`./child/${name}.ts`, import.meta.url))],
      outfile: join(folder, `${name}.mjs`),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      // Bundled CommonJS dependencies call require() for Node's own modules.
      banner: {
        js: "import { createRequire as __childRequire } from 'node:module'; const require = __childRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
  }, patience(10_000));
  afterAll(() => rm(folder, { recursive: true, force: true }));
  return () => join(folder, `${name}.mjs`);
}
