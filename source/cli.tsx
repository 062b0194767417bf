#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import meow from 'meow';
import type { CommandIO } from './commands/command.js';
import { separateFreeText } from './commands/free-text.js';
import { commands } from './commands/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
  description: string;
};

const io: CommandIO = {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
};

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
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(`${await overview()}\n`);
    return 0;
  }
  const named = first !== undefined && !first.startsWith('-');
  const name = named ? first : 'review';
  const load = commands[name];
  if (!load) {
    io.stderr.write(`margin: unknown command "${name}". Run \`margin --help\` for the list.\n`);
    return 2;
  }
  const command = await load();
  const rest = named ? argv.slice(1) : argv;
  const cli = meow(`Usage\n  $ margin ${command.usage}`, {
    importMeta: import.meta,
    argv: command.freeText ? separateFreeText(rest, command.flags) : rest,
    flags: command.flags,
    allowUnknownFlags: false,
    description: command.summary,
    version: pkg.version,
  });
  return command.run(cli.input, cli.flags, io);
}

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    // A bug, not bad input: say so in one line rather than a stack trace, unless asked.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`margin: ${message}\n`);
    if (process.env.MARGIN_DEBUG) console.error(error);
    process.exitCode = 1;
  },
);
