import { readdir, stat } from 'node:fs/promises';
import type { CorpusIndex } from '../corpus/corpus-index.js';
import type { Article } from '../corpus/types.js';
import {
  createMemoryRepository,
  openRepository,
  type Repository,
  resolveAnnotator,
} from '../store/index.js';
import type { CommandIO } from './command.js';
import { openCorpus } from './corpus.js';
import { CannotRun, type Output } from './output.js';
import { fromCwd } from './paths.js';

/** The corpus and the store as the export, import, stats, agree, orphans and search commands see them. */
export interface Workspace {
  corpus: CorpusIndex;
  repository: Repository;
  /** The store folder, absolute. */
  storeRoot: string;
}

/**
 * Opens the corpus index (bringing it up to the folder) and the store, naming unreadable
 * articles and refused store files (they are left out; the rest goes on, and the command then
 * ends with status 1). Throws `CannotRun` when the corpus folder itself is missing or the store
 * is not a folder. `annotator` is who the repository writes as (only import `writes`). A command
 * that only `reads` never creates the store: where there is none, it sees an empty one and says
 * so. The caller closes `corpus` when done.
 */
export async function openWorkspace(
  flags: Record<string, unknown>,
  io: CommandIO,
  output: Output,
  {
    annotator,
    reads = false,
    writes = false,
  }: { annotator?: string | undefined; reads?: boolean; writes?: boolean } = {},
): Promise<Workspace> {
  const store = String(flags.store ?? 'annotations');
  const { index, shown } = await openCorpus(String(flags.corpus ?? 'seeds'), io, output);
  for (const problem of index.problems()) output.problem(shown(problem.message));
  const storeRoot = fromCwd(io, store);
  const found = await stat(storeRoot).catch(() => null);
  if (found && !found.isDirectory()) {
    index.close();
    throw new CannotRun(`${store} is not a folder, so not an annotation store`);
  }
  let repository: Repository;
  if (!found && reads) {
    output.say(`${store} does not exist: no annotations yet`);
    repository = createMemoryRepository(readerName(io.env));
    await repository.open([]);
  } else {
    repository = await openRepository({
      root: storeRoot,
      display: store,
      annotator: annotator ?? readerName(io.env),
      articles: writes ? [...index.articles()] : await storeArticles(index, storeRoot),
    });
  }
  for (const problem of repository.problems()) output.problem(problem.message);
  return { corpus: index, repository, storeRoot };
}

/**
 * The articles the store places annotations on. An empty store has nothing to place, so a
 * corpus of any size opens without reading its articles; otherwise the store still takes them
 * all in memory (until it reads the corpus index itself).
 */
async function storeArticles(corpus: CorpusIndex, storeRoot: string): Promise<Article[]> {
  const entries = await readdir(storeRoot).catch(() => [] as string[]);
  if (!entries.some((name) => !name.startsWith('.'))) return [];
  return [...corpus.articles()];
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
