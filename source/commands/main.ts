import type { Command, CommandIO } from './command.js';
import { plainFlags } from './flags.js';
import { separateFreeText } from './free-text.js';
import { commandGuess, expandHelp, missingValue, optionGuess, unknownOption } from './options.js';
import { Output } from './output.js';
import { runCommand } from './run.js';

/** What `margin --help` and `--version` say of the package (its package.json). */
export interface About {
  version: string;
  description: string;
}

/**
 * Commands by name, each loaded only when it runs: every one (`commands/index.ts`), or `search`
 * alone in the bundle `margin search` runs (`cli/search.ts`).
 */
export type Commands = Record<string, () => Promise<Command>>;

async function overview(about: About, commands: Commands): Promise<string> {
  const rows: string[] = [];
  for (const [name, load] of Object.entries(commands)) {
    const command = await load();
    rows.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  return [
    about.description,
    '',
    'Usage',
    '  $ margin [COMMAND] [options]',
    '',
    'Commands (default: review)',
    ...rows,
    '',
    'Run `margin COMMAND --help` for the options of a command.',
  ].join('\n');
}

/**
 * What `margin ARGV` does, as a status to exit with: the command named (or the review), its
 * options checked and parsed, or the help, the version or why the line cannot run. `cli/main.ts`
 * hands it the process's streams; tests hand it their own to run a line without a process.
 */
export async function main(
  argv: string[],
  io: CommandIO,
  about: About,
  commands: Commands,
): Promise<number> {
  const first = argv[0];
  const general = new Output(io, '');
  if (first === '--version' || first === '-v') {
    await general.out(`${about.version}\n`);
    return 0;
  }
  // `margin help search` is `margin search --help`.
  if (first === 'help' && argv[1] !== undefined && commands[argv[1]]) {
    return main([argv[1], '--help'], io, about, commands);
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    await general.out(`${await overview(about, commands)}\n`);
    return 0;
  }
  const named = first !== undefined && !first.startsWith('-');
  const name = named ? first : 'review';
  const load = commands[name];
  if (!load) {
    general.say(
      `unknown command "${name}"${commandGuess(name, Object.keys(commands))}. Run \`margin --help\` for the list.`,
    );
    return 2;
  }
  const command = await load();
  const rest = expandHelp(named ? argv.slice(1) : argv, command.flags);
  const unknown = unknownOption(rest, command.flags, command.freeText);
  if (unknown !== undefined) {
    new Output(io, name).say(
      `unknown option ${unknown}${optionGuess(unknown, command.flags)}. Run \`margin ${name} --help\` for the options.`,
    );
    return 2;
  }
  const empty = missingValue(rest, command.flags, command.freeText);
  if (empty !== undefined) {
    new Output(io, name).say(
      `${empty} needs a value. Run \`margin ${name} --help\` for the options.`,
    );
    return 2;
  }
  const line = command.freeText ? separateFreeText(rest, command.flags) : rest;
  // meow prints the help and refuses what is odd; the plain lines of scripts do without it.
  const cli =
    plainFlags(line, command.flags) ??
    (await import('meow')).default(`Usage\n  $ margin ${await usageOf(command, line, io)}`, {
      importMeta: import.meta,
      argv: line,
      flags: command.flags,
      allowUnknownFlags: false,
      description: command.summary,
      version: about.version,
    });
  return runCommand(command, cli.input, cli.flags, io);
}

/** The usage as help prints it: with the project's corpus, store and labels (`help-text.ts`). */
async function usageOf(command: Command, line: string[], io: CommandIO): Promise<string> {
  const end = line.indexOf('--');
  if (!line.slice(0, end < 0 ? undefined : end).includes('--help')) return command.usage;
  const { projectUsage, withProjectOption } = await import('./help-text.js');
  const usage = 'project' in command.flags ? withProjectOption(command.usage) : command.usage;
  return projectUsage(usage, line, io);
}
