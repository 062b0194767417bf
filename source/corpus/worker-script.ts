import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's script, `name` beside the module at `base` (its `import.meta.url`): the bundle
 * puts each worker's script in `dist/chunks/` beside the chunk that starts it, and tsc's `dist/`
 * has it beside the module. A module run from `source/` (the tests) starts the bundled one when
 * the bundle was made after tsc last wrote `dist/`: a thread loading the bundle took 0.13 s of
 * CPU, one loading tsc's hundred-odd modules 0.48 s, and the suite starts hundreds of threads.
 * After a lone `tsc` the bundle may be older than the code: tsc's.
 */
export function workerScript(name: string, base: string): URL {
  const here = new URL(name, base);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL(here.href.replace('/source/', '/dist/'));
  const bundled = new URL(`${rootOf(built)}dist/chunks/${basename(fileURLToPath(built))}`);
  return modified(bundled) > modified(built) ? bundled : built;
}

/** The folder holding `dist/`, as a URL ending in a slash. */
function rootOf(built: URL): string {
  return built.href.slice(0, built.href.lastIndexOf('/dist/') + 1);
}

/** When the file was last written; -1 when there is none. */
function modified(file: URL): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
