import type { Command, CommandIO } from './command.js';
import { CannotRun, Output } from './output.js';

/**
 * Runs a command with its parsed arguments and maps what it threw to an exit status, in one
 * place: 2 when it could not run at all (`CannotRun`, its message says why), 1 for anything
 * else, which is a bug rather than bad input: one line naming the command instead of a stack
 * trace, unless MARGIN_DEBUG asks for it.
 */
export async function runCommand(
  command: Command,
  input: string[],
  flags: Record<string, unknown>,
  io: CommandIO,
): Promise<number> {
  const output = new Output(io, command.name);
  try {
    return await command.run(input, flags, io, output);
  } catch (error) {
    return failed(error, output, io.env);
  }
}

export function failed(error: unknown, output: Output, env: NodeJS.ProcessEnv): number {
  if (error instanceof CannotRun) {
    for (const line of error.lines) output.say(line);
    return 2;
  }
  output.say(error instanceof Error ? error.message : String(error));
  if (env.MARGIN_DEBUG && error instanceof Error && error.stack) output.detail(error.stack);
  return 1;
}
