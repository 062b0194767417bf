import { cp, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import type { Command, CommandIO } from '../../source/commands/command.js';
import { runCommand } from '../../source/commands/run.js';

/** A corpus with the seeds and an article whose text has curly quotes, Cyrillic and emoji. */
export const UNICODE_ARTICLE = `Переговоры “soon”

“Мы готовы к переговорам 😀”, said the minister on Friday. Talks begin in Riyadh 🇺🇦 next week.

Prices rose 5% — a record 😀😀. Nobody said “no” to the plan.
`;

export interface Result {
  status: number;
  stdout: string;
  stderr: string;
}

/** A temp folder per test holding `corpus/` (seeds plus `uni.txt`) and room for stores. */
export function useWorkspace(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-export-'));
    made.push(dir);
    await cp(join(import.meta.dirname, '../../seeds'), join(dir, 'corpus'), { recursive: true });
    await writeFile(join(dir, 'corpus', 'uni.txt'), UNICODE_ARTICLE);
    return dir;
  };
}

/** Runs a command as the CLI would after meow parsed its flags (defaults filled in). */
export async function run(
  command: Command,
  dir: string,
  input: string[],
  flags: Record<string, unknown>,
  stdin: string | PassThrough = '',
  /** Called with each piece of stderr as it is written. */
  onStderr?: (piece: string) => void,
): Promise<Result> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => {
    err.push(chunk);
    onStderr?.(chunk.toString('utf8'));
  });
  const io: CommandIO = {
    stdout,
    stderr,
    stdin: typeof stdin === 'string' ? new PassThrough().end(stdin) : stdin,
    env: { MARGIN_ANNOTATOR: 'tester', XDG_CACHE_HOME: join(dir, 'cache') },
    cwd: dir,
  };
  const status = await runCommand(
    command,
    input,
    { corpus: 'corpus', store: 'store', ...flags },
    io,
  );
  return {
    status,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
  };
}

/** As files that came with `git pull` an hour ago, `seconds` apart: the index trusts their rows. */
export async function age(path: string, seconds = 0) {
  const then = new Date(Date.now() - 3600_000 + seconds * 1000);
  await utimes(path, then, then);
}

/**
 * The folder of the workspace's store indexes: deleted, the next command reads every store file
 * again. The corpus index beside it stays: building it again cleans every article on a new
 * thread, which the tests of a store changed behind its index do not need.
 */
export function storeIndexes(dir: string): string {
  return join(dir, 'cache', 'margin', 'stores');
}
