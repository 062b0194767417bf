import { command } from '../commands/search.js';
import { type Package, runCli } from './main.js';

/**
 * `margin search` alone, bundled as one script of its own (`dist/chunks/search-cli.cjs`, by
 * scripts/bundle.mjs) that `cli.tsx` runs from V8's code cache (`compiled.ts`), rather than as
 * the thirty ES modules the commands share.
 */
export function run(argv: string[], pkg: Package): Promise<void> {
  return runCli(argv, { search: async () => command }, pkg);
}
