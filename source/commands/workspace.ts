import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { CommandIO } from '../commands/command.js';
import { defaultCacheDir, loadCorpus } from '../corpus/index.js';
import type { Article } from '../corpus/types.js';
import {
  createMemoryRepository,
  openRepository,
  type Repository,
  resolveAnnotator,
} from '../store/index.js';
import { safeJson } from '../text/visible.js';

/** The corpus and the store as the export, import, stats and agree commands see them. */
export interface Workspace {
  articles: Article[];
  byId: Map<string, Article>;
  repository: Repository;
  /** The store folder, absolute. */
  storeRoot: string;
  /** Corpus files that could not be read and store files that were refused (reported on stderr). */
  problems: number;
}

/**
 * Loads the corpus and opens the store, reporting unreadable articles and refused store files on
 * stderr (they are left out; the rest goes on, and the command then exits with status 1).
 * Returns null, after saying why, when the corpus folder itself is missing or the store is not a
 * folder. `annotator` is who the repository writes as (only import writes). A command that only
 * `reads` never creates the store: where there is none, it sees an empty one and says so.
 */
export async function openWorkspace(
  command: string,
  flags: Record<string, unknown>,
  io: CommandIO,
  annotator?: string,
  { reads = false }: { reads?: boolean } = {},
): Promise<Workspace | null> {
  const corpus = String(flags.corpus ?? 'seeds');
  const store = String(flags.store ?? 'annotations');
  const root = isAbsolute(corpus) ? corpus : join(io.cwd, corpus);
  let articles: Article[];
  let problems = 0;
  try {
    const load = await loadCorpus(root, { cacheDir: defaultCacheDir(io.env) });
    for (const problem of load.problems) {
      io.stderr.write(`margin ${command}: ${problem.message.replace(root, () => corpus)}\n`);
    }
    articles = load.articles;
    problems += load.problems.length;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`margin ${command}: ${message.replace(root, () => corpus)}\n`);
    return null;
  }
  const storeRoot = isAbsolute(store) ? store : join(io.cwd, store);
  const found = await stat(storeRoot).catch(() => null);
  if (found && !found.isDirectory()) {
    io.stderr.write(`margin ${command}: ${store} is not a folder, so not an annotation store\n`);
    return null;
  }
  let repository: Repository;
  if (!found && reads) {
    io.stderr.write(`margin ${command}: ${store} does not exist: no annotations yet\n`);
    repository = createMemoryRepository(readerName(io.env));
    await repository.open(articles);
  } else {
    repository = await openRepository({
      root: storeRoot,
      display: store,
      annotator: annotator ?? readerName(io.env),
      articles,
    });
  }
  for (const problem of repository.problems()) {
    io.stderr.write(`margin ${command}: ${problem.message}\n`);
  }
  problems += repository.problems().length;
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    repository,
    storeRoot,
    problems,
  };
}

/** Reading commands never write, so any name will do when none is configured. */
function readerName(env: NodeJS.ProcessEnv): string {
  try {
    return resolveAnnotator(undefined, env);
  } catch {
    return 'margin';
  }
}

/** A meow string flag declared `isMultiple`, as a clean list. */
export function listFlag(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((item) => item.length > 0);
  return typeof value === 'string' && value.length > 0 ? [value] : [];
}

/**
 * Writes to stdout and waits until it is flushed. A reader that stops early (`| head`) closes the
 * pipe: that ends the output quietly instead of with a stack trace.
 */
export async function writeStdout(io: CommandIO, text: string | string[]): Promise<void> {
  const parts = typeof text === 'string' ? [text] : text;
  let closed = false;
  let failure: Error | null = null;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else failure ??= error;
  };
  // Stays on: the socket reports a closed pipe as an event too, after the write's callback.
  io.stdout.on('error', onError);
  for (const part of parts) {
    if (closed || failure) break;
    // One part at a time, each flushed before the next: memory stays bounded on a slow reader.
    await new Promise<void>((resolve) => {
      io.stdout.write(part, (error) => {
        if (error) onError(error);
        resolve();
      });
    });
  }
  if (failure) throw failure;
}

/**
 * A team report on stdout: with `--json` the figures as JSON, otherwise drawn to the terminal's
 * width (80 columns when stdout is not a terminal).
 */
export async function writeReport<R>(
  io: CommandIO,
  json: boolean,
  report: R,
  render: (report: R, width: number) => string,
): Promise<void> {
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 80;
  await writeStdout(io, json ? `${safeJson(report, 2)}\n` : render(report, width));
}
