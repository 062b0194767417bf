import { commands } from '../commands/index.js';
import type { About } from '../commands/main.js';
import { runCli } from './main.js';

/** Every command but `margin search` run alone (`cli.tsx`): one import, not two, before any. */
export function run(argv: string[], about: About): Promise<void> {
  return runCli(argv, commands, about);
}
