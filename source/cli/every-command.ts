import { commands } from '../commands/index.js';
import { type Package, runCli } from './main.js';

/** Every command but `margin search` run alone (`cli.tsx`): one import, not two, before any. */
export function run(argv: string[], pkg: Package): Promise<void> {
  return runCli(argv, commands, pkg);
}
