import { cp, mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach } from 'vitest';
import type { Command, CommandIO } from '../../source/commands/command.js';
import { runCommand } from '../../source/commands/run.js';
import { indexFile, openCorpusIndex } from '../../source/corpus/db/open.js';

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

/**
 * A temp folder per test holding `corpus/` (seeds plus `uni.txt`) and room for stores.
 *
 * `indexedCorpus`: the corpus comes an hour old, as files from a `git pull`, with its index
 * already in the workspace's cache, as after an earlier command. Building the index cleans the
 * six articles on a new thread, some 250 ms of CPU: paid once per worker (`indexedTemplate`)
 * rather than once per test, for the tests that are not about how the corpus index is built.
 */
export function useWorkspace(options: { indexedCorpus?: boolean } = {}): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'margin-export-'));
    made.push(dir);
    if (options.indexedCorpus) {
      template ??= indexedTemplate();
      await copyIndexed(await template, dir);
    } else {
      await fillCorpus(dir);
    }
    return dir;
  };
}

async function fillCorpus(dir: string): Promise<void> {
  await cp(join(import.meta.dirname, '../../seeds'), join(dir, 'corpus'), { recursive: true });
  await writeFile(join(dir, 'corpus', 'uni.txt'), UNICODE_ARTICLE);
}

/** The folder whose corpus and index each indexed workspace copies, made once per worker. */
let template: Promise<string> | undefined;

/**
 * The corpus, dated an hour back (a file changed within the last moments is read again at each
 * look, whatever the index holds), and its index as a command builds it. In the suite's cache
 * folder, which goes when the run ends.
 */
async function indexedTemplate(): Promise<string> {
  const base = await mkdtemp(join(process.env.XDG_CACHE_HOME ?? tmpdir(), 'margin-workspace-'));
  await fillCorpus(base);
  const corpus = join(base, 'corpus');
  for (const name of await readdir(corpus)) await age(join(corpus, name));
  await age(corpus);
  const { index } = await openCorpusIndex(corpus, { cacheDir: join(base, 'cache', 'margin') });
  index.close();
  return base;
}

/** The template's corpus, times kept, and its index under the name the copy's path gives it. */
async function copyIndexed(base: string, dir: string): Promise<void> {
  await cp(join(base, 'corpus'), join(dir, 'corpus'), {
    recursive: true,
    preserveTimestamps: true,
  });
  const corpus = join(dir, 'corpus');
  const stamp = await stat(join(base, 'corpus'));
  await utimes(corpus, stamp.atime, stamp.mtime);
  const from = indexFile(join(base, 'cache', 'margin'), join(base, 'corpus'));
  const to = indexFile(join(dir, 'cache', 'margin'), corpus);
  await mkdir(dirname(to), { recursive: true });
  for (const name of await readdir(dirname(from))) {
    if (!name.startsWith(basename(from))) continue;
    const suffix = name.slice(basename(from).length);
    await cp(join(dirname(from), name), `${to}${suffix}`, { preserveTimestamps: true });
  }
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
