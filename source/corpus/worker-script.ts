import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's script, `name` beside the module at `base` (its `import.meta.url`): the bundle
 * puts each worker's script in `dist/chunks/` beside the chunk that starts it, and tsc's `dist/`
 * has it beside the module; a module run from `source/` (the tests) starts the one in `dist/`.
 */
export function workerScript(name: string, base: string): URL {
  const here = new URL(name, base);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL(here.href.replace('/source/', '/dist/'));
}
