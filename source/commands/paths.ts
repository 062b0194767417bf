import { isAbsolute, join } from 'node:path';
import type { CommandIO } from './command.js';

/** A path as the command line gave it, resolved against the folder the command runs in. */
export function fromCwd(io: CommandIO, path: string): string {
  return isAbsolute(path) ? path : join(io.cwd, path);
}
