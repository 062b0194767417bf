import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { defaultCacheDir } from '../corpus/cache.js';
import type { ArticleSummary, CorpusIndex } from '../corpus/corpus-index.js';
import type { ScanMode } from '../corpus/db/scan.js';
import { reviewStatuses } from '../export/review-statuses.js';
import {
  createMemoryRepository,
  openRepository,
  type Repository,
  resolveAnnotator,
  startCheckThreadsFor,
} from '../store/index.js';
import { hasJournals, journalFolder } from '../store/journal.js';
import type { ReviewStatus } from '../store/types.js';
import { oneName } from '../text/untrusted.js';
import type { CommandIO } from './command.js';
import { namedProblem, openProjectCorpus } from './corpus.js';
import { CannotRun, type Output } from './output.js';
import { loadProject, type ProjectContext } from './project.js';

/** The corpus and the store as the export, import, stats, agree, orphans and search commands see them. */
export interface Workspace {
  corpus: CorpusIndex;
  repository: Repository;
  /** The store folder, absolute. */
  storeRoot: string;
  /** Where margin's caches (the store's index among them) live. */
  cacheDir: string;
  /** The project file's choices (labels, folders), or margin's defaults without one. */
  project: ProjectContext;
  /**
   * Settles once every store file was compared with the index: true when that changed what the
   * index answers (a file read again, added or gone, an annotator folder new or gone), so that
   * what was computed from it meanwhile must be computed again. Opened `behind`, the refused
   * files are named then; otherwise it is settled (false) when the workspace opens.
   */
  checked: Promise<boolean>;
  /**
   * Opened `behind` with `asIs`: true when the index stood, folder by folder, as the last check
   * of every file left it (`Repository.checkedAsIs`), so that what differs from the files is at
   * most a file edited in place; an answer's own articles' files can then be compared at once
   * (`checkArticles`) while `checked` sees to the rest. False otherwise.
   */
  asIs: boolean;
  /**
   * Starts the check `checked` waits for, when `asIs` held it back until the caller's first
   * answer was out; does nothing otherwise (the check began as the workspace opened).
   */
  beginCheck: () => void;
  /**
   * Opened with `later`: the note that the store does not exist (`no annotations yet`), for the
   * caller to say once its filters passed, so that it never comes before a refusal; null when
   * the store exists or the note was said as the workspace opened.
   */
  missing: string | null;
}

/**
 * What reviews of this annotator showed and never wrote (killed: their journals), written before
 * the command reads the store, as the next review would (`review/left-changes.ts`).
 */
async function writeLeftChanges(
  repository: Repository,
  corpus: CorpusIndex,
  cacheDir: string,
  root: string,
  shown: string,
  output: Output,
): Promise<void> {
  const folder = journalFolder(cacheDir, root);
  // Nearly always none: the review's code is not loaded for a search or an export then.
  if (!hasJournals(folder, repository.annotator)) return;
  const { writeLeft } = await import('../review/left-changes.js');
  const at = {
    folder,
    root,
    annotator: repository.annotator,
    shown: (path: string) => join(shown, relative(root, path)),
    corpus: resolve(corpus.root),
  };
  const { written, warnings, failed } = await writeLeft(repository, at, (id) => corpus.article(id));
  for (const warning of warnings) output.warn(warning);
  const who = oneName(repository.annotator);
  if (written > 0 && failed === null) {
    output.warn(`wrote ${written} change(s) a stopped review of ${who} showed and had not saved`);
  } else if (failed !== null) {
    output.warn(
      `changes a stopped review of ${who} showed are not saved yet (${failed}); the next command or review tries again`,
    );
  }
}

/**
 * Opens the corpus index (bringing it up to the folder) and the store, naming unreadable
 * articles and refused store files (they are left out; the rest goes on, and the command then
 * ends with status 1). Throws `CannotRun` when the corpus folder itself is missing or the store
 * is not a folder. `annotator` is who the repository writes as (only import writes). A command
 * that only `reads` never creates the store: where there is none, it sees an empty one and says
 * so. `behind`: the store answers from its index at once while every file is compared with it
 * on other threads (see `answered` and `checked`). The caller closes `corpus` when done.
 */
