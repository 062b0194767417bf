import type { About } from '../commands/main.js';
import { command } from '../commands/search.js';
import { runCli } from './main.js';

export { exitWhenWritten } from './main.js';

/**
 * `margin search` alone, bundled as one script of its own (`dist/chunks/search-cli.cjs`, by
 * scripts/bundle.mjs) that `cli.tsx` runs from V8's code cache (`compiled.ts`), rather than as
 * the thirty ES modules the commands share.
 */
export function run(argv: string[], about: About): Promise<void> {
  return runCli(argv, { search: async () => command }, about);
}
