import { stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { defaultCacheDir, loadCorpus } from '../corpus/index.js';
import type { Article } from '../corpus/types.js';
import {
  createMemoryRepository,
  openRepository,
  type Repository,
  resolveAnnotator,
} from '../store/index.js';
import type { CommandIO } from './command.js';
import { CannotRun, type Output } from './output.js';
import { loadProject, type ProjectContext } from './project.js';

/** The corpus and the store as the export, import, stats, agree and search commands see them. */
export interface Workspace {
  articles: Article[];
  byId: Map<string, Article>;
  repository: Repository;
  /** The store folder, absolute. */
  storeRoot: string;
  /** The project file's choices (labels, folders), or margin's defaults without one. */
  project: ProjectContext;
}

/** A path as the command line gave it, resolved against the folder the command runs in. */
export function fromCwd(io: CommandIO, path: string): string {
  return isAbsolute(path) ? path : join(io.cwd, path);
}

/**
 * Loads the corpus and opens the store, naming unreadable articles and refused store files (they
 * are left out; the rest goes on, and the command then ends with status 1). Throws `CannotRun`
 * when the corpus folder itself is missing or the store is not a folder. `annotator` is who the
 * repository writes as (only import writes). A command that only `reads` never creates the
 * store: where there is none, it sees an empty one and says so.
 */
export async function openWorkspace(
  flags: Record<string, unknown>,
  io: CommandIO,
  output: Output,
  { annotator, reads = false }: { annotator?: string | undefined; reads?: boolean } = {},
): Promise<Workspace> {
  const project = await loadProject(flags, io);
  const corpus = project.corpus.shown;
  const store = project.store.shown;
  const root = project.corpus.root;
  // Paths as the user typed them: under the --corpus they gave, not the absolute root.
  const shown = (message: string) => message.replace(root, () => corpus);
  let articles: Article[];
  try {
    const load = await loadCorpus(root, { cacheDir: defaultCacheDir(io.env) });
    for (const problem of load.problems) output.problem(shown(problem.message));
    articles = load.articles;
  } catch (error) {
    throw new CannotRun(shown(error instanceof Error ? error.message : String(error)));
  }
  const storeRoot = project.store.root;
  const found = await stat(storeRoot).catch(() => null);
  if (found && !found.isDirectory()) {
    throw new CannotRun(`${store} is not a folder, so not an annotation store`);
  }
  let repository: Repository;
  if (!found && reads) {
    output.say(`${store} does not exist: no annotations yet`);
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
  for (const problem of repository.problems()) output.problem(problem.message);
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    repository,
    storeRoot,
    project,
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