export async function openWorkspace(
  flags: Record<string, unknown>,
  io: CommandIO,
  output: Output,
  {
    annotator,
    reads = false,
    behind = false,
    only,
    corpus: given,
    look = 'quick',
    asIs: askAsIs = false,
    later = false,
  }: {
    annotator?: string | undefined;
    reads?: boolean;
    behind?: boolean;
    /**
     * The articles whose files alone the answer depends on: only those files are compared with
     * the index (`Repository.checkArticles`), none of the others, and no check thread starts.
     */
    only?: readonly string[] | undefined;
    /** The corpus index, when the caller opened it already (and named its problems). */
    corpus?: CorpusIndex | undefined;
    /**
     * How the corpus index is brought up to the folder (`ScanMode`): `quick` for commands with a
     * target under a second; `compare` (every file's size and time: an article edited in place
     * too) for those that take seconds anyway.
     */
    look?: ScanMode;
    /** With `behind`: tell whether the index stands as the last check left it (`Workspace.asIs`). */
    asIs?: boolean;
    /** Hand the store's missing note back (`Workspace.missing`) instead of saying it. */
    later?: boolean;
  } = {},
): Promise<Workspace> {
  const project = await loadProject(flags, io);
  const store = project.store.shown;
  const cacheDir = defaultCacheDir(io.env);
  // The threads of a large store's check boot while the corpus is opened, not after; not yet
  // for a caller that may answer before the check (`asIs`): their boot would come first.
  if (!only && !askAsIs) startCheckThreadsFor(cacheDir, project.store.root);
  const corpus = given ?? (await openProjectCorpus(project, io, output, look));
  const storeRoot = project.store.root;
  const found = await stat(storeRoot).catch(() => null);
  if (found && !found.isDirectory()) {
    throw new CannotRun(`${store} is not a folder, so not an annotation store`);
  }
  let repository: Repository;
  let missing: string | null = null;
  if (!found && reads) {
    missing = `${store} does not exist: no annotations yet`;
    if (!later) {
      output.say(missing);
      missing = null;
    }
    repository = createMemoryRepository(readerName(io.env));
    await repository.open(corpus);
  } else {
    repository = await openRepository({
      root: storeRoot,
      display: store,
      annotator: annotator ?? readerName(io.env),
      corpus,
      cacheDir,
      check: behind || only ? 'later' : 'now',
    });
    if (only) await repository.checkArticles(only);
    await writeLeftChanges(repository, corpus, cacheDir, storeRoot, store, output);
  }
  const opened = repository;
  const nameProblems = () => {
    for (const problem of opened.problems()) output.problem(namedProblem(problem));
  };
  if (!behind || only) {
    nameProblems();
    return {
      corpus,
      repository,
      storeRoot,
      cacheDir,
      project,
      checked: Promise.resolve(false),
      asIs: false,
      beginCheck: () => {},
      missing,
    };
  }
  // Before the check, which may change what it reads.
  const asIs = askAsIs && repository.checkedAsIs();
  const start = async () => {
    // What the index answers before the check, to tell whether the check changed it.
    const version = opened.version;
    const names = opened.annotators().join('\0');
    await opened.startCheck();
    const done = opened.check().then(() => {
      nameProblems();
      return opened.version !== version || opened.annotators().join('\0') !== names;
    });
    return { done };
  };
  let checked: Promise<boolean>;
  let beginCheck = () => {};
  if (asIs) {
    // Held until the caller has its first answer: reading the folders' listings and cutting
    // them into shares, and the shares this thread takes, would come before it.
    const begun = new Promise<void>((done) => {
      beginCheck = done;
    });
    checked = begun.then(start).then(({ done }) => done);
  } else checked = (await start()).done;
  // A failed check is the command's when it awaits `checked`, not an unhandled rejection before.
  checked.catch(() => undefined);
  return { corpus, repository, storeRoot, cacheDir, project, checked, asIs, beginCheck, missing };
}

/**
 * `compute` over the store's index as the last run left it, while the check of every file runs
 * on other threads (wall time about the longer of the two, not their sum, on two cores); once
 * the check is over, computed again if the check changed what the index answers (a file edited
 * since the last command: rare), so the answer is always the files' own.
 */
export async function answered<T>(workspace: Workspace, compute: () => T): Promise<T> {
  const first = compute();
  return (await workspace.checked) ? compute() : first;
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

/** Summaries a page at a time. */
const PAGE = 1000;

/** The corpus in order without its text, a page at a time. */
export function* summariesOf(corpus: CorpusIndex): Generator<ArticleSummary, void, undefined> {
  const size = corpus.size();
  for (let from = 0; from < size; from += PAGE) yield* corpus.summaries(from, from + PAGE);
}

/**
 * Every annotator's status of every article, answered from one read of the store's tallies: a
 * report asks for each article of the corpus, most of which the store has no file for.
 */
export function statusesOf(
  repository: Repository,
): (article: string, annotator: string) => ReviewStatus {
  return reviewStatuses(repository.reviewed()).of;
}
