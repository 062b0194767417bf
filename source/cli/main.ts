import type { Command, CommandIO } from '../commands/command.js';
import { plainFlags } from '../commands/flags.js';
import { separateFreeText } from '../commands/free-text.js';
import {
  commandGuess,
  expandHelp,
  missingValue,
  optionGuess,
  unknownOption,
} from '../commands/options.js';
import { Output } from '../commands/output.js';
import { failed, runCommand } from '../commands/run.js';

/** What `--version` and `--help` say of margin: its package.json, read by `cli.tsx`. */
export interface Package {
  version: string;
  description: string;
}

/** Commands by name, each loaded only when it runs. */
export type Commands = Record<string, () => Promise<Command>>;

/**
 * Runs margin with `argv` (without node and the script) over the commands of `commands`, and sets
 * the process's exit status. `cli.tsx` hands every command here, or only `search` from the
 * bundle of its own that `margin search` loads.
 */
export function runCli(argv: string[], commands: Commands, pkg: Package): Promise<void> {
  const io: CommandIO = {
    stdout: process.stdout,
    stderr: process.stderr,
    // Node makes process.stdin on first use (15 ms): only commands that read it pay for it.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };

  /**
   * A reader that stops early (`margin list | head -1`) closes the pipe: the rest of the output has
   * nowhere to go, and that is no error. Later writes are dropped; the command ends as it would.
   */
  function quietWhenClosed(stream: NodeJS.WriteStream): void {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        stream.destroy();
        return;
      }
      if (stream !== process.stderr)
        process.exitCode = failed(error, new Output(io, ''), process.env);
    });
  }
  quietWhenClosed(process.stdout);
  quietWhenClosed(process.stderr);

  async function overview(): Promise<string> {
    const rows: string[] = [];
    for (const [name, load] of Object.entries(commands)) {
      const command = await load();
      rows.push(`  ${name.padEnd(10)} ${command.summary}`);
    }
    return [
      pkg.description,
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

  async function main(argv: string[]): Promise<number> {
    const first = argv[0];
    const general = new Output(io, '');
    if (first === '--version' || first === '-v') {
      await general.out(`${pkg.version}\n`);
      return 0;
    }
    // `margin help search` is `margin search --help`.
    if (first === 'help' && argv[1] !== undefined && commands[argv[1]]) {
      return main([argv[1], '--help']);
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      await general.out(`${await overview()}\n`);
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
      (await import('meow')).default(`Usage\n  $ margin ${await usageOf(command.usage, line)}`, {
        importMeta: import.meta,
        argv: line,
        flags: command.flags,
        allowUnknownFlags: false,
        description: command.summary,
        version: pkg.version,
      });
    return runCommand(command, cli.input, cli.flags, io);
  }

  /** The usage as help prints it: with the project's corpus, store and labels (`help-text.ts`). */
  async function usageOf(usage: string, line: string[]): Promise<string> {
    const end = line.indexOf('--');
    if (!line.slice(0, end < 0 ? undefined : end).includes('--help')) return usage;
    return (await import('../commands/help-text.js')).projectUsage(usage, line, io);
  }

  return main(argv).then(
    (status) => {
      // A failed write to stdout reported by its listener above is not undone by a command's 0.
      process.exitCode = Math.max(status, Number(process.exitCode ?? 0));
    },
    (error: unknown) => {
      process.exitCode = failed(error, new Output(io, ''), process.env);
    },
  );
}
