import { openSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { GOLD } from '../export/adjudication.js';
import type { Effect } from '../review/state.js';
import { oneName } from '../text/untrusted.js';
import { givenAnnotator } from './annotator-name.js';
import { type Command, corpusFlags, storeFlags } from './command.js';
import { CannotRun } from './output.js';
import { markOwnFolders } from './own-folders.js';
import { loadProject, type ProjectContext, reviewProject } from './project.js';
import { watchProjectFile } from './project-watch.js';
import { placeFile, readPlace, savePlace } from './review-place.js';

/** How long after its start a review prunes the journals (`pruneJournals`): after the first frame. */
const PRUNE_AFTER_MS = 1000;

const NOT_A_TERMINAL =
  'needs an interactive terminal. For scripts, use: margin list, margin show, margin search, margin export (see margin --help).';

/**
 * Why `path` cannot be used as a folder, or null when it can (or, with `mayBeMissing`, does not
 * exist yet). Checked before the alternate screen: a file there would otherwise leave a blank screen.
 */
async function notAFolder(
  path: string,
  what: string,
  option: string | null,
  mayBeMissing: boolean,
): Promise<string | null> {
  // The way out is named only to one who did not give the folder (qa52: `--corpus nope` was told
  // to pass --corpus).
  const hint = option === null ? '' : ` (pass ${option} DIR)`;
  try {
    if ((await stat(path)).isDirectory()) return null;
    return `${what} is not a folder${hint}.`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return `${what}: a part of its path is a file, not a folder.`;
    if (code === 'ENOENT') return mayBeMissing ? null : `${what} does not exist${hint}.`;
    return `${what} cannot be read: ${code ?? String(error)}.`;
  }
}

/**
 * Runs `load` with `fetch` hidden. yoga-layout, Ink's layout engine, fetches its WebAssembly from
 * a data: URL whenever `fetch` exists: in Node that first loads undici, about 25 ms before the
 * first frame. Without `fetch` it decodes the same bytes directly. Nothing else in margin fetches.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!descriptor?.configurable) return load();
  Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return await load();
  } finally {
    Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}

export const command: Command = {
  name: 'review',
  summary: 'Review and tag articles in a full-screen terminal UI (the default)',
  usage: `review [--corpus DIR] [--store DIR] [--annotator NAME] [--compare] [--no-suggestions]

Options
  --corpus, -c DIR   the articles to review (default: seeds)
  --store, -s DIR    where annotations are saved (default: annotations)
  --annotator NAME   who is tagging (default: $MARGIN_ANNOTATOR, then margin.json's, then your login name)
  --compare          adjudicate: write as "gold" and press c to compare every annotator's labels
  --project FILE     the project file (default: margin.json here or in a folder above)
  --no-suggestions   no suggested labels (they are on by default: y accepts, r rejects)

Press ? in the review for every key.`,
  flags: {
    ...corpusFlags,
    ...storeFlags,
    compare: { type: 'boolean', default: false },
    suggestions: { type: 'boolean', default: true },
  },
  async run(_input, flags, io, output) {
    if (!io.stdin.isTTY || !io.stdout.isTTY) throw new CannotRun(NOT_A_TERMINAL);
    // Colour libraries decide once, when Ink is first imported: NO_COLOR must be known by then.
    const color = !io.env.NO_COLOR;
    if (!color) process.env.FORCE_COLOR = '0';
    // React's development build checks every render; an app run by people wants the production one.
    process.env.NODE_ENV ??= 'production';
    // Ink prints only the last frame when it believes it runs in CI (CI, CONTINUOUS_INTEGRATION or
    // any CI_* variable in a developer's shell is enough), and colour support is off whenever CI is
    // set at all: a review in a real terminal needs every frame. Both are read on import.
    for (const key of Object.keys(process.env)) {
      if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_'))
        delete process.env[key];
    }
    // The UI, the corpus reader and the store's code load side by side: start-up is mostly module
    // loading.
    const ui = withoutFetch(() => Promise.all([import('../ui/run.js'), import('../ui/theme.js')]));
    const corpusSession = import('./review-session.js');
    // The cache's and the journal's code load beside the rest, not after it (each one more step
    // before the session starts).
    const cacheCode = import('../corpus/cache.js');
    const journalCode = import('../store/journal.js');
    const { openRepository, diskModelStore, diskRejectionStore } = await import(
      '../store/index.js'
    );
    const context = await loadProject(flags, io);
    const { project, warning: guidelinesWarning } = await reviewProject(context);
    // Comparing, one adjudicates: accepted versions are written as the gold annotator.
    const annotator = flags.compare
      ? GOLD
      : givenAnnotator(flags.annotator as string | undefined, io.env, context);
    const corpusDir = context.corpus.root;
    const root = context.store.root;
    // A store that does not exist yet is created on the first tag.
    const refused =
      (await notAFolder(
        corpusDir,
        `the corpus ${oneName(context.corpus.shown)}`,
        flags.corpus === undefined ? '--corpus' : null,
        false,
      )) ??
      (await notAFolder(
        root,
        `the store ${oneName(context.store.shown)}`,
        flags.store === undefined ? '--store' : null,
        true,
      ));
    if (refused) throw new CannotRun(refused);
    const { startReviewSession, reviewController, placeOf } = await corpusSession;
    // The first frame waits for neither the whole corpus nor the store: both load behind it.
    const { defaultCacheDir } = await cacheCode;
    const cacheDir = defaultCacheDir(io.env);
    markOwnFolders(cacheDir, root);
    const place = placeFile(cacheDir, corpusDir, annotator);
    // Each change goes there before the screen shows it: a kill before its store file is
    // written loses nothing, the next review (or command) writes it.
    const { Journal, journalFolder, pruneJournals } = await journalCode;
    const journalDir = journalFolder(cacheDir, root);
    const journal = {
      journal: new Journal<Effect>(journalDir, root, annotator, resolve(corpusDir)),
      folder: journalDir,
      root,
      annotator,
      shown: (path: string) => join(context.store.shown, relative(root, path)),
      corpus: resolve(corpusDir),
    };
    const session = await startReviewSession(
      corpusDir,
      (articles, corpus) =>
        openRepository({
          root,
          display: context.store.shown,
          annotator,
          cacheDir,
          // The store as its index holds it, at once: the controller then compares every file.
          check: 'later',
          onWriting: (writer, article, fp) => journal.journal.writing(writer, article, fp),
          ...(corpus ? { corpus } : articles ? { articles } : {}),
        }),
      cacheDir,
      context.corpus.shown,
    );
    // Among the problems `!` lists: the review starts without the guidelines rather than not at all.
    if (guidelinesWarning !== null && context.file !== null)
      session.problems.push({ path: context.file, message: guidelinesWarning });
    const story = (await import('./story-thread.js')).reviewStorySource({
      corpusRoot: session.root,
      cacheDir: session.cacheDir === undefined ? cacheDir : session.cacheDir,
      storeRoot: root,
      annotator,
      display: context.store.shown,
      kinds: project.labels.map((label) => label.name),
      ...storyLimit(io.env),
    });
    // Each rejection noted beside the review's journal before it is shown, as a tag is.
    const rejections = diskRejectionStore(root, annotator, context.store.shown, journalDir);
    const controller = reviewController(session, {
      project,
      corpusName: basename(corpusDir),
      annotator,
      compare: Boolean(flags.compare),
      // The model learns from the annotator's own decisions; adjudicating teaches it nothing.
      models:
        flags.suggestions && !flags.compare
          ? diskModelStore(root, annotator, context.store.shown)
          : null,
      // Kept with the model: what the annotator rejected stays rejected after a restart.
      rejections,
      size: { columns: io.stdout.columns ?? 80, rows: io.stdout.rows ?? 24 },
      story,
      projectFile: projectFileWatch(context),
      // Where this annotator stopped in this corpus last time (qa53: always article 1).
      resume: readPlace(place),
      trace: actionLog(io.env),
      journal,
    });
    const [{ runReview }, { makeTheme }] = await ui;
    let modelUnsaved: string | null = null;
    const status = (unsaved: number) => {
      if (unsaved === 0) return modelUnsaved === null ? 0 : 1;
      // The journal holds them (unless it could not be written): the next review writes them.
      const kept =
        journal.journal.pending >= unsaved ? ': the next review of this store writes them' : '';
      output.problem(`quit without waiting; ${unsaved} change(s) were not saved${kept}.`);
      return 1;
    };
    // What killed idle reviews left empty is pruned at the start too, not only at a quit (a
    // review killed every time never pruned): behind the first frame, a listing of the cache's
    // journal folders.
    const pruning = setTimeout(() => pruneJournals(cacheDir), PRUNE_AFTER_MS);
    pruning.unref();
    const unsaved = await runReview({
      stdout: io.stdout as NodeJS.WriteStream,
      stdin: io.stdin as NodeJS.ReadStream,
      controller,
      theme: makeTheme(color),
      giveUp: () => process.exit(143),
    });
    clearTimeout(pruning);
    await savePlace(place, placeOf(controller.getState()));
    // Said after the screen is gone: the review's own line about it went with the screen.
    modelUnsaved = await controller.suggestionsSettled();
    if (modelUnsaved !== null) {
      output.problem(
        `the suggestion model could not be saved: ${modelUnsaved}; what this session taught it is lost`,
      );
    }
    const rejectionsUnsaved = await controller.rejectionsSettled();
    if (rejectionsUnsaved !== null) {
      modelUnsaved ??= rejectionsUnsaved.why;
      // The journal holds them (unless it could not be written): the next start writes them.
      const next =
        (rejections.pending ?? 0) >= rejectionsUnsaved.unsaved
          ? 'they are kept in the journal, and the next review writes them'
          : 'the next review will not know them';
      output.problem(
        `${rejectionsUnsaved.unsaved} change(s) to the rejections file (rejections or their undoing) could not be saved: ${rejectionsUnsaved.why}; ${next}`,
      );
    }
    // Kept only with changes not written: the next start writes them.
    rejections.close?.();
    // Worker threads end before the process does: one still running while the process exits
    // can crash it in its last moment (a segfault seen at quit during a first read). A first
    // read stops within a moment once its files are listed; listing a huge folder is not waited
    // for to the end (no thread runs then).
    await Promise.all([
      story.close(),
      Promise.race([session.close(), new Promise((resolve) => setTimeout(resolve, 3000).unref())]),
    ]);
    // Kept only with changes given up on (a forced quit): the next start writes them.
    journal.journal.close();
    // What killed idle reviews left empty, of every store: nothing of them is to be written.
    pruneJournals(cacheDir);
    const repository = controller.repository;
    // Still opening: every write waits for the store and quitting waits for every write, so
    // nothing of this session is in that read. Leave now rather than stay alive, screen gone,
    // until a large store has been read (seconds at 300,000 annotations).
    if (repository === null) process.exit(status(unsaved));
    await repository.close();
    return status(unsaved);
  },
};

/** Watches the project file for a change the running review cannot take in (a `git pull`). */
function projectFileWatch({ file, shown, text }: ProjectContext) {
  if (file === null || text === null) return undefined;
  return {
    shown: oneName(shown ?? file),
    watch: (changed: (how: 'changed' | 'gone') => void) => watchProjectFile(file, text, changed),
  };
}

/**
 * `MARGIN_ACTION_LOG=FILE` (for the end-to-end tests, which print it when a wait times out): the
 * review appends each key and action to FILE, with the time since start in ms. Never to the
 * terminal; a file that cannot be opened or written is passed over.
 */
function actionLog(env: Record<string, string | undefined>): ((line: string) => void) | undefined {
  const path = env.MARGIN_ACTION_LOG;
  if (!path) return undefined;
  let fd: number;
  try {
    fd = openSync(path, 'a');
  } catch {
    return undefined;
  }
  const start = performance.now();
  return (line) => {
    try {
      writeSync(fd, `${(performance.now() - start).toFixed(0)} ${line}\n`);
    } catch {
      // The log is for tests; the review goes on without it.
    }
  };
}

/**
 * `MARGIN_STORY_IN_REVIEW`: the most articles whose story groups the review forms itself (a
 * machine with memory to spare may raise it; beyond it the review reads the groups
 * `margin index --story` kept). Anything but a whole number leaves the default.
 */
function storyLimit(env: Record<string, string | undefined>): { inReview?: number } {
  const given = env.MARGIN_STORY_IN_REVIEW;
  return given !== undefined && /^\d+$/.test(given.trim()) ? { inReview: Number(given) } : {};
}
